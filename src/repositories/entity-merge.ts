import { RELATION_TYPES } from '../model/types.js';
import { aliasTextOf, distinctAliases } from './records.js';

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
CALL (k, m) {
  MATCH (m)-[rb:REPORTED_BY]->(s:Source)
  WITH k, rb, s, properties(rb) AS props
  DELETE rb
  CREATE (k)-[moved:REPORTED_BY]->(s)
  SET moved = props
}
CALL { MATCH (c:Claim {from: $mergeId}) SET c.from = $keepId }
CALL { MATCH (c:Claim {to: $mergeId}) SET c.to = $keepId }
WITH k, m, [alias IN coalesce(k.aliases, []) + [m.name] + coalesce(m.aliases, []) + [$mergeId] WHERE alias <> k.name] AS wanted
SET k.aliases = ${distinctAliases('wanted')},
    k.description = coalesce(k.description, m.description), k.title = coalesce(k.title, m.title),
    k.category = coalesce(k.category, m.category), k.startDate = coalesce(k.startDate, m.startDate), k.endDate = coalesce(k.endDate, m.endDate)
SET k.aliasText = ${aliasTextOf('k.aliases')}
DETACH DELETE m`;
