// statement 1 of 1
CALL {
  MATCH (n:Event) WHERE $entityId IS NULL RETURN n
  UNION
  MATCH (:Entity {id: $entityId})-[:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-(n:Event) RETURN n
  UNION
  MATCH (n:Event {id: $entityId}) RETURN n
}
WITH n, coalesce(n.endDate, n.startDate) AS last
WHERE ($from IS NULL OR (last IS NOT NULL AND CASE size(last) WHEN 4 THEN last + '-12-31' WHEN 7 THEN last + '-31' ELSE last END >= $from))
  AND ($to IS NULL OR (n.startDate IS NOT NULL AND CASE size(n.startDate) WHEN 4 THEN n.startDate + '-01-01' WHEN 7 THEN n.startDate + '-01' ELSE n.startDate END <= $to))
RETURN { id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []),
  description: n.description, title: n.title, category: n.category, startDate: n.startDate, endDate: n.endDate,
  sourceCount: n.sourceCount, independentSourceCount: n.independentSourceCount, firstReportedAt: n.firstReportedAt, lastReportedAt: n.lastReportedAt, status: n.status, disputed: n.disputed } AS entity
ORDER BY n.startDate IS NULL, CASE size(coalesce(n.startDate, "")) WHEN 4 THEN coalesce(n.startDate, "") + '-01-01' WHEN 7 THEN coalesce(n.startDate, "") + '-01' ELSE coalesce(n.startDate, "") END, n.name
LIMIT $limit
