import type { CountingTransaction } from '../db/executor.js';

/**
 * Write locks taken at the start of a transaction, so that writes touching
 * the same entity or name serialize in the database itself, whichever API
 * process sends them (the Executor's in-process queues cannot see the others).
 *
 * Neo4j takes no lock on a node when a relationship to it is created, and a
 * MATCH reads without locking, so a merge could delete an entity between a
 * concurrent write's read and its commit: the write was acknowledged and
 * then deleted with the node. Setting and removing a property takes the
 * node's exclusive lock, held to commit, and leaves nothing behind.
 */

// Sorted ids: two transactions locking overlapping sets take the locks in the same order, which avoids most deadlocks (the driver retries the rest).
const LOCK_ENTITIES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
SET n._lock = true
REMOVE n._lock
RETURN n.id AS locked`;

/**
 * Locks the entities that exist and returns their ids. An entity deleted
 * (merged away) while this waited for its lock is not returned: Neo4j lets
 * the lock succeed on the deleted node, whose id then reads as null. Once the
 * lock is held, every later statement of the transaction reads the committed
 * state, so callers treat a missing id as absent and look it up again.
 */
export async function lockEntities(tx: CountingTransaction, ids: Iterable<string>): Promise<Set<string>> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return new Set();
  const result = await tx.run<{ locked: string | null }>(LOCK_ENTITIES, { ids: sorted });
  return new Set(result.records.map((record) => record.get('locked')).filter((id): id is string => id !== null));
}

/**
 * Claims normalized names before resolution reads them: MERGE on the unique
 * `NameKey.key` makes a second transaction wait for the first one's new key,
 * and the lock makes it wait on an existing key too. So two ingests naming
 * one new entity run one after the other, and the second finds the first
 * one's entity instead of creating its own. Every claimed key is linked to
 * an entity by the same transaction, or rolled back with it.
 */
const CLAIM_NAME_KEYS = `
UNWIND $keys AS key
MERGE (k:NameKey {key: key})
SET k._lock = true
REMOVE k._lock`;

export async function claimNameKeys(tx: CountingTransaction, keys: Iterable<string>): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length > 0) await tx.run(CLAIM_NAME_KEYS, { keys: sorted });
}
