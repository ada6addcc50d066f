import { ENTITY_TYPES, RELATION_TYPES } from '../../model/types.js';
import type { CostModel, FieldCost, FieldCostRule } from '../../server/cost/query-cost.js';
import { LIMITS } from '../../model/limits.js';

/**
 * What each field of this schema costs, for the cost limit
 * (src/server/plugins/cost-limit.ts). One unit is about one record read and
 * returned. The figures are upper estimates, not measurements: what matters is
 * that cost grows with what the arguments ask for (a limit, a depth, a page
 * size, aliases), which a field count does not see.
 */

/** The assumed length of a list nothing bounds, such as an entity's `reportedBy`. */
const DEFAULT_LIST_LENGTH = 10;
/** Relations among a neighbourhood's entities, per entity: news graphs are sparse, about one per entity found. */
const RELATIONS_PER_NEIGHBOURHOOD_NODE = 1;
/** A shortest path's search may visit many entities per hop; a flat guess per hop allowed. */
const PATH_SEARCH_WORK_PER_HOP = 100;
/** Full-text candidates search reads before ranking them, as a flat guess: EntityRepository.search reads ten per hit asked, 50 to 500. */
const SEARCH_CANDIDATES = 100;

/** An argument's value as a count: out-of-range values are refused by the resolver, so they never cost more than the range allows. */
function count(value: unknown, fallback: number, range: { min: number; max: number }): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(Math.max(value, range.min, 0), range.max);
}

/** `first` items of a connection: its `edges` list has that many. */
const connection =
  (range: { min: number; max: number }): FieldCostRule =>
  (args) => ({ lists: { edges: count(args.first, LIMITS.pageSize.default, range) } });

const neighborhood: FieldCostRule = (args) => {
  const depth = count(args.depth, LIMITS.neighborhoodDepth.default, LIMITS.neighborhoodDepth);
  const limit = count(args.limit, LIMITS.neighborhoodLimit.default, LIMITS.neighborhoodLimit);
  // Each breadth-first level may touch up to `limit` entities and their relationships.
  return { work: limit * depth, lists: { nodes: limit, relations: limit * RELATIONS_PER_NEIGHBOURHOOD_NODE } };
};

const shortestPath: FieldCostRule = (args) => {
  const maxHops = count(args.maxHops, LIMITS.maxHops.default, LIMITS.maxHops);
  return { work: PATH_SEARCH_WORK_PER_HOP * maxHops, lists: { nodes: maxHops + 1, relations: maxHops } };
};

const fixedLength =
  (length: number): FieldCostRule =>
  () => ({ length });

/** Any other field with a `first` argument: the list it returns, or the lists directly below it, have that many items. */
const byFirstArgument: FieldCostRule = (args): FieldCost => {
  if (typeof args.first !== 'number') return {};
  return { length: args.first, lists: { edges: args.first, nodes: args.first } };
};

export const COST_MODEL: CostModel = {
  objectCost: 1,
  defaultListLength: DEFAULT_LIST_LENGTH,
  fallback: byFirstArgument,
  rules: {
    'Query.entities': connection(LIMITS.pageSize),
    'Query.sources': connection(LIMITS.pageSize),
    'Entity.relations': connection(LIMITS.pageSize),
    'Source.reports': connection(LIMITS.pageSize),
    'Query.search': (args) => ({ work: SEARCH_CANDIDATES, length: count(args.first, LIMITS.searchSize.default, LIMITS.searchSize) }),
    'Query.neighborhood': neighborhood,
    'Query.shortestPath': shortestPath,
    'Query.timeline': fixedLength(LIMITS.timeline.max),
    'GraphStats.entitiesByType': fixedLength(ENTITY_TYPES.length),
    'GraphStats.relationsByType': fixedLength(RELATION_TYPES.length),
  },
};
