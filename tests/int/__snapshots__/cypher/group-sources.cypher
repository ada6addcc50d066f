// statement 1 of 11
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN collect(DISTINCT 'source:' + coalesce(s.key, s.id)) + [g IN collect(DISTINCT s.independenceGroup) | 'group:' + g] AS origins

// statement 2 of 11
UNWIND $ids AS id
MATCH (s:Source {id: id})
SET s.independenceGroup = $group
RETURN s { .id, .name, .kind, .url, .entityId, .independenceGroup } AS source
ORDER BY s.id

// statement 3 of 11
UNWIND $ids AS id
MATCH (x)-[rb:REPORTED_BY]->(s:Source {id: id})

OPTIONAL MATCH (d:Document {id: rb.documentId})
WITH *, CASE
  WHEN d IS NOT NULL AND (s.id = d.publisher OR (d.publisher IS NULL AND s.kind = 'document')) THEN coalesce(d.voiceOrigin, 'voice:' + d.id)
  ELSE 'source:' + coalesce(s.key, s.id)
END AS spoken
CALL (spoken) {
  OPTIONAL MATCH (named:Source {key: substring(spoken, 7)})
  WHERE spoken STARTS WITH 'source:' AND named.independenceGroup IS NOT NULL
  RETURN min(named.independenceGroup) AS namedGroup
}
SET rb.origin = CASE
  WHEN s.independenceGroup IS NOT NULL THEN 'group:' + s.independenceGroup
  WHEN namedGroup IS NOT NULL THEN 'group:' + namedGroup
  ELSE spoken
END
RETURN collect(DISTINCT x.id) AS entities, collect(DISTINCT x.relationId) AS relations

// statement 4 of 11
UNWIND $origins AS origin
MATCH (x)-[rb:REPORTED_BY {origin: origin}]->(s:Source)

OPTIONAL MATCH (d:Document {id: rb.documentId})
WITH *, CASE
  WHEN d IS NOT NULL AND (s.id = d.publisher OR (d.publisher IS NULL AND s.kind = 'document')) THEN coalesce(d.voiceOrigin, 'voice:' + d.id)
  ELSE 'source:' + coalesce(s.key, s.id)
END AS spoken
CALL (spoken) {
  OPTIONAL MATCH (named:Source {key: substring(spoken, 7)})
  WHERE spoken STARTS WITH 'source:' AND named.independenceGroup IS NOT NULL
  RETURN min(named.independenceGroup) AS namedGroup
}
SET rb.origin = CASE
  WHEN s.independenceGroup IS NOT NULL THEN 'group:' + s.independenceGroup
  WHEN namedGroup IS NOT NULL THEN 'group:' + namedGroup
  ELSE spoken
END
RETURN collect(DISTINCT x.id) AS entities, collect(DISTINCT x.relationId) AS relations

// statement 5 of 11
UNWIND $ids AS id
MATCH (x:Entity {id: id})
SET x._lock = true
REMOVE x._lock
WITH x
RETURN x.id AS id, x.type AS type, coalesce(x.pinned, []) AS pinned, COLLECT { MATCH (x)-[rb:REPORTED_BY]->(s:Source) RETURN { id: rb.id, sourceId: s.id, origin: rb.origin, reportedAt: rb.reportedAt, values: rb { .description, .title, .category, .startDate, .endDate } } } AS reports

// statement 6 of 11
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, coalesce(n.independentSourceCount, 0) AS before
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred
RETURN n.type AS type, before, row.independentSourceCount AS after

// statement 7 of 11
UNWIND $ids AS id
MATCH (x:Claim {relationId: id})
SET x._lock = true
REMOVE x._lock
WITH x
RETURN x.relationId AS id, x.type AS type, coalesce(x.pinned, []) AS pinned, COLLECT { MATCH (x)-[rb:REPORTED_BY]->(s:Source) RETURN { id: rb.id, sourceId: s.id, origin: rb.origin, reportedAt: rb.reportedAt, values: rb { .role, .startDate, .endDate } } } AS reports

// statement 8 of 11
UNWIND $rows AS row
MATCH ()-[n:COMMANDS {id: row.id}]->()
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred

// statement 9 of 11
UNWIND $rows AS row
MATCH ()-[n:MEMBER_OF {id: row.id}]->()
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred

// statement 10 of 11
UNWIND $rows AS row
MATCH ()-[n:PARTICIPATES_IN {id: row.id}]->()
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred

// statement 11 of 11
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
