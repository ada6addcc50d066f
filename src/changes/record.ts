import type { ChangeDraft } from './kinds.js';

/**
 * The changes a write transaction has described so far, by transaction
 * handle. The executor appends them to the outbox at the end of the same
 * transaction (src/changes/outbox.ts). Keyed by the handle, so a transaction
 * the driver retries starts again with none.
 */
const recorded = new WeakMap<object, ChangeDraft[]>();

/** Notes changes made in this transaction; they reach the feed only if it commits. */
export function recordChanges(tx: object, drafts: Iterable<ChangeDraft>): void {
  const list = recorded.get(tx) ?? [];
  for (const draft of drafts) list.push(draft);
  recorded.set(tx, list);
}

/** The changes noted in this transaction, once: the executor takes them to append. */
export function takeRecordedChanges(tx: object): ChangeDraft[] {
  const list = recorded.get(tx) ?? [];
  recorded.delete(tx);
  return list;
}
