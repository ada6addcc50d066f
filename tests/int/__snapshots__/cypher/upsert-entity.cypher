// statement 1 of 8
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS locked

// statement 2 of 8
UNWIND $ids AS id
MATCH (:MergedId {id: id})-[:MERGED_INTO]->(kept:Entity)
RETURN id, kept.id AS keptId, kept.type AS keptType

// statement 3 of 8
MERGE (n:Entity {id: $id})
ON CREATE SET n:Person, n.type = $type, n.createdAt = datetime()
SET n += $props
WITH n, [alias IN coalesce($aliases, n.aliases, []) WHERE alias <> n.name] AS wanted
WITH n, reduce(kept = [], alias IN wanted | CASE WHEN alias IN kept THEN kept ELSE kept + alias END) AS aliases
SET n.aliases = aliases, n.aliasText = reduce(joined = '', alias IN aliases | CASE joined WHEN '' THEN alias ELSE joined + ' | ' + alias END)
RETURN { id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []),
  description: n.description, title: n.title, category: n.category, startDate: n.startDate, endDate: n.endDate,
  sourceCount: n.sourceCount, independentSourceCount: n.independentSourceCount, firstReportedAt: n.firstReportedAt, lastReportedAt: n.lastReportedAt, status: n.status, disputed: n.disputed } AS entity

// statement 4 of 8
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

// statement 5 of 8
UNWIND $ids AS id
MATCH (x:Entity {id: id})
SET x._lock = true
REMOVE x._lock
WITH x
RETURN x.id AS id, x.type AS type, coalesce(x.pinned, []) AS pinned, COLLECT { MATCH (x)-[rb:REPORTED_BY]->(s:Source) RETURN { id: rb.id, sourceId: s.id, origin: rb.origin, reportedAt: rb.reportedAt, values: rb { .description, .title, .category, .startDate, .endDate } } } AS reports

// statement 6 of 8
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, coalesce(n.independentSourceCount, 0) AS before
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred
RETURN n.type AS type, before, row.independentSourceCount AS after

// statement 7 of 8
MATCH (n:Entity {id: $id}) RETURN { id: n.id, type: n.type, name: n.name, aliases: coalesce(n.aliases, []),
  description: n.description, title: n.title, category: n.category, startDate: n.startDate, endDate: n.endDate,
  sourceCount: n.sourceCount, independentSourceCount: n.independentSourceCount, firstReportedAt: n.firstReportedAt, lastReportedAt: n.lastReportedAt, status: n.status, disputed: n.disputed } AS entity

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
