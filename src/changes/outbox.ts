import type { ChangeActor, ChangeDraft } from './kinds.js';

/**
 * Appends a transaction's changes to the outbox; it must be the last
 * statement of the transaction. Setting a property of the one counter node
 * takes its write lock, held until commit, so transactions that record
 * changes commit one at a time from here on: the sequence read after the
 * lock is the previous committer's, numbers follow commit order, and a
 * transaction that rolls back gives its numbers back with the counter.
 * Taking the lock last keeps it for the shortest time and never while
 * waiting for another lock (no deadlock through the counter).
 * The counter is created on first use (MERGE on a unique property is safe
 * under concurrency), so an emptied database starts its feed again at 1.
 */
export const APPEND_CHANGES = `
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
RETURN max(sequence) AS last`;

/** The parameters of APPEND_CHANGES: the drafts as plain maps (no undefined values, which the driver refuses). */
export function appendParams(drafts: readonly ChangeDraft[], actor: ChangeActor): Record<string, unknown> {
  return {
    changes: drafts.map((draft) => ({
      kind: draft.kind,
      subjectId: draft.subjectId,
      entityIds: [...new Set(draft.entityIds)],
      relationId: draft.relationId ?? null,
      documentId: draft.documentId ?? null,
      mergedId: draft.mergedId ?? null,
    })),
    actor: { role: actor.role, via: actor.via, principal: actor.principal },
  };
}
