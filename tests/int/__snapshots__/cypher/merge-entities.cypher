// statement 1 of 17
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS locked

// statement 2 of 17
MATCH (n:Entity {id: $id}) RETURN n.type AS type

// statement 3 of 17
MATCH (n:Entity {id: $id}) RETURN n.type AS type

// statement 4 of 17
MATCH (m:Entity {id: $id})-[r]-(:Entity) WHERE type(r) IN $types RETURN collect(r.id) AS ids

// statement 5 of 17
MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
CALL (k, m) {
  MATCH (earlier:MergedId)-[old:MERGED_INTO]->(m)
  DELETE old
  CREATE (earlier)-[:MERGED_INTO]->(k)
}
MERGE (merged:MergedId {id: $mergeId})
WITH k, merged
CALL (merged) {
  MATCH (merged)-[stale:MERGED_INTO]->()
  DELETE stale
}
CREATE (merged)-[:MERGED_INTO]->(k)

// statement 6 of 17
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.type AS type, coalesce(n.independentSourceCount, 0) AS sources

// statement 7 of 17
MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
CALL (k, m) {
  MATCH (k)-[between]-(m)
  WITH between, between.id AS id
  DELETE between
  WITH id
  MATCH (c:Claim {relationId: id})
  DETACH DELETE c
}
CALL (k, m) {
  MATCH (m)-[r:PARTICIPATES_IN]->(o:Entity)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (k)-[moved:PARTICIPATES_IN]->(o)
  SET moved = props
}
CALL (k, m) {
  MATCH (o:Entity)-[r:PARTICIPATES_IN]->(m)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (o)-[moved:PARTICIPATES_IN]->(k)
  SET moved = props
}
CALL (k, m) {
  MATCH (m)-[r:COMMANDS]->(o:Entity)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (k)-[moved:COMMANDS]->(o)
  SET moved = props
}
CALL (k, m) {
  MATCH (o:Entity)-[r:COMMANDS]->(m)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (o)-[moved:COMMANDS]->(k)
  SET moved = props
}
CALL (k, m) {
  MATCH (m)-[r:MEMBER_OF]->(o:Entity)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (k)-[moved:MEMBER_OF]->(o)
  SET moved = props
}
CALL (k, m) {
  MATCH (o:Entity)-[r:MEMBER_OF]->(m)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (o)-[moved:MEMBER_OF]->(k)
  SET moved = props
}
CALL (k, m) {
  MATCH (m)-[r:LOCATED_IN]->(o:Entity)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (k)-[moved:LOCATED_IN]->(o)
  SET moved = props
}
CALL (k, m) {
  MATCH (o:Entity)-[r:LOCATED_IN]->(m)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (o)-[moved:LOCATED_IN]->(k)
  SET moved = props
}
CALL (m, k) {
  MATCH (m)-[rb:REPORTED_BY]->(s:Source)
  WITH k, rb, s, properties(rb) AS props
  DELETE rb
  CREATE (k)-[moved:REPORTED_BY]->(s)
  SET moved = props
}
CALL { MATCH (c:Claim {from: $mergeId}) SET c.from = $keepId }
CALL { MATCH (c:Claim {to: $mergeId}) SET c.to = $keepId }
WITH k, m, [alias IN coalesce(k.aliases, []) + [m.name] + coalesce(m.aliases, []) + [$mergeId] WHERE alias <> k.name] AS wanted
SET k.aliases = reduce(kept = [], alias IN wanted | CASE WHEN alias IN kept THEN kept ELSE kept + alias END),
    k.description = coalesce(k.description, m.description), k.title = coalesce(k.title, m.title),
    k.category = coalesce(k.category, m.category), k.startDate = coalesce(k.startDate, m.startDate), k.endDate = coalesce(k.endDate, m.endDate)
SET k.aliasText = reduce(joined = '', alias IN k.aliases | CASE joined WHEN '' THEN alias ELSE joined + ' | ' + alias END)
DETACH DELETE m

// statement 8 of 17
CALL { MATCH ()-[rb:REPORTED_BY {attributedToId: $from}]->() SET rb.attributedToId = $to }
CALL { MATCH (s:Source {entityId: $from}) SET s.entityId = $to }

// statement 9 of 17
MATCH (k:Entity {id: $keepId})-[r]-(other:Entity)
WHERE type(r) IN $types AND other <> k
WITH type(r) AS type, startNode(r) = k AS outgoing, other, collect({id: r.id, startDate: r.startDate, endDate: r.endDate}) AS relations
WHERE size(relations) > 1
RETURN relations

// statement 10 of 17
UNWIND $pairs AS pair
MATCH (gone:Claim {relationId: pair.drop})
MATCH (kept:Claim {relationId: pair.keep})
CALL (gone, kept) {
  MATCH (gone)-[rb:REPORTED_BY]->(s:Source)
  WITH kept, rb, s, properties(rb) AS props
  DELETE rb
  CREATE (kept)-[moved:REPORTED_BY]->(s)
  SET moved = props
}
WITH gone, pair
MATCH (a:Entity {id: gone.from})
MATCH (b:Entity {id: gone.to})
CALL (a, b, pair) {
  MATCH (a)-[r {id: pair.drop}]->(b)
  DELETE r
}
DETACH DELETE gone

// statement 11 of 17
UNWIND $ids AS id
MATCH (x:Claim {relationId: id})
SET x._lock = true
REMOVE x._lock
WITH x
RETURN x.relationId AS id, x.type AS type, coalesce(x.pinned, []) AS pinned, COLLECT { MATCH (x)-[rb:REPORTED_BY]->(s:Source) RETURN { id: rb.id, sourceId: s.id, origin: rb.origin, reportedAt: rb.reportedAt, values: rb { .role, .startDate, .endDate } } } AS reports

// statement 12 of 17
UNWIND $rows AS row
MATCH ()-[n:MEMBER_OF {id: row.id}]->()
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred

// statement 13 of 17
UNWIND $ids AS id
MATCH (x:Entity {id: id})
SET x._lock = true
REMOVE x._lock
WITH x
RETURN x.id AS id, x.type AS type, coalesce(x.pinned, []) AS pinned, COLLECT { MATCH (x)-[rb:REPORTED_BY]->(s:Source) RETURN { id: rb.id, sourceId: s.id, origin: rb.origin, reportedAt: rb.reportedAt, values: rb { .description, .title, .category, .startDate, .endDate } } } AS reports

// statement 14 of 17
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, coalesce(n.independentSourceCount, 0) AS before
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred
RETURN n.type AS type, before, row.independentSourceCount AS after

// statement 15 of 17
MATCH (n:Entity {id: $id}) RETURN { id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []),
  description: n.description, title: n.title, category: n.category, startDate: n.startDate, endDate: n.endDate,
  sourceCount: n.sourceCount, independentSourceCount: n.independentSourceCount, firstReportedAt: n.firstReportedAt, lastReportedAt: n.lastReportedAt, status: n.status, disputed: n.disputed } AS entity

// statement 16 of 17
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (old:NameKey)-[link:NAMES]->(n)
WHERE NOT old.key IN $keys
DELETE link
WITH DISTINCT n, collect(old) AS dropped
FOREACH (key IN [k IN dropped WHERE NOT (k)-[:NAMES]->()] | DELETE key)
WITH n
UNWIND $keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)

// statement 17 of 17
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
