import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { createDriver } from '../src/db/driver.js';
import { startEmbeddedNeo4j } from '../src/db/embedded.js';
import { freePort } from '../src/project.js';
import { Executor } from '../src/db/executor.js';
import { migrate } from '../src/db/migrate.js';
import { createLogger, type Logger } from '../src/logger.js';
import { generateStream } from '../tools/generate/generate.js';
import { writeLines } from '../tools/generate/write.js';
import { BENCH_QUERY_TIMEOUT_MS, type Scale } from './config.js';

/** The one Neo4j all contenders share: NEO4J_URI if set, else an embedded one on a fresh temporary store. */
export interface BenchDatabase {
  uri: string;
  username: string;
  password: string;
  database: string;
  mode: 'given' | 'embedded';
  /** The embedded JVM's pid, for its peak RSS. */
  pid?: number;
  driver: Driver;
  executor: Executor;
  log: Logger;
  close(): Promise<void>;
}

export async function openBenchDatabase(scale: Scale, log: Logger = createLogger('warn')): Promise<BenchDatabase> {
  const given = process.env.NEO4J_URI;
  let stop = async () => {};
  let uri = given ?? '';
  let pid: number | undefined;
  if (!given) {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-neo4j-'));
    const embedded = await startEmbeddedNeo4j({ dataDir, port: await freePort(), heap: scale.heap, pageCache: scale.pageCache, log });
    uri = embedded.uri;
    pid = embedded.pid;
    stop = async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const username = process.env.NEO4J_USERNAME ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? 'password';
  const database = process.env.NEO4J_DATABASE ?? 'neo4j';
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_QUERY_TIMEOUT_MS: String(BENCH_QUERY_TIMEOUT_MS) });
  const driver = createDriver({ uri, username, password }, config.neo4j);
  const executor = new Executor(driver, database, log, BENCH_QUERY_TIMEOUT_MS);
  await migrate(executor);
  return {
    uri,
    username,
    password,
    database,
    mode: given ? 'given' : 'embedded',
    pid,
    driver,
    executor,
    log,
    async close() {
      await driver.close();
      await stop();
    },
  };
}

/** Empties the database for a run; a given NEO4J_URI that holds data is refused unless `allowed` (the run's --wipe). */
export async function wipeForRun(db: BenchDatabase, allowed: boolean, run: string): Promise<void> {
  if (db.mode === 'given' && !allowed && (await graphCounts(db.driver, db.database)).nodes > 0) {
    throw new Error(`${db.uri} holds data and ${run} deletes everything in it: pass --wipe to allow it`);
  }
  await wipeAll(db.driver, db.database);
}

/** Deletes every node in batches (schema kept): a large graph cannot go in one transaction. */
export async function wipeAll(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}

/**
 * Writes a generated stream once per (entities, seed, records) into the cache
 * folder, and returns its path. The benchmark's data has follow-up reports
 * (tools/generate/follow-ups.ts: facts with one, two or more sources, for the
 * asOf and minSources filters); `-f1` in the name keeps it apart from files
 * cached before them, and `-n2` from those cached before some given names
 * stopped being plain ASCII (tools/generate/names.ts). Without follow-ups
 * (`followUps` false) the stream is the one every run before them measured.
 */
export async function generatedFile(entities: number, seed: number, records?: number, followUps = true): Promise<string> {
  const dir = join(tmpdir(), 'newsgraph-bench-data');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `e${entities}-s${seed}${records ? `-r${records}` : ''}${followUps ? '-f1' : ''}-n2.ndjson`);
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  await writeLines(generateStream({ entities, seed, followUps }), out, records ?? Infinity);
  out.end();
  await finished(out);
  rmSync(path, { force: true });
  const { renameSync } = await import('node:fs');
  renameSync(partial, path);
  return path;
}

/** Node and relationship counts, for the report. */
export async function graphCounts(driver: Driver, database: string): Promise<{ nodes: number; relationships: number; entities: number }> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(
      // The change feed's log (Change, ChangeCounter) is not the graph: it has no relationships, and one node per write event.
      'CALL { MATCH (n) WHERE NOT n:Change AND NOT n:ChangeCounter RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } CALL { MATCH (e:Entity) RETURN count(e) AS entities } RETURN nodes, relationships, entities',
    );
    const record = result.records[0]!;
    return { nodes: Number(record.get('nodes')), relationships: Number(record.get('relationships')), entities: Number(record.get('entities')) };
  } finally {
    await session.close();
  }
}
