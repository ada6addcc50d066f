// statement 1 of 3
OPTIONAL MATCH (counter:ChangeCounter {id: 'feed'})
RETURN coalesce(counter.sequence, 0) AS head, coalesce(counter.prunedThrough, 0) AS prunedThrough

// statement 2 of 3
MATCH (e:Change) WHERE e.sequence > $after
WITH e ORDER BY e.sequence LIMIT $scan
WITH collect(e) AS scanned
WITH scanned, [i IN range(0, size(scanned) - 1) WHERE scanned[i].sequence <> $after + i + 1] AS breaks
WITH scanned, CASE WHEN size(breaks) = 0 THEN size(scanned) ELSE breaks[0] END AS unbroken
WITH scanned, unbroken,
     [e IN scanned[0..unbroken] WHERE ($kinds IS NULL OR e.kind IN $kinds) AND ($entityIds IS NULL OR any(id IN e.entityIds WHERE id IN $entityIds))][0..$limit + 1] AS matching
RETURN size(scanned) AS scanned,
       CASE WHEN unbroken = 0 THEN $after ELSE scanned[unbroken - 1].sequence END AS through,
       CASE WHEN unbroken < size(scanned) THEN scanned[unbroken].sequence ELSE null END AS holeBefore,
       [e IN matching | {sequence: e.sequence, kind: e.kind, at: toString(e.at), subjectId: e.subjectId, entityIds: coalesce(e.entityIds, []),
         relationId: e.relationId, documentId: e.documentId, mergedId: e.mergedId,
         actor: {role: e.actorRole, via: coalesce(e.actorVia, 'local'), principal: e.actorPrincipal}}] AS events

// statement 3 of 3
OPTIONAL MATCH (counter:ChangeCounter {id: 'feed'})
RETURN coalesce(counter.sequence, 0) AS head, coalesce(counter.prunedThrough, 0) AS prunedThrough
