import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { freePort } from '../../src/project.js';
import { reader, writer, type LoadState } from './load.js';
import { javaChildOf, killAndWait, startService, waitUntilReady } from './service.js';

/**
 * `npm run chaos`: a mixed read/write load on the service and its embedded
 * Neo4j for a bounded time, while the database is killed twice (kill -9) and
 * the API once (kill -9, then started again as an orchestrator would); then
 * every acknowledged write is looked up. Exits 1 if one is missing.
 */
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '120' }, writers: { type: 'string', default: '4' }, readers: { type: 'string', default: '2' } },
});
const seconds = Number(values.seconds);
const RECOVERY_LIMIT_MS = 180_000;
const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-chaos-'));
const options = { port: await freePort(), boltPort: await freePort(), dataDir, editorKey: 'chaos-editor-key-0123456789' };
const log = (message: string) => console.log(`[chaos +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const started = Date.now();

let service = startService(options);
await waitUntilReady(options.port, RECOVERY_LIMIT_MS);
log(`service ready on port ${options.port}; load for ${seconds} s with ${values.writers} writers and ${values.readers} readers`);

const loadStarted = Date.now();
const state: LoadState = {
  port: options.port,
  editorKey: options.editorKey,
  stop: false,
  acknowledgedEntities: [],
  acknowledgedRelations: [],
  reads: 0,
  refused: new Map(),
};
const clients = [
  ...Array.from({ length: Number(values.writers) }, (_, i) => writer(state, `w${i}`)),
  ...Array.from({ length: Number(values.readers) }, () => reader(state)),
];
const recoveries: Array<{ what: string; ms: number }> = [];
const until = (fraction: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, loadStarted + fraction * seconds * 1000 - Date.now())));

try {
  for (const [fraction, what] of [
    [0.2, 'database'],
    [0.45, 'database'],
    [0.7, 'api'],
  ] as const) {
    await until(fraction);
    if (what === 'database') {
      const java = javaChildOf(service.pid!);
      if (!java) throw new Error('no embedded Neo4j below the service');
      process.kill(java, 'SIGKILL');
      log(`kill -9 of the database (pid ${java}) after ${state.acknowledgedEntities.length} acknowledged entities`);
      recoveries.push({ what: 'database kill -9: /ready 200 again after', ms: await waitUntilReady(options.port, RECOVERY_LIMIT_MS, true) });
    } else {
      await killAndWait(service);
      log(`kill -9 of the API (pid ${service.pid}); starting it again`);
      const restartedAt = Date.now();
      service = startService(options);
      await waitUntilReady(options.port, RECOVERY_LIMIT_MS);
      recoveries.push({ what: 'API kill -9 and restart: /ready 200 after', ms: Date.now() - restartedAt });
    }
    log(`${recoveries.at(-1)!.what} ${recoveries.at(-1)!.ms} ms`);
  }
  await until(1);
} finally {
  state.stop = true;
  await Promise.all(clients);
}

const driver = neo4j.driver(`bolt://127.0.0.1:${options.boltPort}`, neo4j.auth.basic('neo4j', 'unused'), { disableLosslessIntegers: true });
const foundEntities = await driver.executeQuery('MATCH (e:Entity) WHERE e.id IN $ids RETURN count(e) AS n', { ids: state.acknowledgedEntities });
const foundRelations = await driver.executeQuery(
  'UNWIND $pairs AS pair MATCH (:Entity {id: pair.from})-[r:MEMBER_OF]->(:Entity {id: pair.to}) RETURN count(DISTINCT [pair.from, pair.to]) AS n',
  { pairs: state.acknowledgedRelations },
);
await driver.close();
service.kill('SIGTERM');
await new Promise((resolve) => service.once('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });

const summary = {
  seconds: Math.round((Date.now() - started) / 1000),
  entities: { acknowledged: state.acknowledgedEntities.length, found: foundEntities.records[0]!.get('n') as number },
  relations: { acknowledged: state.acknowledgedRelations.length, found: foundRelations.records[0]!.get('n') as number },
  reads: state.reads,
  refusedByCode: Object.fromEntries(state.refused),
  recoveries,
};
console.log(JSON.stringify(summary, null, 2));
const lost = summary.entities.acknowledged - summary.entities.found + (summary.relations.acknowledged - summary.relations.found);
console.log(lost === 0 ? 'chaos: every acknowledged write is present' : `chaos: ${lost} acknowledged writes are missing`);
process.exit(lost === 0 ? 0 : 1);
