import type { CountingTransaction } from '../db/executor.js';

/**
 * mergeEntities leaves a `(:MergedId {id})-[:MERGED_INTO]->(kept)` behind for
 * the id it deleted (and moves the ones that pointed at the deleted entity),
 * so an id always leads to the entity it became, however many merges later.
 */

const MERGED_INTO = `
UNWIND $ids AS id
MATCH (:MergedId {id: id})-[:MERGED_INTO]->(kept:Entity)
RETURN id, kept.id AS keptId, kept.type AS keptType`;

export interface MergedInto {
  id: string;
  type: string;
}

/** The entity each of `ids` was merged into, for those that were. */
export async function mergedInto(tx: CountingTransaction, ids: Iterable<string>): Promise<Map<string, MergedInto>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const result = await tx.run<{ id: string; keptId: string; keptType: string }>(MERGED_INTO, { ids: unique });
  return new Map(result.records.map((record) => [record.get('id'), { id: record.get('keptId'), type: record.get('keptType') }]));
}

/** Run by a merge before it deletes `$mergeId`: earlier redirects to it and the new one point at `$keepId`. */
export const RECORD_MERGE = `
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
CREATE (merged)-[:MERGED_INTO]->(k)`;

/** Run by a delete: ids merged into the deleted entity lead nowhere any more. */
export const FORGET_MERGES_INTO = `
MATCH (merged:MergedId)-[:MERGED_INTO]->(:Entity {id: $id})
DETACH DELETE merged`;
