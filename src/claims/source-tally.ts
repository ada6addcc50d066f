import neo4j from 'neo4j-driver';
import type { CountingTransaction, Executor } from '../db/executor.js';
import { LIMITS } from '../model/limits.js';
import { ENTITY_TYPES } from '../model/types.js';

/**
 * How many entities of each type have each number of independent sources,
 * kept at write time so that a page's `totalCount` under `minSources` is a
 * read of one small node instead of a look at every entity of the type.
 *
 * One `(:SourceTally {type})` node per entity type holds `counts`, where
 * `counts[k]` is the number of its entities with exactly k independent sources
 * (k from 1; entities with more than the largest minSources a query may ask
 * share the last place, as they pass every such filter). Entities without a
 * source are not counted: no minSources keeps them.
 *
 * A transaction notes each change of an entity's count as it writes it
 * (noteSourceCountMoves), and the executor applies the sum of the moves just
 * before the change feed's append, the transaction's end: the tally's lock is
 * held for the shortest time, and always taken after the entities' locks, so
 * two writers do not wait on each other in opposite order.
 */

const LAST_PLACE = LIMITS.minSources.max;

export interface SourceCountMove {
  type: string;
  before: number;
  after: number;
}

const place = (sources: number) => Math.min(Math.max(Math.trunc(sources), 0), LAST_PLACE);

/** Per type, the change to each place of its counts (index k: entities with k sources); types without change left out, in type order. */
export function tallyDeltas(moves: Iterable<SourceCountMove>): Array<{ type: string; delta: number[] }> {
  const byType = new Map<string, number[]>();
  const bump = (type: string, sources: number, by: number) => {
    const at = place(sources);
    if (at === 0) return;
    const delta = byType.get(type) ?? [];
    while (delta.length <= at) delta.push(0);
    delta[at]! += by;
    byType.set(type, delta);
  };
  for (const { type, before, after } of moves) {
    if (place(before) === place(after)) continue;
    bump(type, before, -1);
    bump(type, after, 1);
  }
  return [...byType.entries()]
    .filter(([, delta]) => delta.some((change) => change !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, delta]) => ({ type, delta }));
}

const noted = new WeakMap<object, SourceCountMove[]>();

/** Notes changes of entities' independent source counts in this transaction, applied at its end. */
export function noteSourceCountMoves(tx: object, moves: Iterable<SourceCountMove>): void {
  const list = noted.get(tx) ?? [];
  for (const move of moves) list.push(move);
  noted.set(tx, list);
}

// The lock before the read: two transactions adding to one place must not both read the old counts. No trailing
// zeros, so a tally does not depend on the order of the moves that made it.
const APPLY = `
UNWIND $tallies AS d
MERGE (t:SourceTally {type: d.type})
SET t._lock = true
REMOVE t._lock
WITH t, d, coalesce(t.counts, []) AS counts
WITH t, d, counts, CASE WHEN size(counts) > size(d.delta) THEN size(counts) ELSE size(d.delta) END AS length
WITH t, [i IN range(0, length - 1) | coalesce(counts[i], 0) + coalesce(d.delta[i], 0)] AS summed
SET t.counts = summed[0..reduce(end = 0, i IN range(0, size(summed) - 1) | CASE WHEN summed[i] <> 0 THEN i + 1 ELSE end END)]`;

/** Applies the moves this transaction noted (the executor calls it last, before the change feed's append). */
export async function applyNotedSourceCountMoves(tx: CountingTransaction): Promise<void> {
  const moves = noted.get(tx);
  noted.delete(tx);
  const tallies = tallyDeltas(moves ?? []);
  if (tallies.length > 0) await tx.run(APPLY, { tallies: tallies.map(({ type, delta }) => ({ type, delta: delta.map((n) => neo4j.int(n)) })) });
}

const COUNTS_OF = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.type AS type, coalesce(n.independentSourceCount, 0) AS sources`;

/** Notes that these entities (locked by the caller) are about to be deleted, so their places are emptied. */
export async function noteEntitiesRemoved(tx: CountingTransaction, ids: readonly string[]): Promise<void> {
  const result = await tx.run<{ type: string; sources: number }>(COUNTS_OF, { ids });
  noteSourceCountMoves(
    tx,
    result.records.map((record) => ({ type: record.get('type'), before: Number(record.get('sources')), after: 0 })),
  );
}

/** Cypher: the number of entities (of `$type` when `typed`) with at least `$minSources` independent sources. */
export const tallyTotalCypher = (typed: boolean) =>
  `MATCH (t:SourceTally)${typed ? ' WHERE t.type = $type' : ''} RETURN sum(reduce(total = 0, n IN coalesce(t.counts, [])[$minSources..] | total + n)) AS total`;

const DONE = `MATCH (m:Migration {id: 'source-tallies'}) RETURN count(m) > 0 AS done`;
const LOCK_ALL = `UNWIND $types AS type MERGE (t:SourceTally {type: type}) SET t._lock = true REMOVE t._lock`;
const COUNT_ALL = `
MATCH (n:Entity) WHERE n.independentSourceCount >= 1
WITH n.type AS type, CASE WHEN n.independentSourceCount > $last THEN $last ELSE n.independentSourceCount END AS sources, count(*) AS entities
RETURN type, sources, entities`;
const SET_ALL = `UNWIND $tallies AS d MERGE (t:SourceTally {type: d.type}) SET t.counts = d.counts`;
const MARK_DONE = `MERGE (:Migration {id: 'source-tallies'})`;

/**
 * Counts every entity once, for a graph written before the tallies existed;
 * run at each start by migrate, it does its work once. It locks the tallies
 * before it counts: a writer that committed before is in the count, and one
 * still writing waits for the lock, then adds its own moves to the new counts.
 */
export async function buildSourceTallies(executor: Executor): Promise<boolean> {
  const [state] = await executor.read<{ done: boolean }>(DONE, {}, { name: 'source tallies built?' });
  if (state?.done) return false;
  await executor.transaction(
    'WRITE',
    async (tx) => {
      await tx.run(LOCK_ALL, { types: [...ENTITY_TYPES].sort() });
      const rows = (await tx.run<{ type: string; sources: number; entities: number }>(COUNT_ALL, { last: neo4j.int(LAST_PLACE) })).records;
      const counts = new Map<string, number[]>(ENTITY_TYPES.map((type) => [type, []]));
      for (const row of rows) {
        const list = counts.get(row.get('type')) ?? [];
        const sources = Number(row.get('sources'));
        while (list.length <= sources) list.push(0);
        list[sources] = Number(row.get('entities'));
        counts.set(row.get('type'), list);
      }
      const tallies = [...counts.entries()].map(([type, list]) => ({ type, counts: list.map((n) => neo4j.int(n)) }));
      await tx.run(SET_ALL, { tallies });
      await tx.run(MARK_DONE);
    },
    { name: 'build source tallies', timeoutMs: 120_000, outbox: false },
  );
  return true;
}
