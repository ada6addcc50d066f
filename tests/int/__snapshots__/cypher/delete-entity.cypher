// statement 1 of 8
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS locked

// statement 2 of 8
MATCH (n:Entity {id: $id})-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-(:Entity)
RETURN DISTINCT r.id AS id, startNode(r).id AS from, endNode(r).id AS to

// statement 3 of 8
MATCH (merged:MergedId)-[:MERGED_INTO]->(:Entity {id: $id})
DETACH DELETE merged

// statement 4 of 8
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.type AS type, coalesce(n.independentSourceCount, 0) AS sources

// statement 5 of 8
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]-(:Entity)
WITH n, collect(DISTINCT r.id) AS relationIds
OPTIONAL MATCH (c:Claim) WHERE c.relationId IN relationIds
DETACH DELETE c
WITH DISTINCT n
OPTIONAL MATCH (k:NameKey)-[:NAMES]->(n)
DETACH DELETE n
WITH DISTINCT k WHERE k IS NOT NULL AND NOT (k)-[:NAMES]->()
DELETE k

// statement 6 of 8
CALL { MATCH ()-[rb:REPORTED_BY {attributedToId: $from}]->() SET rb.attributedToId = $to }
CALL { MATCH (s:Source {entityId: $from}) SET s.entityId = $to }

// statement 7 of 8
UNWIND $tallies AS d
MERGE (t:SourceTally {type: d.type})
SET t._lock = true
REMOVE t._lock
WITH t, d, coalesce(t.counts, []) AS counts
WITH t, d, counts, CASE WHEN size(counts) > size(d.delta) THEN size(counts) ELSE size(d.delta) END AS length
WITH t, [i IN range(0, length - 1) | coalesce(counts[i], 0) + coalesce(d.delta[i], 0)] AS summed
SET t.counts = summed[0..reduce(end = 0, i IN range(0, size(summed) - 1) | CASE WHEN summed[i] <> 0 THEN i + 1 ELSE end END)]

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
