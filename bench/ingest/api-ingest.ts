import { INGEST_SEED, KNOBS } from '../config.js';
import type { BenchDatabase } from '../db.js';
import { generatedFile, wipeAll } from '../db.js';
import { peakRssMiB, resetPeakRss } from '../machine.js';
import type { ServerProcess } from '../servers.js';
import { graphDigest } from './digest.js';
import { rawIngest } from './raw-ingest.js';
import { meanOfLoads, type LoadFigures } from './records.js';
import { newsgraphChild } from './run.js';
import { streamBundles } from './stream-bundles.js';

/**
 * Ingest through the API (issue 19): the ingest stream loaded through
 * newsgraph's `ingestBundle` mutation over HTTP, one request at a time, as a
 * client that feeds the API would, against raw UNWIND batches and the bulk
 * path (`newsgraph ingest`) on the same stream, each load into an emptied
 * graph and checked by a digest of the whole graph.
 *
 * A bundle holds one document, so a request carries one document's records
 * (fewer than `batchRecords` for the generated stream: about 280), plus the
 * records of earlier documents it refers to, sent again (stream-bundles.ts).
 * Those are in `repeatedRecords`, not in `records`: the rate is of the
 * stream's records, as for the other two.
 */

export interface ApiIngestRun {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  requests: number;
  peakRssMiB: number | null;
  /** Records sent again because a bundle must carry what its records refer to. */
  repeatedRecords: number;
}

const INGEST_BUNDLE = 'mutation IngestBundle($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents reports } }';

async function postBundle(url: string, editorKey: string, bundle: object): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${editorKey}` },
    body: JSON.stringify({ query: INGEST_BUNDLE, variables: { bundle } }),
  });
  const text = await response.text();
  let answer: { errors?: unknown[]; data?: { ingestBundle: unknown } } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    // Not JSON (a proxy's or a 413's page): the text itself is the error below.
  }
  if (!response.ok || answer.errors?.length || !answer.data?.ingestBundle) {
    throw new Error(`ingestBundle answered ${response.status}: ${text.slice(0, 2000)}`);
  }
}

/** Loads the NDJSON stream at `path` through newsgraph's `ingestBundle` mutation over HTTP, bundles of about `batchRecords` records, one request at a time. */
export async function apiIngest(server: { url: string; pid: number }, editorKey: string, path: string, batchRecords: number): Promise<ApiIngestRun> {
  resetPeakRss(server.pid);
  const started = performance.now();
  let records = 0;
  let requests = 0;
  let repeatedRecords = 0;
  for await (const part of streamBundles(path, batchRecords)) {
    await postBundle(server.url, editorKey, part.bundle);
    records += part.records;
    repeatedRecords += part.repeated;
    requests += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  return { records, seconds, recordsPerSecond: Math.round(records / seconds), requests, peakRssMiB: peakRssMiB(server.pid), repeatedRecords };
}

/** A contender's mean over its loads, the digest of the graph it wrote, and the rate of each load. */
type Compared<T extends LoadFigures> = T & { digest: string; repeats: number[] };

export interface ApiIngestComparison {
  batchRecords: number;
  records: number;
  runs: { ingestBundle: Compared<ApiIngestRun>; raw: Compared<LoadFigures>; bulk: Compared<LoadFigures> };
  sameGraph: boolean;
  /** ingestBundle's rate over raw's (the target: at least 0.8), and over the bulk path's. */
  ratioToRaw: number;
  ratioToBulk: number;
}

type ApiContender = keyof ApiIngestComparison['runs'];

/** raw first and last, the others between, each twice: drift over the run cancels out of the means. */
const ORDER: ApiContender[] = ['raw', 'ingestBundle', 'bulk', 'bulk', 'ingestBundle', 'raw'];
const BATCH_RECORDS = 1000;

async function load(name: ApiContender, db: BenchDatabase, server: ServerProcess & { editorKey: string }, path: string): Promise<LoadFigures | ApiIngestRun> {
  if (name === 'ingestBundle') return apiIngest(server, server.editorKey, path, BATCH_RECORDS);
  if (name === 'bulk') {
    const run = await newsgraphChild(db, path, BATCH_RECORDS);
    return { records: run.records, seconds: run.seconds, recordsPerSecond: Math.round(run.records / run.seconds), peakRssMiB: run.peakRssMiB };
  }
  const started = performance.now();
  const records = await rawIngest(db.driver, db.database, path, BATCH_RECORDS);
  const seconds = (performance.now() - started) / 1000;
  // In the benchmark's own process: its memory is not the raw path's alone.
  return { records, seconds, recordsPerSecond: Math.round(records / seconds), peakRssMiB: null };
}

export async function runApiIngestComparison(
  db: BenchDatabase,
  server: ServerProcess & { editorKey: string },
  path: string,
  progress: (line: string) => void,
): Promise<ApiIngestComparison> {
  // The warm-up stream of the other ingest comparison: the JVM's and the server's first-use costs land on nobody's figure.
  const warmup = await generatedFile(2000, INGEST_SEED + 1, KNOBS.ingestWarmupRecords);
  for (const name of ['raw', 'ingestBundle', 'bulk'] as const) {
    await wipeAll(db.driver, db.database);
    await load(name, db, server, warmup);
  }
  const all: { [name in ApiContender]: Array<LoadFigures & { digest: string }> } = { raw: [], ingestBundle: [], bulk: [] };
  for (const name of ORDER) {
    await wipeAll(db.driver, db.database);
    const run = await load(name, db, server, path);
    const digest = (await graphDigest(db.driver, db.database)).hash;
    all[name].push({ ...run, digest });
    const requests = 'requests' in run ? `, ${run.requests} requests, ${run.repeatedRecords} records sent again` : '';
    progress(`  api ingest ${name}: ${run.records} records in ${run.seconds.toFixed(1)} s (${run.recordsPerSecond}/s${requests}), graph ${digest}`);
  }
  await wipeAll(db.driver, db.database);
  const runs = {
    ingestBundle: meanOfLoads(all.ingestBundle as Array<ApiIngestRun & { digest: string }>),
    raw: meanOfLoads(all.raw),
    bulk: meanOfLoads(all.bulk),
  };
  const digests = new Set(Object.values(all).flatMap((list) => list.map((run) => run.digest)));
  const ratio = (other: LoadFigures) => Math.round((runs.ingestBundle.recordsPerSecond / other.recordsPerSecond) * 100) / 100;
  return {
    batchRecords: BATCH_RECORDS,
    records: runs.raw.records,
    runs,
    sameGraph: digests.size === 1,
    ratioToRaw: ratio(runs.raw),
    ratioToBulk: ratio(runs.bulk),
  };
}
