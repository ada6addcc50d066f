// statement 1 of 1
CALL () {
  MATCH (n:Entity)
  WHERE n.type = $type AND n.id > $after
  WITH n
  ORDER BY n.type, n.id
  LIMIT $limit
  RETURN collect({ id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []),
  description: n.description, title: n.title, category: n.category, startDate: n.startDate, endDate: n.endDate,
  sourceCount: n.sourceCount, independentSourceCount: n.independentSourceCount, firstReportedAt: n.firstReportedAt, lastReportedAt: n.lastReportedAt, status: n.status, disputed: n.disputed }) AS entities
}
CALL () { MATCH (c:Person) RETURN count(c) AS total }
RETURN entities, total
