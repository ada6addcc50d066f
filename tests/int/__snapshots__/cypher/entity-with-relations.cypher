// statement 1 of 2
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-(:Entity)
  WHERE $after IS NULL OR r.id > $after
  WITH DISTINCT r
  ORDER BY r.id
  LIMIT $limit
  WITH r, { id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role,
  fromEntity: [x IN [startNode(r)] | x { .id, .type, .name }][0], toEntity: [x IN [endNode(r)] | x { .id, .type, .name }][0] } AS relation
  RETURN collect(relation { .*, reports: COLLECT { MATCH (:Claim {relationId: r.id})-[rb:REPORTED_BY]->(:Source) RETURN { id: rb.id, sourceId: endNode(rb).id, reportedAt: rb.reportedAt, quote: rb.quote,
  source: [x IN [endNode(rb)] | x { .id, .name }][0] } AS report ORDER BY rb.id } }) AS relations
}
CALL (n) { MATCH (n)-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-(:Entity) RETURN count(DISTINCT r) AS total }
RETURN n.id AS id, { id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []),
  description: n.description, title: n.title, category: n.category, startDate: n.startDate, endDate: n.endDate,
  sourceCount: n.sourceCount, independentSourceCount: n.independentSourceCount, firstReportedAt: n.firstReportedAt, lastReportedAt: n.lastReportedAt, status: n.status, disputed: n.disputed } AS entity, relations, total

// statement 2 of 2
UNWIND $ids AS id
MATCH (:Entity {id: id})-[rb:REPORTED_BY]->(:Source)
RETURN { id: rb.id, sourceId: endNode(rb).id, reportedAt: rb.reportedAt, documentId: rb.documentId, quote: rb.quote, start: rb.start, end: rb.end, attributedToId: rb.attributedToId, method: coalesce(rb.method, 'manual'), rule: rb.rule, confidence: rb.confidence, origin: rb.origin, values: rb { .description, .title, .category, .startDate, .endDate, .role }, subjectId: coalesce(startNode(rb).id, startNode(rb).relationId),
  source: [x IN [endNode(rb)] | x { .id, .name, .kind, .url, .entityId, .independenceGroup }][0],
  document: COLLECT { MATCH (d:Document {id: rb.documentId}) RETURN d { .id, title: d.title, publishedAt: d.publishedAt, url: d.url } }[0],
  attributedTo: COLLECT { MATCH (p:Entity {id: rb.attributedToId}) RETURN { id: p.id, type: p.type, name: p.name, aliases: coalesce(p.aliases, []),
  description: p.description, title: p.title, category: p.category, startDate: p.startDate, endDate: p.endDate,
  sourceCount: p.sourceCount, independentSourceCount: p.independentSourceCount, firstReportedAt: p.firstReportedAt, lastReportedAt: p.lastReportedAt, status: p.status, disputed: p.disputed } }[0] } AS report
ORDER BY rb.id
