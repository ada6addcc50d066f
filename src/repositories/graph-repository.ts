import { LIMITS } from '../model/limits.js';
import neo4j from 'neo4j-driver';
import type { Executor } from '../db/executor.js';
import { dateLowerBound, dateUpperBound } from '../model/dates.js';
import { RELATION_TYPES, type RelationType } from '../model/types.js';
import {
  andAlso,
  claimFilterParams,
  entityVisible,
  isFiltered,
  NO_CLAIM_FILTER,
  relationPasses,
  whereLine,
  type ClaimFilter,
} from './support/claim-filter-cypher.js';
import {
  bareRelationProjection,
  ENTITY_PROJECTION,
  entityProjection,
  relationTypeExpression,
  type EntityProperty,
  type EntityRecord,
  type PropertiesToRead,
  type RelationProperty,
  type RelationRecord,
  withDefaults,
} from './support/records.js';

export interface Subgraph {
  nodes: EntityRecord[];
  relations: RelationRecord[];
  truncated: boolean;
}

export interface PathRecord {
  nodes: EntityRecord[];
  relations: RelationRecord[];
}

/** The properties a subgraph's records carry: the rest is not read (see entityProjection). */
export interface SubgraphReads {
  entity: PropertiesToRead<EntityProperty>;
  relation: PropertiesToRead<RelationProperty>;
}

const READ_ALL: SubgraphReads = { entity: 'all', relation: 'all' };

/**
 * Relations read bare get their endpoints from the nodes the same statement
 * returned. The records are fresh from the driver and owned here, so they are
 * completed in place rather than copied (hundreds per neighbourhood).
 */
function withEndpoints<T extends { nodes: EntityRecord[]; relations: RelationRecord[] }>(graph: T): T {
  const byId = new Map<string, EntityRecord>();
  for (const node of graph.nodes) byId.set(node.id, withDefaults(node));
  for (const relation of graph.relations) {
    relation.fromEntity = byId.get(relation.from);
    relation.toEntity = byId.get(relation.to);
  }
  return graph;
}

const typesOf = (types: readonly RelationType[]) => relationTypeExpression(types.length > 0 ? types : RELATION_TYPES);

/**
 * One breadth-first level, inside the statement: new neighbours of the
 * frontier. DISTINCT + LIMIT stream, so a hub's expansion stops early. LIMIT
 * takes `$limit` (it cannot take the remaining budget, a variable) and the
 * slice keeps what the budget allows; one more than that marks truncation.
 */
const levelCypher = (types: readonly RelationType[], filter: ClaimFilter) => `
CALL (seen, frontier, truncated) {
  UNWIND CASE WHEN truncated THEN [] ELSE frontier END AS current
  MATCH (current)-[${isFiltered(filter) ? 'step' : ''}:${typesOf(types)}]-(next:Entity)
  WHERE NOT next IN seen${andAlso(relationPasses('step', filter))}${andAlso(entityVisible('next', filter))}
  WITH DISTINCT next
  LIMIT $limit
  RETURN collect(next) AS found
}
WITH seen, found, $limit - size(seen) AS budget, truncated
WITH seen + found[0..budget] AS seen, found[0..budget] AS frontier, truncated OR size(found) > budget AS truncated`;

/**
 * The whole neighbourhood in one statement and one round trip (the depth is
 * within LIMITS.neighborhoodDepth, src/model/limits.ts): the levels, then the relations among the
 * entities found. Relation endpoints are not projected again: they are among
 * the nodes and are attached from there. Under a filter every entity found
 * has passed, so a relation among them need only pass on its own reports.
 */
const neighborhoodCypher = (depth: number, types: readonly RelationType[], read: SubgraphReads, filter: ClaimFilter) => `
MATCH (start:Entity {id: $id})${whereLine(entityVisible('start', filter))}
WITH [start] AS seen, [start] AS frontier, false AS truncated
${Array.from({ length: depth }, () => levelCypher(types, filter)).join('\n')}
CALL (seen) {
  UNWIND seen AS a
  MATCH (a)-[r:${typesOf(types)}]->(b:Entity)
  WHERE b IN seen${andAlso(relationPasses('r', filter))}
  RETURN collect(${bareRelationProjection('r', 'a', 'b', read.relation)}) AS relations
}
RETURN [n IN seen | ${entityProjection('n', read.entity)}] AS nodes, relations, truncated`;

const nodesCypher = (filter: ClaimFilter) => `
UNWIND $ids AS id
MATCH (n:Entity {id: id})${whereLine(entityVisible('n', filter))}
RETURN ${ENTITY_PROJECTION} AS entity`;

/**
 * Under a filter, each step of the path checks its relationship and the
 * entity it reaches inside the quantified pattern, so the search only walks
 * visible facts and a shortest visible path is found, not a shortest path
 * then dropped.
 */
const pathPattern = (types: readonly RelationType[], maxHops: number, filter: ClaimFilter) =>
  isFiltered(filter)
    ? `(a) (()-[step:${typesOf(types)}]-(next:Entity) WHERE ${relationPasses('step', filter)} AND ${entityVisible('next', filter)}){1,${maxHops}} (b)`
    : `(a)-[:${typesOf(types)}]-{1,${maxHops}}(b)`;

// Quantifier bounds must be literals in Cypher; maxHops is a validated integer from 1 to 8.
const shortestPathCypher = (types: readonly RelationType[], maxHops: number, read: SubgraphReads, filter: ClaimFilter) => `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})${whereLine(isFiltered(filter) ? `${entityVisible('a', filter)} AND ${entityVisible('b', filter)}` : '')}
MATCH p = SHORTEST 1 ${pathPattern(types, maxHops, filter)}
RETURN [n IN nodes(p) | ${entityProjection('n', read.entity)}] AS nodes,
       [r IN relationships(p) | ${bareRelationProjection('r', 'startNode(r)', 'endNode(r)', read.relation)}] AS relations`;

// Partial dates compare as strings once widened: 2021-08 starts at 2021-08-01 and ends by 2021-08-31.
const LOWER = (d: string) => `CASE size(${d}) WHEN 4 THEN ${d} + '-01-01' WHEN 7 THEN ${d} + '-01' ELSE ${d} END`;
const UPPER = (d: string) => `CASE size(${d}) WHEN 4 THEN ${d} + '-12-31' WHEN 7 THEN ${d} + '-31' ELSE ${d} END`;

/** Under a filter the entity asked about, the relation to each event and the event itself must pass. */
function timelineCypher(filter: ClaimFilter): string {
  const anchored = isFiltered(filter)
    ? `MATCH (m:Entity {id: $entityId})-[r:${relationTypeExpression(RELATION_TYPES)}]-(n:Event) WHERE ${entityVisible('m', filter)} AND ${relationPasses('r', filter)} RETURN n`
    : `MATCH (:Entity {id: $entityId})-[:${relationTypeExpression(RELATION_TYPES)}]-(n:Event) RETURN n`;
  return `
CALL {
  MATCH (n:Event) WHERE $entityId IS NULL RETURN n
  UNION
  ${anchored}
  UNION
  MATCH (n:Event {id: $entityId}) RETURN n
}
WITH n, coalesce(n.endDate, n.startDate) AS last
WHERE ($from IS NULL OR (last IS NOT NULL AND ${UPPER('last')} >= $from))
  AND ($to IS NULL OR (n.startDate IS NOT NULL AND ${LOWER('n.startDate')} <= $to))${andAlso(entityVisible('n', filter))}
RETURN ${ENTITY_PROJECTION} AS entity
ORDER BY n.startDate IS NULL, ${LOWER('coalesce(n.startDate, "")')}, n.name
LIMIT $limit`;
}

export class GraphRepository {
  constructor(private readonly db: Executor) {}

  /** Entities within `depth` hops, at most `limit` of them, and the relations among them: one round trip. */
  async neighborhood(
    id: string,
    depth: number,
    types: readonly RelationType[],
    limit: number,
    read: SubgraphReads = READ_ALL,
    filter: ClaimFilter = NO_CLAIM_FILTER,
  ): Promise<Subgraph | null> {
    // The depth shapes the statement (one block per level), so it is checked here too, not only in the schema.
    const { min, max } = LIMITS.neighborhoodDepth;
    if (!Number.isInteger(depth) || depth < min || depth > max) throw new RangeError(`neighborhood depth must be ${min} to ${max}, got ${depth}`);
    const params = { id, limit: neo4j.int(limit), ...claimFilterParams(filter) };
    const rows = await this.db.read<Subgraph>(neighborhoodCypher(depth, types, read, filter), params, { name: 'neighborhood' });
    if (!rows[0]) return null;
    // Sorted here rather than in Cypher: same order (both compare UTF-16 code units), no sort in the plan.
    rows[0].relations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return withEndpoints(rows[0]);
  }

  async shortestPath(
    from: string,
    to: string,
    maxHops: number,
    types: readonly RelationType[],
    read: SubgraphReads = READ_ALL,
    filter: ClaimFilter = NO_CLAIM_FILTER,
  ): Promise<PathRecord | null> {
    if (from === to) {
      const rows = await this.db.read<{ entity: EntityRecord }>(nodesCypher(filter), { ids: [from], ...claimFilterParams(filter) }, { name: 'path to itself' });
      return rows[0] ? { nodes: [rows[0].entity], relations: [] } : null;
    }
    const params = { from, to, ...claimFilterParams(filter) };
    const rows = await this.db.read<PathRecord>(shortestPathCypher(types, maxHops, read, filter), params, { name: 'shortest path' });
    return rows[0] ? withEndpoints(rows[0]) : null;
  }

  async timeline(
    entityId: string | null,
    from: string | null,
    to: string | null,
    limit: number,
    filter: ClaimFilter = NO_CLAIM_FILTER,
  ): Promise<EntityRecord[]> {
    const params = { entityId, from: from && dateLowerBound(from), to: to && dateUpperBound(to), limit: neo4j.int(limit), ...claimFilterParams(filter) };
    const rows = await this.db.read<{ entity: EntityRecord }>(timelineCypher(filter), params, { name: 'timeline' });
    return rows.map((row) => row.entity);
  }
}
