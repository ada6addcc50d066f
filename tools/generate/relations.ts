import type { BundleRelation } from '../../src/model/bundle-schema.js';
import { RELATION_ENDPOINTS, type EntityType, type RelationType } from '../../src/model/types.js';
import { randomDateRange } from './dates.js';
import type { EntityPools } from './pools.js';
import type { Random } from './random.js';

type Weights<K extends string> = Partial<Record<K, number>>;

/** What an entity of each type tends to be the subject of. */
const RELATIONS_FROM: Record<EntityType, Weights<RelationType>> = {
  PERSON: { MEMBER_OF: 45, PARTICIPATES_IN: 35, COMMANDS: 20 },
  ORGANIZATION: { MEMBER_OF: 40, PARTICIPATES_IN: 60 },
  COUNTRY: { MEMBER_OF: 50, PARTICIPATES_IN: 50 },
  EVENT: { LOCATED_IN: 1 },
  LOCATION: { LOCATED_IN: 1 },
};

function targetWeights(type: RelationType, fromType: EntityType): Weights<EntityType> {
  switch (type) {
    case 'PARTICIPATES_IN':
      return { EVENT: 1 };
    case 'COMMANDS':
      return { ORGANIZATION: 6, EVENT: 4 };
    case 'MEMBER_OF':
      return { ORGANIZATION: 1 };
    case 'LOCATED_IN':
      return fromType === 'EVENT' ? { LOCATION: 6, COUNTRY: 4 } : { COUNTRY: 7, LOCATION: 3 };
  }
}

/** Roles a person can hold; groups and states get the plainer ones. */
const PERSON_ROLES: Record<RelationType, { probability: number; roles: string[] }> = {
  PARTICIPATES_IN: { probability: 0.3, roles: ['participant', 'observer', 'negotiator', 'mediator'] },
  COMMANDS: { probability: 0.3, roles: ['commander', 'deputy commander', 'chief of staff'] },
  MEMBER_OF: { probability: 0.4, roles: ['member', 'spokesperson', 'chair', 'deputy director', 'adviser'] },
  LOCATED_IN: { probability: 0, roles: [] },
};
const GROUP_ROLES: Record<RelationType, { probability: number; roles: string[] }> = {
  PARTICIPATES_IN: { probability: 0.3, roles: ['participant', 'observer', 'host'] },
  COMMANDS: { probability: 0, roles: [] },
  MEMBER_OF: { probability: 0.2, roles: ['member', 'observer', 'associate member'] },
  LOCATED_IN: { probability: 0, roles: [] },
};

/** Weights filtered to what RELATION_ENDPOINTS allows, so a table typo can never produce an invalid stream. */
function allowed<K extends string>(weights: Weights<K>, keep: (key: K) => boolean): Weights<K> | undefined {
  const kept = Object.fromEntries(Object.entries(weights).filter(([key]) => keep(key as K))) as Weights<K>;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

export interface PlannedRelation {
  relation: BundleRelation;
  fromIndex: number;
  toIndex: number;
  toType: EntityType;
}

const ATTEMPTS = 4;

/**
 * Plans relations whose subject (`from`) is a newly emitted entity and whose
 * object (`to`) is drawn by Zipf rank from everything emitted so far, which
 * gives every entity a degree of 1–3 of its own and a few hubs very many.
 */
export class RelationPlanner {
  private count = 0;

  constructor(
    private readonly pools: EntityPools,
    private readonly random: Random,
    private readonly entityId: (index: number, type: EntityType) => string,
  ) {}

  /** How many relations an entity is the subject of: 1.5 on average. */
  drawCount(): number {
    const roll = this.random.next();
    return roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
  }

  /** A relation from `fromIndex`, or undefined when nothing fitting has been emitted yet. */
  plan(fromIndex: number, fromType: EntityType, taken: Set<string>): PlannedRelation | undefined {
    const types = allowed(RELATIONS_FROM[fromType], (type) => RELATION_ENDPOINTS[type].from.includes(fromType));
    if (!types) return undefined;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const type = this.random.weighted(types);
      const targets = allowed(targetWeights(type, fromType), (to) => RELATION_ENDPOINTS[type].to.includes(to) && this.pools.size(to) > 0);
      if (!targets) continue;
      const toType = this.random.weighted(targets);
      // A retry draws uniformly, so a duplicate of a hub link does not repeat forever.
      const toIndex = attempt === 0 ? this.pools.zipf(toType, this.random) : this.pools.uniform(toType, this.random);
      // The same (type, from, to) twice would be merged on load, so it is never planned.
      const key = `${type}:${fromIndex}:${toIndex}`;
      if (toIndex === fromIndex || taken.has(key)) continue;
      taken.add(key);
      return { relation: this.build(type, fromIndex, fromType, toIndex, toType), fromIndex, toIndex, toType };
    }
    return undefined;
  }

  private build(type: RelationType, fromIndex: number, fromType: EntityType, toIndex: number, toType: EntityType): BundleRelation {
    const relation: BundleRelation = { id: `rel-${++this.count}`, type, from: this.entityId(fromIndex, fromType), to: this.entityId(toIndex, toType) };
    const { probability, roles } = (fromType === 'PERSON' ? PERSON_ROLES : GROUP_ROLES)[type];
    if (this.random.chance(probability)) relation.role = this.random.pick(roles);
    if (this.random.chance(0.3)) {
      const { start, end } = randomDateRange(this.random, 0.4);
      relation.startDate = start;
      if (end) relation.endDate = end;
    }
    return relation;
  }
}
