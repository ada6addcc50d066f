import type { BundleEntity, BundleRelation } from '../model/bundle-schema.js';
import { isPartialDate } from '../model/dates.js';
import { normalizeName } from '../model/names.js';
import { asName } from '../model/text-rules.js';
import { ORGANIZATION_CATEGORIES, RELATION_ENDPOINTS, type EntityType } from '../model/types.js';
import type { ExtractedEntity, ExtractedRelation } from './types.js';

/**
 * Turns the rules' entities and relations into bundle records that pass the
 * bundle's own rules by construction: one-line names, fields only on the
 * types that may carry them, endpoints of the right types, no self
 * relations, one relation per (type, from, to).
 */

const NAME_MAX = 500;
const ROLE_MAX = 200;

export function cleanName(name: string, max = NAME_MAX): string {
  return Array.from(asName(name)).slice(0, max).join('').trim();
}

export function entityRecord(entity: ExtractedEntity, id: string): BundleEntity | undefined {
  const name = cleanName(entity.name);
  if (!name) return undefined;
  const nameKey = normalizeName(name);
  const aliases = new Map<string, string>();
  for (const alias of entity.aliases.map((value) => cleanName(value))) {
    const key = normalizeName(alias);
    if (alias && key && key !== nameKey && !aliases.has(key)) aliases.set(key, alias);
  }
  const base = { id, name, aliases: [...aliases.values()] };
  switch (entity.type) {
    case 'PERSON': {
      const title = entity.title ? cleanName(entity.title, ROLE_MAX) : '';
      return { ...base, type: 'PERSON', ...(title ? { title } : {}) };
    }
    case 'ORGANIZATION': {
      const category = (ORGANIZATION_CATEGORIES as readonly string[]).includes(entity.category ?? '')
        ? (entity.category as (typeof ORGANIZATION_CATEGORIES)[number])
        : undefined;
      return { ...base, type: 'ORGANIZATION', ...(category ? { category } : {}) };
    }
    case 'EVENT':
      return { ...base, type: 'EVENT', ...period(entity.startDate, entity.endDate) };
    default:
      return { ...base, type: entity.type };
  }
}

export interface RelationChoice {
  /** The most confident statement, which gives the record its role and dates. */
  relation: ExtractedRelation;
  record: BundleRelation;
  /** Every statement of the same fact, each a report. */
  statements: ExtractedRelation[];
}

/** Keeps, per (type, from, to), the most confident statement; drops what the model forbids, with the reason. */
export function relationRecords(
  relations: readonly ExtractedRelation[],
  ids: ReadonlyMap<string, { id: string; type: EntityType }>,
  warnings: string[],
): RelationChoice[] {
  const best = new Map<string, RelationChoice>();
  for (const relation of relations) {
    const from = ids.get(relation.from);
    const to = ids.get(relation.to);
    const label = `${relation.type} ${relation.from} → ${relation.to} (${relation.rule})`;
    if (!from || !to) {
      warnings.push(`dropped ${label}: an endpoint is not among the draft's entities`);
      continue;
    }
    const endpoints = RELATION_ENDPOINTS[relation.type];
    if (from.id === to.id || !endpoints.from.includes(from.type) || !endpoints.to.includes(to.type)) {
      warnings.push(`dropped ${label}: ${from.type} → ${to.type} is not a valid ${relation.type}`);
      continue;
    }
    const id = `${from.id}-${relation.type.toLowerCase().replace(/_/g, '-')}-${to.id}`.slice(0, 200).replace(/-+$/, '');
    const role = relation.role ? cleanName(relation.role, ROLE_MAX) : '';
    const record: BundleRelation = {
      id,
      type: relation.type,
      from: from.id,
      to: to.id,
      ...(role ? { role } : {}),
      ...period(relation.startDate, relation.endDate),
    };
    const known = best.get(id);
    if (!known) best.set(id, { relation, record, statements: [relation] });
    else {
      known.statements.push(relation);
      if (relation.confidence > known.relation.confidence) Object.assign(known, { relation, record });
    }
  }
  return [...best.values()];
}

/** Dates the model accepts: valid partial dates, the end not before the start (compared at the shorter precision). */
function period(startDate?: string, endDate?: string): { startDate?: string; endDate?: string } {
  const start = startDate && isPartialDate(startDate) ? startDate : undefined;
  const end = endDate && isPartialDate(endDate) ? endDate : undefined;
  if (start && end) {
    const precision = Math.min(start.length, end.length);
    if (end.slice(0, precision) < start.slice(0, precision)) return { startDate: start };
  }
  return { ...(start ? { startDate: start } : {}), ...(end ? { endDate: end } : {}) };
}
