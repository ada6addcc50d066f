// statement 1 of 1
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.firstReportedAt <= $asOf
CALL (n) {
  MATCH (n)-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-(m:Entity)
  WHERE ($after IS NULL OR r.id > $after) AND r.firstReportedAt <= $asOf AND m.firstReportedAt <= $asOf
  WITH DISTINCT r
  ORDER BY r.id
  LIMIT $limit
  WITH r, { id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id,
  fromEntity: [x IN [startNode(r)] | x { .id, .type }][0], toEntity: [x IN [endNode(r)] | x { .id, .type }][0] } AS relation
  RETURN collect(relation) AS relations
}
CALL (n) { MATCH (n)-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-(m:Entity) WHERE r.firstReportedAt <= $asOf AND m.firstReportedAt <= $asOf RETURN count(DISTINCT r) AS total }
RETURN n.id AS id, { id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []),
  description: n.description, title: n.title, category: n.category, startDate: n.startDate, endDate: n.endDate,
  sourceCount: n.sourceCount, independentSourceCount: n.independentSourceCount, firstReportedAt: n.firstReportedAt, lastReportedAt: n.lastReportedAt, status: n.status, disputed: n.disputed } AS entity, relations, total
