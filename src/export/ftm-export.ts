import type { Executor } from '../db/executor.js';
import { ftmEntity, ftmRelation } from './ftm-mapping.js';
import { entityPages, relationPages, type PagingOptions } from './graph-pages.js';
import type { TextSink } from './text-sink.js';
import { writePages } from './write-pages.js';

/**
 * FollowTheMoney entities as JSON lines (`ftm` tools, Aleph, OpenSanctions'
 * tooling read them): entities first, then one interval entity per relation,
 * so every reference points to a line before it. Keyset pages, with
 * backpressure, like every export. The mapping is in ftm-mapping.ts.
 */
export async function exportFtm(executor: Executor, sink: TextSink, options: PagingOptions = {}): Promise<{ entities: number; relations: number }> {
  const write = (chunk: string) => sink.write(chunk);
  const entities = await writePages(entityPages(executor, options), write, (row) => `${JSON.stringify(ftmEntity(row))}\n`);
  const relations = await writePages(relationPages(executor, options), write, (row) => `${JSON.stringify(ftmRelation(row))}\n`);
  return { entities: entities.written, relations: relations.written };
}
