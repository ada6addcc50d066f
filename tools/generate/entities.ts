import type { BundleEntity } from '../../src/model/bundle-schema.js';
import { ENTITY_TYPES, type EntityType } from '../../src/model/types.js';
import { randomDateRange } from './dates.js';
import { slugOf, type NameBook } from './names.js';
import type { Random } from './random.js';

/** Entity types are stored one byte per entity: the index into ENTITY_TYPES. */
export const TYPE_CODE = Object.fromEntries(ENTITY_TYPES.map((type, code) => [type, code])) as Record<EntityType, number>;

/** Shares of everything that is not a country; countries are few and capped like the real world's. */
const SHARES = { PERSON: 0.42, ORGANIZATION: 0.25, LOCATION: 0.18, EVENT: 0.15 } as const;
const MAX_COUNTRIES = 200;

export function entityTypeCounts(total: number): Record<EntityType, number> {
  const counts: Record<EntityType, number> = { PERSON: 0, ORGANIZATION: 0, COUNTRY: 0, LOCATION: 0, EVENT: 0 };
  if (total < ENTITY_TYPES.length) {
    ENTITY_TYPES.slice(0, total).forEach((type) => (counts[type] = 1));
    return counts;
  }
  counts.COUNTRY = Math.min(MAX_COUNTRIES, Math.max(1, Math.round(total * 0.015)));
  const rest = total - counts.COUNTRY;
  for (const type of ['ORGANIZATION', 'LOCATION', 'EVENT'] as const) counts[type] = Math.max(1, Math.floor(rest * SHARES[type]));
  counts.PERSON = total - counts.COUNTRY - counts.ORGANIZATION - counts.LOCATION - counts.EVENT;
  return counts;
}

/** The type of every entity, in stream order: one byte each, shuffled so types mix along the stream. */
export function planEntityTypes(total: number, random: Random): Uint8Array {
  const types = new Uint8Array(total);
  let next = 0;
  for (const [type, count] of Object.entries(entityTypeCounts(total)) as Array<[EntityType, number]>) {
    types.fill(TYPE_CODE[type], next, next + count);
    next += count;
  }
  random.shuffle(types);
  return types;
}

const TITLES = ['General', 'Colonel', 'Minister', 'President', 'Ambassador', 'Spokesperson', 'Admiral', 'Senator'];
const DESCRIPTIONS: Record<EntityType, string> = {
  PERSON: 'A person in the news, generated for load tests.',
  ORGANIZATION: 'An organization in the news, generated for load tests.',
  COUNTRY: 'A country, generated for load tests.',
  LOCATION: 'A place in the news, generated for load tests.',
  EVENT: 'An event in the news, generated for load tests.',
};

export function entityId(names: NameBook, index: number, type: EntityType): string {
  return slugOf(names.name(index, type));
}

/** One entity record. Names come from the NameBook; the optional extras from the stream's random. */
export function buildEntity(names: NameBook, index: number, type: EntityType, random: Random): BundleEntity {
  const name = names.name(index, type);
  const base = { id: slugOf(name), name, aliases: pickAliases(names.aliasCandidates(index, type), random) };
  const described = random.chance(0.3) ? { description: DESCRIPTIONS[type] } : {};
  switch (type) {
    case 'PERSON':
      return { ...base, type, ...described, ...(random.chance(0.3) ? { title: random.pick(TITLES) } : {}) };
    case 'ORGANIZATION':
      return { ...base, type, ...described, category: names.category(index) };
    case 'EVENT': {
      const { start, end } = randomDateRange(random, 0.5);
      return { ...base, type, ...described, startDate: start, ...(end ? { endDate: end } : {}) };
    }
    default:
      return { ...base, type, ...described };
  }
}

/** About half the entities get one or two aliases. */
function pickAliases(candidates: string[], random: Random): string[] {
  const roll = random.next();
  const count = roll < 0.5 ? 0 : roll < 0.85 ? 1 : 2;
  const chosen: string[] = [];
  while (chosen.length < count && chosen.length < candidates.length) {
    const alias = random.pick(candidates);
    if (!chosen.includes(alias)) chosen.push(alias);
  }
  return chosen;
}
