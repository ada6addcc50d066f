import { RELATION_TYPES } from '../../model/types.js';
import { aliasTextOf, distinctAliases } from './records.js';

/**
 * Cypher: moves every report of `from` (an entity or a claim) to `to`, with
 * its properties, so its id and provenance stay as they were. A relationship
 * cannot change its start node: it is recreated and the old one deleted.
 */
export const moveReports = (from: string, to: string) => `CALL (${from}, ${to}) {
  MATCH (${from})-[rb:REPORTED_BY]->(s:Source)
  WITH ${to}, rb, s, properties(rb) AS props
  DELETE rb
  CREATE (${to})-[moved:REPORTED_BY]->(s)
  SET moved = props
}`;

/**
 * Relations between the two become self-loops and are dropped with their
 * claims; every other relation, and every report, moves to the kept entity
 * with its properties (and so its id and provenance) intact.
 */
export const MERGE_ENTITIES = `
MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
CALL (k, m) {
  MATCH (k)-[between]-(m)
  WITH between, between.id AS id
  DELETE between
  WITH id
  MATCH (c:Claim {relationId: id})
  DETACH DELETE c
}
${RELATION_TYPES.map(
  (type) => `CALL (k, m) {
  MATCH (m)-[r:${type}]->(o:Entity)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (k)-[moved:${type}]->(o)
  SET moved = props
}
CALL (k, m) {
  MATCH (o:Entity)-[r:${type}]->(m)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (o)-[moved:${type}]->(k)
  SET moved = props
}`,
).join('\n')}
${moveReports('m', 'k')}
CALL { MATCH (c:Claim {from: $mergeId}) SET c.from = $keepId }
CALL { MATCH (c:Claim {to: $mergeId}) SET c.to = $keepId }
WITH k, m, [alias IN coalesce(k.aliases, []) + [m.name] + coalesce(m.aliases, []) + [$mergeId] WHERE alias <> k.name] AS wanted
SET k.aliases = ${distinctAliases('wanted')},
    k.description = coalesce(k.description, m.description), k.title = coalesce(k.title, m.title),
    k.category = coalesce(k.category, m.category), k.startDate = coalesce(k.startDate, m.startDate), k.endDate = coalesce(k.endDate, m.endDate)
SET k.aliasText = ${aliasTextOf('k.aliases')}
DETACH DELETE m`;
