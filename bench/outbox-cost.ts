import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/project.js';
import type { Executor } from '../src/db/executor.js';
import { loadNdjsonFile } from '../src/ingest/ndjson.js';
import { DATA_SEED, KNOBS, SCALES, type ScaleName } from './config.js';
import { generatedFile, graphCounts, openBenchDatabase, wipeAll, wipeForRun } from './db.js';
import { gitState } from './git-state.js';
import { recordsLoaded } from './ingest/records.js';
import { median, round2 } from './numbers.js';

/**
 * npm run bench:outbox -- --scale S|M [--rounds N] [--wipe]
 *
 * What the change feed's outbox (issue 18) costs the bulk ingest: the
 * scale's whole generated stream loaded into an emptied graph through the
 * bulk path (loadNdjsonFile, as `newsgraph ingest` does), with the outbox
 * and without it (Executor.withoutChangeFeed), alternately, same process,
 * same database. The figure is the median over rounds of the paired ratio
 * of rates (with / without); the limit is 10% (a ratio of at least 0.9).
 * Each load empties the database: one given by NEO4J_URI that holds data is
 * refused unless --wipe is passed.
 */

const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'S' }, rounds: { type: 'string' }, wipe: { type: 'boolean', default: false } },
  strict: true,
});
const scaleName = String(values.scale).toUpperCase() as ScaleName;
const scale = SCALES[scaleName];
if (!scale || scaleName === 'L') throw new Error('--scale must be S or M');
const rounds = Number(values.rounds ?? (scaleName === 'S' ? 4 : 2));
const git = gitState();
const progress = (line: string) => console.error(`[outbox ${scaleName}] ${line}`);

const file = await generatedFile(scale.entities, DATA_SEED);
// The warm-up loads take the small scale's stream: they only have to warm the JVM and the plans.
const warmupFile = await generatedFile(SCALES.S.entities, DATA_SEED);
const db = await openBenchDatabase(scale);
interface Load {
  outbox: boolean;
  records: number;
  seconds: number;
  recordsPerSecond: number;
}
const loads: Load[] = [];
async function load(executor: Executor, outbox: boolean, path = file): Promise<Load> {
  await wipeAll(db.driver, db.database);
  const started = performance.now();
  const report = await loadNdjsonFile(executor, path, { batchSize: KNOBS.batchSize });
  const seconds = (performance.now() - started) / 1000;
  const records = recordsLoaded(report);
  const run = { outbox, records, seconds: round2(seconds), recordsPerSecond: Math.round(records / seconds) };
  progress(`${outbox ? 'with' : 'without'} the outbox: ${records} records in ${run.seconds} s (${run.recordsPerSecond}/s)`);
  return run;
}
try {
  await wipeForRun(db, values.wipe, 'npm run bench:outbox');
  const plain = db.executor.withoutChangeFeed();
  // A first load of each warms the JVM and the plans; it is not counted.
  progress('warm-up loads');
  await load(db.executor, true, warmupFile);
  await load(plain, false, warmupFile);
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternate which goes first, so neither always runs on the fresher store.
    const order = round % 2 === 0 ? [true, false] : [false, true];
    const pair: Record<string, Load> = {};
    for (const outbox of order) {
      const run = await load(outbox ? db.executor : plain, outbox);
      loads.push(run);
      pair[String(outbox)] = run;
    }
    ratios.push(round2(pair.true!.recordsPerSecond / pair.false!.recordsPerSecond));
  }
  const ratio = median(ratios);
  const graph = await graphCounts(db.driver, db.database);
  const result = {
    kind: 'outbox-cost',
    scale: scaleName,
    at: new Date().toISOString(),
    commit: git.commit,
    dirty: git.dirty,
    dirtyFiles: git.dirtyFiles,
    command: `npm run bench:outbox -- ${process.argv.slice(2).join(' ')}`.trim(),
    file: file.split('/').pop(),
    batchSize: KNOBS.batchSize,
    graph,
    loads,
    pairedRatios: ratios,
    target: { metric: 'median paired rate ratio, with / without the outbox', ratio, limit: 0.9, met: ratio >= 0.9 },
    loadAverageAtEnd: loadavg().map(round2),
  };
  const out = join(PROJECT_ROOT, 'bench', 'results', `outbox-cost-${scaleName}-${result.at.slice(0, 19).replace(/[:T]/g, '-')}.json`);
  mkdirSync(join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  progress(`median paired ratio ${ratio} (${ratios.join(', ')}): ${result.target.met ? 'within' : 'over'} 10%; wrote ${out}`);
} finally {
  await db.close();
}
