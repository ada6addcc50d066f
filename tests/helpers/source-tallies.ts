import { expect } from 'vitest';
import { buildSourceTallies } from '../../src/claims/source-tally.js';
import type { Executor } from '../../src/db/executor.js';
import { ENTITY_TYPES } from '../../src/model/types.js';
import type { SeededApi } from './api.js';

/**
 * Every `entities(type, minSources)` totalCount the API gives (from the tally
 * kept at write time, src/claims/source-tally.ts) against a count of the
 * entities themselves, for each type and for all, at each threshold up to one
 * past the largest count.
 */
export async function expectTalliesMatchEntities(api: SeededApi): Promise<void> {
  const [{ most } = { most: 0 }] = await api.db.executor.read<{ most: number | null }>(
    'MATCH (n:Entity) RETURN coalesce(max(n.independentSourceCount), 0) AS most',
  );
  const counted = await api.db.executor.read<{ type: string; sources: number; entities: number }>(
    'MATCH (n:Entity) WHERE n.independentSourceCount >= 1 RETURN n.type AS type, n.independentSourceCount AS sources, count(*) AS entities',
  );
  const expected = (type: string | null, min: number) =>
    counted.filter((row) => (type === null || row.type === type) && Number(row.sources) >= min).reduce((sum, row) => sum + Number(row.entities), 0);
  const query = 'query($type: EntityType, $min: Int) { entities(type: $type, minSources: $min, first: 1) { totalCount } }';
  const answered: Array<[string, number, number]> = [];
  const wanted: Array<[string, number, number]> = [];
  for (const type of [null, ...ENTITY_TYPES]) {
    for (let min = 1; min <= Number(most) + 1; min += 1) {
      const { entities } = await api.data<{ entities: { totalCount: number } }>(query, { type, min });
      answered.push([type ?? 'all', min, entities.totalCount]);
      wanted.push([type ?? 'all', min, expected(type, min)]);
    }
  }
  expect(answered).toEqual(wanted);
}

const MARKER = "MATCH (m:Migration {id: 'source-tallies'}) RETURN count(m) > 0 AS marked";

/**
 * For a graph whose counts a test set or deleted by hand: the tallies counted
 * again, as for a graph older than them. The migration's marker is left as it
 * was, so a snapshot before and after compares only the graph.
 */
export async function recountSourceTallies(executor: Executor): Promise<void> {
  const [{ marked } = { marked: false }] = await executor.read<{ marked: boolean }>(MARKER);
  await executor.write("MATCH (m:Migration {id: 'source-tallies'}) DELETE m", {}, { name: 'test: forget source tallies' });
  await executor.write('MATCH (t:SourceTally) DELETE t', {}, { name: 'test: forget source tallies' });
  await buildSourceTallies(executor);
  if (!marked) await executor.write("MATCH (m:Migration {id: 'source-tallies'}) DELETE m", {}, { name: 'test: as the marker was' });
}
