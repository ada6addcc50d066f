import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { Executor } from '../../src/db/executor.js';
import { DEFAULT_BATCH_SIZE, loadNdjsonFile, validateNdjsonFile } from '../../src/ingest/ndjson.js';
import { createLogger } from '../../src/logger.js';
import { recordsLoaded } from './records.js';

/**
 * newsgraph's bulk path (what `newsgraph ingest FILE.ndjson` runs:
 * validation pass, then UNWIND batches with entity and relation resolution)
 * in a process of its own, so its memory is measured apart from the
 * benchmark's. Prints one JSON line: the seconds the load took, and the
 * seconds a validation pass alone takes (measured after, apart).
 */

const [path, batchSizeArg] = process.argv.slice(2);
if (!path) throw new Error('usage: newsgraph-child.ts FILE [BATCH_SIZE]');
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const driver = createDriver({ uri: config.neo4j.uri!, username: config.neo4j.username, password: config.neo4j.password }, config.neo4j);
const executor = new Executor(driver, config.neo4j.database, createLogger('warn'), config.neo4j.queryTimeoutMs);
try {
  const started = performance.now();
  const report = await loadNdjsonFile(executor, path, { batchSize: Number(batchSizeArg ?? DEFAULT_BATCH_SIZE) });
  const seconds = (performance.now() - started) / 1000;
  const validationStarted = performance.now();
  const issues = await validateNdjsonFile(path);
  const validationSeconds = (performance.now() - validationStarted) / 1000;
  const records = recordsLoaded(report);
  console.log(JSON.stringify({ seconds, validationSeconds, records, roundTrips: executor.roundTrips, issues: issues.length }));
} finally {
  await driver.close();
}
