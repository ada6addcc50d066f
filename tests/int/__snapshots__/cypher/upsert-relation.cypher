// statement 1 of 8
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS locked

// statement 2 of 8
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
OPTIONAL MATCH (claim:Claim {relationId: $id})
CALL (*) {
  OPTIONAL MATCH (a)-[same:MEMBER_OF]->(b)
  WHERE coalesce(same.startDate, '') <= coalesce($endDate + '~', '~') AND coalesce($startDate, '') <= coalesce(same.endDate + '~', '~')
  RETURN min(same.id) AS sameFactId
}
RETURN a.type AS fromType, b.type AS toType, claim { .type, .from, .to } AS claim, sameFactId

// statement 3 of 8
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (claim:Claim {relationId: row.id})
ON CREATE SET claim.type = row.type, claim.from = row.from, claim.to = row.to
MERGE (a)-[r:MEMBER_OF {id: row.id}]->(b)
SET r.role = coalesce(row.role, r.role), r.startDate = coalesce(row.startDate, r.startDate), r.endDate = coalesce(row.endDate, r.endDate)

// statement 4 of 8
MATCH (x:Claim {relationId: $id}) SET x.pinned = [p IN coalesce(x.pinned, []) WHERE NOT p IN $properties] + CASE WHEN $pin THEN $properties ELSE [] END

// statement 5 of 8
UNWIND $ids AS id
MATCH (x:Claim {relationId: id})
SET x._lock = true
REMOVE x._lock
WITH x
RETURN x.relationId AS id, x.type AS type, coalesce(x.pinned, []) AS pinned, COLLECT { MATCH (x)-[rb:REPORTED_BY]->(s:Source) RETURN { id: rb.id, sourceId: s.id, origin: rb.origin, reportedAt: rb.reportedAt, values: rb { .role, .startDate, .endDate } } } AS reports

// statement 6 of 8
UNWIND $rows AS row
MATCH ()-[n:MEMBER_OF {id: row.id}]->()
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred

// statement 7 of 8
MATCH (c:Claim {relationId: $id})
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

// statement 8 of 8
MERGE (counter:ChangeCounter {id: 'feed'})
ON CREATE SET counter.sequence = 0, counter.prunedThrough = 0
SET counter.locked = true
WITH counter, counter.sequence AS base
SET counter.sequence = base + size($changes)
REMOVE counter.locked
WITH base
UNWIND range(0, size($changes) - 1) AS i
WITH base + i + 1 AS sequence, $changes[i] AS change
CREATE (e:Change)
SET e = change, e.sequence = sequence, e.at = datetime.realtime(),
    e.actorRole = $actor.role, e.actorVia = $actor.via, e.actorPrincipal = $actor.principal
RETURN max(sequence) AS last
