// statement 1 of 2
UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN s { .id, .name, .kind, .url, .entityId, .independenceGroup } AS source

// statement 2 of 2
UNWIND $ids AS id
MATCH (s:Source {id: id})
CALL (s) {
  MATCH (s)<-[rb:REPORTED_BY]-()
  WHERE $after IS NULL OR rb.id > $after
  WITH rb ORDER BY rb.id LIMIT $limit
  RETURN collect({ id: rb.id, sourceId: endNode(rb).id, reportedAt: rb.reportedAt, documentId: rb.documentId, quote: rb.quote, start: rb.start, end: rb.end, attributedToId: rb.attributedToId, method: coalesce(rb.method, 'manual'), rule: rb.rule, confidence: rb.confidence, origin: rb.origin, values: rb { .description, .title, .category, .startDate, .endDate, .role }, subjectId: coalesce(startNode(rb).id, startNode(rb).relationId),
  source: [x IN [endNode(rb)] | x { .id, .name, .kind, .url, .entityId, .independenceGroup }][0],
  document: COLLECT { MATCH (d:Document {id: rb.documentId}) RETURN d { .id, title: d.title, publishedAt: d.publishedAt, url: d.url } }[0],
  attributedTo: COLLECT { MATCH (p:Entity {id: rb.attributedToId}) RETURN { id: p.id, type: p.type, name: p.name, aliases: coalesce(p.aliases, []),
  description: p.description, title: p.title, category: p.category, startDate: p.startDate, endDate: p.endDate,
  sourceCount: p.sourceCount, independentSourceCount: p.independentSourceCount, firstReportedAt: p.firstReportedAt, lastReportedAt: p.lastReportedAt, status: p.status, disputed: p.disputed } }[0] }) AS reports
}
CALL (s) { MATCH (s)<-[rb:REPORTED_BY]-() RETURN count(rb) AS total }
RETURN s.id AS id, reports, total
