import neo4j from 'neo4j-driver';
import type { Executor } from '../db/executor.js';
import { dateLowerBound, dateUpperBound } from '../model/dates.js';
import { RELATION_TYPES, type RelationType } from '../model/types.js';
import { ENTITY_PROJECTION, RELATION_PROJECTION, relationTypeExpression, type EntityRecord, type RelationRecord } from './records.js';

export interface Subgraph {
  nodes: EntityRecord[];
  relations: RelationRecord[];
  truncated: boolean;
}

export interface PathRecord {
  nodes: EntityRecord[];
  relations: RelationRecord[];
}

const typesOf = (types: readonly RelationType[]) => relationTypeExpression(types.length > 0 ? types : RELATION_TYPES);

/**
 * One breadth-first level: new neighbours of the frontier. DISTINCT + LIMIT
 * stream, so a hub's expansion stops as soon as the budget is spent.
 */
const nextLevelCypher = (types: readonly RelationType[]) => `
UNWIND $frontier AS id
MATCH (:Entity {id: id})-[:${typesOf(types)}]-(next:Entity)
WHERE NOT next.id IN $seen
WITH DISTINCT next.id AS id
LIMIT $budget
RETURN collect(id) AS ids`;

const relationsAmongCypher = (types: readonly RelationType[]) => `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:${typesOf(types)}]->(other:Entity)
WHERE other.id IN $ids
RETURN ${RELATION_PROJECTION} AS relation
ORDER BY relation.id`;

const NODES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN ${ENTITY_PROJECTION} AS entity`;

// Quantifier bounds must be literals in Cypher; maxHops is a validated integer from 1 to 8.
const shortestPathCypher = (types: readonly RelationType[], maxHops: number) => `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)-[:${typesOf(types)}]-{1,${maxHops}}(b)
RETURN [n IN nodes(p) | ${ENTITY_PROJECTION}] AS nodes,
       [r IN relationships(p) | ${RELATION_PROJECTION}] AS relations`;

// Partial dates compare as strings once widened: 2021-08 starts at 2021-08-01 and ends by 2021-08-31.
const LOWER = (d: string) => `CASE size(${d}) WHEN 4 THEN ${d} + '-01-01' WHEN 7 THEN ${d} + '-01' ELSE ${d} END`;
const UPPER = (d: string) => `CASE size(${d}) WHEN 4 THEN ${d} + '-12-31' WHEN 7 THEN ${d} + '-31' ELSE ${d} END`;

const TIMELINE = `
CALL {
  MATCH (n:Event) WHERE $entityId IS NULL RETURN n
  UNION
  MATCH (:Entity {id: $entityId})-[:${relationTypeExpression(RELATION_TYPES)}]-(n:Event) RETURN n
  UNION
  MATCH (n:Event {id: $entityId}) RETURN n
}
WITH n, coalesce(n.endDate, n.startDate) AS last
WHERE ($from IS NULL OR (last IS NOT NULL AND ${UPPER('last')} >= $from))
  AND ($to IS NULL OR (n.startDate IS NOT NULL AND ${LOWER('n.startDate')} <= $to))
RETURN ${ENTITY_PROJECTION} AS entity
ORDER BY n.startDate IS NULL, ${LOWER('coalesce(n.startDate, "")')}, n.name
LIMIT $limit`;

export class GraphRepository {
  constructor(private readonly db: Executor) {}

  /** Entities within `depth` hops, at most `limit` of them, and the relations among them: depth + 2 round trips. */
  async neighborhood(id: string, depth: number, types: readonly RelationType[], limit: number): Promise<Subgraph | null> {
    return this.db.transaction('READ', async (tx) => {
      const start = await tx.run<{ entity: EntityRecord }>(NODES, { ids: [id] });
      if (start.records.length === 0) return null;
      const seen = [id];
      let frontier = [id];
      let truncated = false;
      for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level += 1) {
        const budget = limit - seen.length;
        const result = await tx.run<{ ids: string[] }>(nextLevelCypher(types), { frontier, seen, budget: neo4j.int(budget + 1) });
        const found = result.records[0]?.get('ids') ?? [];
        truncated = found.length > budget;
        frontier = found.slice(0, budget);
        seen.push(...frontier);
      }
      const nodes = await tx.run<{ entity: EntityRecord }>(NODES, { ids: seen });
      const relations = await tx.run<{ relation: RelationRecord }>(relationsAmongCypher(types), { ids: seen });
      return {
        nodes: nodes.records.map((record) => record.get('entity')),
        relations: relations.records.map((record) => record.get('relation')),
        truncated,
      };
    }, { name: 'neighborhood' });
  }

  async shortestPath(from: string, to: string, maxHops: number, types: readonly RelationType[]): Promise<PathRecord | null> {
    if (from === to) {
      const rows = await this.db.read<{ entity: EntityRecord }>(NODES, { ids: [from] }, { name: 'path to itself' });
      return rows[0] ? { nodes: [rows[0].entity], relations: [] } : null;
    }
    const rows = await this.db.read<PathRecord>(shortestPathCypher(types, maxHops), { from, to }, { name: 'shortest path' });
    return rows[0] ?? null;
  }

  async timeline(entityId: string | null, from: string | null, to: string | null, limit: number): Promise<EntityRecord[]> {
    const params = { entityId, from: from && dateLowerBound(from), to: to && dateUpperBound(to), limit: neo4j.int(limit) };
    const rows = await this.db.read<{ entity: EntityRecord }>(TIMELINE, params, { name: 'timeline' });
    return rows.map((row) => row.entity);
  }
}
