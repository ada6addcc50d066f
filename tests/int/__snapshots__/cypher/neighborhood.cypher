// statement 1 of 1
MATCH (start:Entity {id: $id})
WITH [start] AS seen, [start] AS frontier, false AS truncated

CALL (seen, frontier, truncated) {
  UNWIND CASE WHEN truncated THEN [] ELSE frontier END AS current
  MATCH (current)-[:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-(next:Entity)
  WHERE NOT next IN seen
  WITH DISTINCT next
  LIMIT $limit
  RETURN collect(next) AS found
}
WITH seen, found, $limit - size(seen) AS budget, truncated
WITH seen + found[0..budget] AS seen, found[0..budget] AS frontier, truncated OR size(found) > budget AS truncated

CALL (seen, frontier, truncated) {
  UNWIND CASE WHEN truncated THEN [] ELSE frontier END AS current
  MATCH (current)-[:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-(next:Entity)
  WHERE NOT next IN seen
  WITH DISTINCT next
  LIMIT $limit
  RETURN collect(next) AS found
}
WITH seen, found, $limit - size(seen) AS budget, truncated
WITH seen + found[0..budget] AS seen, found[0..budget] AS frontier, truncated OR size(found) > budget AS truncated
CALL (seen) {
  UNWIND seen AS a
  MATCH (a)-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]->(b:Entity)
  WHERE b IN seen
  RETURN collect({ id: r.id, type: type(r), from: a.id, to: b.id }) AS relations
}
RETURN [n IN seen | n { .id, .type, .name }] AS nodes, relations, truncated
