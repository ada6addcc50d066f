// statement 1 of 26
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.title = row.title, d.publishedAt = row.publishedAt, d.url = row.url, d.publisher = row.publisher, d.text = row.text, d.ingestedAt = datetime()
SET d._lock = true
REMOVE d._lock
RETURN d.id AS id, d.text AS text, d.title AS title, d.publishedAt AS publishedAt, d.url AS url, d.publisher AS publisher

// statement 2 of 26
UNWIND $keys AS key
MERGE (k:NameKey {key: key})
SET k._lock = true
REMOVE k._lock

// statement 3 of 26
UNWIND $entities AS e
OPTIONAL MATCH (byId:Entity {id: e.id})
OPTIONAL MATCH (:MergedId {id: e.id})-[:MERGED_INTO]->(kept:Entity)
CALL (e) {
  UNWIND e.keys AS key
  MATCH (:NameKey {key: key})-[:NAMES]->(candidate:Entity)
  RETURN collect(DISTINCT {id: candidate.id, name: candidate.name, key: key}) AS candidates
}
RETURN e.id AS id, byId.type AS existingType, byId.name AS existingName, kept.id AS keptId, kept.type AS keptType, kept.name AS keptName, candidates

// statement 4 of 26
UNWIND $relations AS r
OPTIONAL MATCH (claim:Claim {relationId: r.id})
OPTIONAL MATCH (a:Entity {id: r.from})
OPTIONAL MATCH (b:Entity {id: r.to})
CALL (*) {
  OPTIONAL MATCH (a)-[same:MEMBER_OF]->(b)
  WHERE coalesce(same.startDate, '') <= coalesce(r.endDate + '~', '~') AND coalesce(r.startDate, '') <= coalesce(same.endDate + '~', '~')
  RETURN min(same.id) AS sameFactId
}
RETURN r.id AS id, claim.type AS type, claim.from AS from, claim.to AS to, sameFactId

// statement 5 of 26
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.name = coalesce(s.name, row.name), s.key = coalesce(s.key, row.key), s.kind = row.kind, s.url = row.url, s.entityId = row.entityId

// statement 6 of 26
UNWIND $keys AS key
MERGE (b:TextBand {key: key})
SET b._lock = true
REMOVE b._lock

// statement 7 of 26
MATCH (d:Document {id: $id})
SET d.minhash = $signature, d.wire = $wire
WITH d
CALL (d) {
  MATCH (d)-[old:FILED_UNDER]->(b:TextBand)
  WHERE NOT b.key IN $keys
  DELETE old
  WITH b
  WHERE NOT (b)<-[:FILED_UNDER]-()
  DELETE b
}
WITH d
UNWIND $keys AS key
MATCH (b:TextBand {key: key})
MERGE (d)-[:FILED_UNDER]->(b)

// statement 8 of 26
MATCH (m:Document {copyOf: $id})
RETURN m.id AS id, m.minhash AS minhash, m.text AS text

// statement 9 of 26
MATCH (d:Document {id: $id})-[:FILED_UNDER]->(:TextBand)<-[:FILED_UNDER]-(other:Document)
WITH DISTINCT other
OPTIONAL MATCH (original:Document {id: other.copyOf})
RETURN other.id AS id, other.minhash AS minhash, coalesce(original.id, other.id) AS originalId

// statement 10 of 26
UNWIND $originals AS originalId
CALL (originalId) {
  MATCH (m:Document {id: originalId}) RETURN m
  UNION
  MATCH (m:Document {copyOf: originalId}) RETURN m
}
OPTIONAL MATCH (p:Source {id: m.publisher})
RETURN DISTINCT m.id AS id, m.publishedAt AS publishedAt, toString(m.ingestedAt) AS ingestedAt, m.wire AS wire, p.key AS publisherKey,
  m.copyOf AS copyOf, m.voiceOrigin AS voiceOrigin

// statement 11 of 26
UNWIND $rows AS row
MATCH (m:Document {id: row.id})
SET m.copyOf = row.copyOf, m.voiceOrigin = row.voiceOrigin

// statement 12 of 26
UNWIND $ids AS id
MATCH (d:Document {publisher: id})
WHERE d.voiceOrigin STARTS WITH 'voice:'
RETURN d.id AS id, d.text AS text

// statement 13 of 26
UNWIND $ids AS id
MATCH ()-[rb:REPORTED_BY {documentId: id}]->(s:Source)

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

// statement 14 of 26
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:Person, n.type = row.type, n.name = row.name, n.createdAt = datetime()
WITH n, row, reduce(kept = [], alias IN [alias IN coalesce(n.aliases, []) + row.aliases WHERE alias <> n.name] | CASE WHEN alias IN kept THEN kept ELSE kept + alias END) AS aliases
SET n.aliases = aliases,
    n.aliasText = reduce(joined = '', alias IN aliases | CASE joined WHEN '' THEN alias ELSE joined + ' | ' + alias END),
    n.description = CASE WHEN 'description' IN coalesce(n.pinned, []) THEN n.description ELSE coalesce(row.description, n.description) END,
    n.title = CASE WHEN 'title' IN coalesce(n.pinned, []) THEN n.title ELSE coalesce(row.title, n.title) END,
    n.category = CASE WHEN 'category' IN coalesce(n.pinned, []) THEN n.category ELSE coalesce(row.category, n.category) END,
    n.startDate = CASE WHEN 'startDate' IN coalesce(n.pinned, []) THEN n.startDate ELSE coalesce(row.startDate, n.startDate) END,
    n.endDate = CASE WHEN 'endDate' IN coalesce(n.pinned, []) THEN n.endDate ELSE coalesce(row.endDate, n.endDate) END
WITH n, row
UNWIND row.keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)

// statement 15 of 26
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:Organization, n.type = row.type, n.name = row.name, n.createdAt = datetime()
WITH n, row, reduce(kept = [], alias IN [alias IN coalesce(n.aliases, []) + row.aliases WHERE alias <> n.name] | CASE WHEN alias IN kept THEN kept ELSE kept + alias END) AS aliases
SET n.aliases = aliases,
    n.aliasText = reduce(joined = '', alias IN aliases | CASE joined WHEN '' THEN alias ELSE joined + ' | ' + alias END),
    n.description = CASE WHEN 'description' IN coalesce(n.pinned, []) THEN n.description ELSE coalesce(row.description, n.description) END,
    n.title = CASE WHEN 'title' IN coalesce(n.pinned, []) THEN n.title ELSE coalesce(row.title, n.title) END,
    n.category = CASE WHEN 'category' IN coalesce(n.pinned, []) THEN n.category ELSE coalesce(row.category, n.category) END,
    n.startDate = CASE WHEN 'startDate' IN coalesce(n.pinned, []) THEN n.startDate ELSE coalesce(row.startDate, n.startDate) END,
    n.endDate = CASE WHEN 'endDate' IN coalesce(n.pinned, []) THEN n.endDate ELSE coalesce(row.endDate, n.endDate) END
WITH n, row
UNWIND row.keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)

// statement 16 of 26
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n:Location, n.type = row.type, n.name = row.name, n.createdAt = datetime()
WITH n, row, reduce(kept = [], alias IN [alias IN coalesce(n.aliases, []) + row.aliases WHERE alias <> n.name] | CASE WHEN alias IN kept THEN kept ELSE kept + alias END) AS aliases
SET n.aliases = aliases,
    n.aliasText = reduce(joined = '', alias IN aliases | CASE joined WHEN '' THEN alias ELSE joined + ' | ' + alias END),
    n.description = CASE WHEN 'description' IN coalesce(n.pinned, []) THEN n.description ELSE coalesce(row.description, n.description) END,
    n.title = CASE WHEN 'title' IN coalesce(n.pinned, []) THEN n.title ELSE coalesce(row.title, n.title) END,
    n.category = CASE WHEN 'category' IN coalesce(n.pinned, []) THEN n.category ELSE coalesce(row.category, n.category) END,
    n.startDate = CASE WHEN 'startDate' IN coalesce(n.pinned, []) THEN n.startDate ELSE coalesce(row.startDate, n.startDate) END,
    n.endDate = CASE WHEN 'endDate' IN coalesce(n.pinned, []) THEN n.endDate ELSE coalesce(row.endDate, n.endDate) END
WITH n, row
UNWIND row.keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)

// statement 17 of 26
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (claim:Claim {relationId: row.id})
ON CREATE SET claim.type = row.type, claim.from = row.from, claim.to = row.to
MERGE (a)-[r:MEMBER_OF {id: row.id}]->(b)
SET r.role = CASE WHEN 'role' IN coalesce(claim.pinned, []) THEN r.role ELSE coalesce(row.role, r.role) END, r.startDate = CASE WHEN 'startDate' IN coalesce(claim.pinned, []) THEN r.startDate ELSE coalesce(row.startDate, r.startDate) END, r.endDate = CASE WHEN 'endDate' IN coalesce(claim.pinned, []) THEN r.endDate ELSE coalesce(row.endDate, r.endDate) END

// statement 18 of 26
UNWIND $rows AS row
MATCH (subject:Entity {id: row.subject})
MATCH (s:Source {id: row.source})
MERGE (subject)-[rb:REPORTED_BY {id: row.id}]->(s)
SET rb.quote = row.quote, rb.start = row.start, rb.end = row.end, rb.reportedAt = row.reportedAt,
    rb.documentId = row.document, rb.attributedToId = row.attributedTo,
    rb.method = row.method, rb.rule = row.rule, rb.confidence = row.confidence, rb += row.values
WITH rb, s

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

// statement 19 of 26
UNWIND $rows AS row
MATCH (subject:Claim {relationId: row.subject})
MATCH (s:Source {id: row.source})
MERGE (subject)-[rb:REPORTED_BY {id: row.id}]->(s)
SET rb.quote = row.quote, rb.start = row.start, rb.end = row.end, rb.reportedAt = row.reportedAt,
    rb.documentId = row.document, rb.attributedToId = row.attributedTo,
    rb.method = row.method, rb.rule = row.rule, rb.confidence = row.confidence, rb += row.values
WITH rb, s

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

// statement 20 of 26
UNWIND $ids AS id
MATCH (x)-[:REPORTED_BY {documentId: id}]->(:Source)
RETURN collect(DISTINCT x.id) AS entities, collect(DISTINCT x.relationId) AS relations

// statement 21 of 26
UNWIND $ids AS id
MATCH (x:Entity {id: id})
SET x._lock = true
REMOVE x._lock
WITH x
RETURN x.id AS id, x.type AS type, coalesce(x.pinned, []) AS pinned, COLLECT { MATCH (x)-[rb:REPORTED_BY]->(s:Source) RETURN { id: rb.id, sourceId: s.id, origin: rb.origin, reportedAt: rb.reportedAt, values: rb { .description, .title, .category, .startDate, .endDate } } } AS reports

// statement 22 of 26
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, coalesce(n.independentSourceCount, 0) AS before
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred
RETURN n.type AS type, before, row.independentSourceCount AS after

// statement 23 of 26
UNWIND $ids AS id
MATCH (x:Claim {relationId: id})
SET x._lock = true
REMOVE x._lock
WITH x
RETURN x.relationId AS id, x.type AS type, coalesce(x.pinned, []) AS pinned, COLLECT { MATCH (x)-[rb:REPORTED_BY]->(s:Source) RETURN { id: rb.id, sourceId: s.id, origin: rb.origin, reportedAt: rb.reportedAt, values: rb { .role, .startDate, .endDate } } } AS reports

// statement 24 of 26
UNWIND $rows AS row
MATCH ()-[n:MEMBER_OF {id: row.id}]->()
SET n.sourceCount = row.sourceCount, n.independentSourceCount = row.independentSourceCount,
  n.firstReportedAt = row.firstReportedAt, n.lastReportedAt = row.lastReportedAt, n.status = row.status, n.disputed = row.disputed, n += row.preferred

// statement 25 of 26
UNWIND $tallies AS d
MERGE (t:SourceTally {type: d.type})
SET t._lock = true
REMOVE t._lock
WITH t, d, coalesce(t.counts, []) AS counts
WITH t, d, counts, CASE WHEN size(counts) > size(d.delta) THEN size(counts) ELSE size(d.delta) END AS length
WITH t, [i IN range(0, length - 1) | coalesce(counts[i], 0) + coalesce(d.delta[i], 0)] AS summed
SET t.counts = summed[0..reduce(end = 0, i IN range(0, size(summed) - 1) | CASE WHEN summed[i] <> 0 THEN i + 1 ELSE end END)]

// statement 26 of 26
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
