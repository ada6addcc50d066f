// statement 1 of 2
UNWIND $ids AS id
MATCH (c:Claim {relationId: id})
MATCH (a:Entity {id: c.from})
MATCH (b:Entity {id: c.to})
CALL (a, b, c) {
  MATCH (a)-[r {id: c.relationId}]->(b)
  WHERE type(r) = c.type
  RETURN r
}
RETURN { id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role, startDate: r.startDate, endDate: r.endDate, sourceCount: r.sourceCount, independentSourceCount: r.independentSourceCount, firstReportedAt: r.firstReportedAt, lastReportedAt: r.lastReportedAt, status: r.status, disputed: r.disputed,
  fromEntity: [x IN [startNode(r)] | { id: x.id, type: x.type, name: x.name, aliases: coalesce(x.aliases, []),
  description: x.description, title: x.title, category: x.category, startDate: x.startDate, endDate: x.endDate,
  sourceCount: x.sourceCount, independentSourceCount: x.independentSourceCount, firstReportedAt: x.firstReportedAt, lastReportedAt: x.lastReportedAt, status: x.status, disputed: x.disputed }][0], toEntity: [x IN [endNode(r)] | { id: x.id, type: x.type, name: x.name, aliases: coalesce(x.aliases, []),
  description: x.description, title: x.title, category: x.category, startDate: x.startDate, endDate: x.endDate,
  sourceCount: x.sourceCount, independentSourceCount: x.independentSourceCount, firstReportedAt: x.firstReportedAt, lastReportedAt: x.lastReportedAt, status: x.status, disputed: x.disputed }][0] } AS relation

// statement 2 of 2
UNWIND $ids AS id
MATCH (:Claim {relationId: id})-[rb:REPORTED_BY]->(:Source)
RETURN { id: rb.id, sourceId: endNode(rb).id, reportedAt: rb.reportedAt, documentId: rb.documentId, quote: rb.quote, start: rb.start, end: rb.end, attributedToId: rb.attributedToId, method: coalesce(rb.method, 'manual'), rule: rb.rule, confidence: rb.confidence, origin: rb.origin, values: rb { .description, .title, .category, .startDate, .endDate, .role }, subjectId: coalesce(startNode(rb).id, startNode(rb).relationId),
  source: [x IN [endNode(rb)] | x { .id, .name, .kind, .url, .entityId, .independenceGroup }][0],
  document: COLLECT { MATCH (d:Document {id: rb.documentId}) RETURN d { .id, title: d.title, publishedAt: d.publishedAt, url: d.url } }[0],
  attributedTo: COLLECT { MATCH (p:Entity {id: rb.attributedToId}) RETURN { id: p.id, type: p.type, name: p.name, aliases: coalesce(p.aliases, []),
  description: p.description, title: p.title, category: p.category, startDate: p.startDate, endDate: p.endDate,
  sourceCount: p.sourceCount, independentSourceCount: p.independentSourceCount, firstReportedAt: p.firstReportedAt, lastReportedAt: p.lastReportedAt, status: p.status, disputed: p.disputed } }[0] } AS report
ORDER BY rb.id
