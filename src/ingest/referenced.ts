import type { CountingTransaction } from '../db/executor.js';
import { DatabaseError } from '../db/errors.js';
import type { Batch } from './batch.js';
import { lockEntities } from './locks.js';
import { mergedInto } from './merged-ids.js';

/** Bundle ids the batch writes to or points at: its entities, relation ends, sources' people, report subjects and attributions. */
function referencedBundleIds(batch: Batch): Set<string> {
  const ids = new Set(batch.entities.map((entity) => entity.id));
  for (const relation of batch.relations) ids.add(relation.from).add(relation.to);
  for (const source of batch.sources) if (source.entity) ids.add(source.entity);
  for (const report of batch.reports) {
    if ('entity' in report.subject) ids.add(report.subject.entity);
    if (report.attributedTo) ids.add(report.attributedTo);
  }
  return ids;
}

// A merged id leads straight to its entity (merges move the redirects), so one more round only follows a merge that committed meanwhile.
const ROUNDS = 3;

/**
 * Locks every existing entity the batch refers to, after resolution, so a
 * concurrent merge runs wholly before or after this ingest: its relations
 * and reports are never written to an entity the merge is deleting. An
 * entity merged away meanwhile (resolution read it before the merge
 * committed) is followed to the entity it became. Returns the final map
 * from bundle ids to graph ids.
 */
export async function lockReferencedEntities(
  tx: CountingTransaction,
  batch: Batch,
  resolved: ReadonlyMap<string, string>,
  created: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const bundleIds = referencedBundleIds(batch);
  let ids = new Map(resolved);
  const graphId = (id: string) => ids.get(id) ?? id;
  for (let round = 1; ; round++) {
    const wanted = new Set([...bundleIds].map(graphId).filter((id) => !created.has(id)));
    const locked = await lockEntities(tx, wanted);
    const redirects = await mergedInto(
      tx,
      [...wanted].filter((id) => !locked.has(id)),
    );
    // Missing and not merged: deleted, or never there; the writes treat it as before (an entity row recreates it).
    if (redirects.size === 0) return ids;
    if (round === ROUNDS) throw new DatabaseError('concurrentChange');
    const next = new Map(ids);
    for (const id of bundleIds) {
      const target = redirects.get(graphId(id));
      if (target) next.set(id, target.id);
    }
    ids = next;
  }
}
