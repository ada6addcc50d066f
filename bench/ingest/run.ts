import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../../src/project.js';
import { LABEL, type ContenderName } from '../contenders.js';
import type { BenchDatabase } from '../db.js';
import { wipeAll } from '../db.js';
import { peakRssMiB, resetPeakRss } from '../machine.js';
import type { ServerProcess } from '../servers.js';
import { graphDigest, type GraphDigest } from './digest.js';
import { neo4jGraphqlCypherIngest } from './neo4j-graphql-cypher-ingest.js';
import { neo4jGraphqlIngest } from './neo4j-graphql-ingest.js';
import { profileIngest, type IngestCost } from './profile-ingest.js';
import { rawIngest } from './raw-ingest.js';
import { meanOfLoads } from './records.js';

/**
 * The ingest comparison: the same stream loaded into an empty graph by each
 * contender in turn, each load checked against the others by a digest of the
 * whole graph. newsgraph's bulk path and the raw floor load the full stream;
 * @neo4j/graphql's mutations are two orders of magnitude slower, so all three
 * also load a prefix of the same stream, which is what @neo4j/graphql is
 * compared on. Each contender first loads a small warm-up stream, so the
 * JVM's first-use costs land on nobody's figure.
 */

export interface IngestRun {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  peakRssMiB: number | null;
  digest: GraphDigest;
  /** newsgraph only: the validation pass alone, measured apart. */
  validationSeconds?: number;
  /** The rate of each load when a contender loaded the stream more than once. */
  repeats?: number[];
}

/** The ingest's contenders: the read contenders' three, and @neo4j/graphql's second write path (its `@cypher` UNWIND mutations). */
export type IngestContender = Exclude<ContenderName, 'raw-http'> | 'neo4j-graphql-cypher';
export const INGEST_CONTENDERS: IngestContender[] = ['newsgraph', 'neo4j-graphql', 'neo4j-graphql-cypher', 'raw'];
export const INGEST_LABEL: Record<IngestContender, string> = {
  newsgraph: LABEL.newsgraph,
  'neo4j-graphql': `${LABEL['neo4j-graphql']}, generated nested creates`,
  'neo4j-graphql-cypher': `${LABEL['neo4j-graphql']}, @cypher UNWIND mutations`,
  raw: LABEL.raw,
};

export interface IngestComparison {
  records: number;
  runs: Partial<Record<IngestContender, IngestRun>>;
  sameGraph: boolean;
}

export interface IngestResults {
  full: IngestComparison;
  prefix: IngestComparison;
  /** Statements and PROFILE db hits of each path, on the short profiling stream. */
  costs: Record<ContenderName, IngestCost>;
}

export interface IngestFiles {
  full: string;
  prefix: string;
  warmup: string;
  libraryWarmup: string;
  /** A short prefix of the stream, loaded once more by each contender under PROFILE. */
  profile: string;
}
export function newsgraphChild(
  db: BenchDatabase,
  path: string,
  batchSize: number,
): Promise<{ seconds: number; validationSeconds: number; records: number; peakRssMiB: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/ingest/newsgraph-child.ts', path, String(batchSize)], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        NEO4J_URI: db.uri,
        NEO4J_USERNAME: db.username,
        NEO4J_PASSWORD: db.password,
        NEO4J_DATABASE: db.database,
        NEO4J_QUERY_TIMEOUT_MS: '120000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let peak: number | null = null;
    const poll = setInterval(() => (peak = peakRssMiB(child.pid!) ?? peak), 250);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`newsgraph ingest exited with ${code}: ${err.slice(-2000)}`));
      resolve({ ...(JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; validationSeconds: number; records: number }), peakRssMiB: peak });
    });
  });
}

async function loadWith(
  name: IngestContender,
  db: BenchDatabase,
  library: ServerProcess,
  path: string,
  batchSize: number,
): Promise<Omit<IngestRun, 'digest' | 'recordsPerSecond'>> {
  if (name === 'newsgraph') return newsgraphChild(db, path, batchSize);
  const started = performance.now();
  if (name === 'raw') {
    const records = await rawIngest(db.driver, db.database, path, batchSize);
    return { records, seconds: (performance.now() - started) / 1000, peakRssMiB: null };
  }
  resetPeakRss(library.pid);
  const records = await (name === 'neo4j-graphql' ? neo4jGraphqlIngest : neo4jGraphqlCypherIngest)(library.url, path, batchSize);
  return { records, seconds: (performance.now() - started) / 1000, peakRssMiB: peakRssMiB(library.pid) };
}

/** Loads the stream with each contender in `order` (a name may come twice: ABBA cancels drift); a contender's figure is its mean. */
async function compare(
  db: BenchDatabase,
  library: ServerProcess,
  path: string,
  order: IngestContender[],
  batchSize: number,
  progress: (line: string) => void,
): Promise<IngestComparison> {
  const all: Partial<Record<IngestContender, IngestRun[]>> = {};
  for (const name of order) {
    await wipeAll(db.driver, db.database);
    const run = await loadWith(name, db, library, path, batchSize);
    const digest = await graphDigest(db.driver, db.database);
    (all[name] ??= []).push({ ...run, recordsPerSecond: Math.round(run.records / run.seconds), digest });
    progress(`  ingest ${name}: ${run.records} records in ${run.seconds.toFixed(1)} s (${Math.round(run.records / run.seconds)}/s), graph ${digest.hash}`);
  }
  await wipeAll(db.driver, db.database);
  const runs: Partial<Record<IngestContender, IngestRun>> = {};
  for (const [name, list] of Object.entries(all) as Array<[IngestContender, IngestRun[]]>) {
    runs[name] = meanOfLoads(list);
  }
  const hashes = new Set(Object.values(all).flatMap((list) => list.map((run) => run.digest.hash)));
  return { records: all[order[0]!]![0]!.records, runs, sameGraph: hashes.size === 1 };
}

async function warmUp(db: BenchDatabase, library: ServerProcess, name: IngestContender, path: string, batchSize: number): Promise<void> {
  await wipeAll(db.driver, db.database);
  await loadWith(name, db, library, path, batchSize);
}

export async function runIngestComparison(
  db: BenchDatabase,
  library: ServerProcess,
  files: IngestFiles,
  batchSize: number,
  progress: (line: string) => void,
): Promise<IngestResults> {
  await warmUp(db, library, 'neo4j-graphql', files.libraryWarmup, batchSize);
  await warmUp(db, library, 'neo4j-graphql-cypher', files.warmup, batchSize);
  await warmUp(db, library, 'raw', files.warmup, batchSize);
  await warmUp(db, library, 'newsgraph', files.warmup, batchSize);
  const prefix = await compare(db, library, files.prefix, ['neo4j-graphql', 'neo4j-graphql-cypher', 'raw', 'newsgraph'], batchSize, progress);
  const full = await compare(
    db,
    library,
    files.full,
    ['raw', 'newsgraph', 'neo4j-graphql-cypher', 'neo4j-graphql-cypher', 'newsgraph', 'raw'],
    batchSize,
    progress,
  );
  const costs = await profileIngest(db, files.profile, batchSize);
  progress(
    `  ingest db hits per record: ${Object.entries(costs)
      .map(([name, cost]) => `${name} ${cost.dbHitsPerRecord}`)
      .join(', ')}`,
  );
  return { full, prefix, costs };
}
