import type { CountingTransaction } from '../../db/executor.js';
import { mergedInto } from '../../ingest/merged-ids.js';
import { EntityMergedError } from './entity-merged-error.js';

/** The id of the entity `id` was merged into, if it was. */
export async function mergedTarget(tx: CountingTransaction, id: string): Promise<string | undefined> {
  return (await mergedInto(tx, [id])).get(id)?.id;
}

/** Refuses a write naming an id that was merged away, saying where it went, instead of reviving it or calling it unknown. */
export async function refuseMergedId(tx: CountingTransaction, id: string, field?: string): Promise<void> {
  const target = await mergedTarget(tx, id);
  if (target) throw new EntityMergedError(id, target, field);
}
