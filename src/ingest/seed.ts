import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project.js';
import type { Executor } from '../db/executor.js';
import type { Logger } from '../logger.js';
import type { IngestReport } from './batch.js';
import { ingestBundle } from './ingest.js';

export const SEED_BUNDLE = join(PROJECT_ROOT, 'data', 'seed', 'seed.bundle.json');

export function readSeedBundle(): unknown {
  return JSON.parse(readFileSync(SEED_BUNDLE, 'utf8'));
}

/** Loads the seed article's graph, but only into an empty database: a user's data is never touched. */
export async function loadSeedIfEmpty(executor: Executor, log: Logger): Promise<IngestReport | undefined> {
  const [row] = await executor.read<{ empty: boolean }>('RETURN NOT EXISTS { MATCH (:Entity) } AS empty', {}, { name: 'seed check' });
  if (!row?.empty) return undefined;
  const report = await ingestBundle(executor, readSeedBundle());
  log.info(
    { entities: report.entities.created, relations: report.relations.created, reports: report.reports },
    'loaded the seed graph into the empty database',
  );
  return report;
}
