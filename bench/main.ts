import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/project.js';
import { loadNdjsonFile } from '../src/ingest/ndjson.js';
import { DATA_SEED, INGEST_SEED, KNOBS, PARAMS_SEED, SCALES, type ScaleName } from './config.js';
import { graphqlContender, httpPost, rawContender, rawHttpContender } from './contenders.js';
import { measureApiMemory } from './api-memory.js';
import { measureColdStart } from './cold-start.js';
import { gitState } from './git-state.js';
import { checkTargets, targetLine } from './targets.js';
import { generatedFile, graphCounts, openBenchDatabase, wipeAll, wipeForRun } from './db.js';
import { runIngestComparison, type IngestResults } from './ingest/run.js';
import { runApiIngestComparison, type ApiIngestComparison } from './ingest/api-ingest.js';
import { randomBytes } from 'node:crypto';
import { machineInfo, peakRssMiB } from './machine.js';
import { drawParams, drawVisibleParams } from './params.js';
import { writeDetails, writeDocsTargets } from './report.js';
import { filterTargets, type BenchResult } from './results.js';
import { captureSetup } from './round-trips.js';
import { runWorkload, type WorkloadResult } from './run-workloads.js';
import { measureFilters, middleReportDate, type FilterResult } from './filters.js';
import { startNeo4jGraphql, startNewsgraph, startRawHttp } from './servers.js';
import { BASELINE, WORKLOADS, type Params } from './workloads.js';
import { recordsLoaded } from './ingest/records.js';

/**
 * npm run bench -- --scale S|M|L [--skip-ingest] [--docs] [--only q0,q1] [--label TEXT] [--wipe] [--no-filters] [--plain-ingest]
 *
 * newsgraph, @neo4j/graphql, the raw Cypher floor over HTTP (raw-http) and
 * in-process (raw) side by side, on one Neo4j and one generated graph:
 * answers checked, then latency, throughput at 1, 16 and 64 clients, memory,
 * round trips and db hits for q1..q5, the API's cold start and its memory
 * under a long load, and the ingest comparisons (bulk path, raw UNWIND,
 * @neo4j/graphql; `ingestBundle` over HTTP). Writes
 * bench/results/<scale>-<date>.json and its details, bench/results/<scale>.md;
 * --docs also updates the scale's targets table in docs/benchmarks.md (a
 * --label gives the run files of their own, e.g. to measure a proposed
 * change beside the current code). Never fails on a time: it is not a test;
 * it exits non-zero when a contender answered differently. With NEO4J_URI set, that database is used and
 * wiped, so a non-empty one is refused unless --wipe is given. Each of
 * q1..q5 is also asked of newsgraph alone with its read filters
 * (`minSources: 2`, `asOf`) against the same workload unfiltered, interleaved
 * (filters.ts); --no-filters leaves that out. --plain-ingest loads the ingest
 * comparison's stream without follow-up reports, the stream of the runs
 * before them, to compare ingest figures with those runs.
 */

/** The API memory run: the issue's 64 clients for 60 s. */
const MEMORY_CLIENTS = 64;
const MEMORY_SECONDS = 60;

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'S' },
    'skip-ingest': { type: 'boolean' },
    docs: { type: 'boolean' },
    only: { type: 'string' },
    label: { type: 'string' },
    wipe: { type: 'boolean' },
    'no-filters': { type: 'boolean' },
    'plain-ingest': { type: 'boolean' },
    help: { type: 'boolean' },
  },
  strict: true,
});
if (values.help) {
  console.error(`npm run bench -- --scale S|M|L [options]
  --skip-ingest    only the read workloads (the ingest comparison does not depend on the scale)
  --only q1,q5     only these workloads (q0 is the baseline)
  --no-filters     leave out newsgraph's filtered variants (minSources: 2, asOf) of q1..q5
  --plain-ingest   the ingest comparison loads the stream without follow-up reports, as runs before them did
  --docs           also update this scale's targets table in docs/benchmarks.md
  --label TEXT     a section and file of its own (e.g. a proposed change measured beside the current code)
  --wipe           allow wiping a non-empty database given by NEO4J_URI`);
  process.exit(0);
}
const scaleName = String(values.scale).toUpperCase() as ScaleName;
const scale = SCALES[scaleName];
if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const only = values.only ? String(values.only).split(',') : null;
const label = values.label ? String(values.label) : undefined;
const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();

const started = performance.now();
// Taken at the start: the servers and the ingest run the working tree as it is now (others may commit meanwhile).
const git = gitState();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const progress = (line: string) => console.error(`[bench ${scaleName} ${elapsed()}] ${line}`);

progress(`starting Neo4j (${process.env.NEO4J_URI ? 'given NEO4J_URI' : `embedded, heap ${scale.heap}, page cache ${scale.pageCache}`})`);
const db = await openBenchDatabase(scale);
const servers = await Promise.all([startNewsgraph(db), startNeo4jGraphql(db), startRawHttp(db)]);
const [newsgraphServer, libraryServer, rawHttpServer] = servers;
// Interrupted: stop the child servers and the embedded Neo4j before leaving (the newsgraph server does not watch its stdin).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping the servers and Neo4j`);
    void Promise.allSettled(servers.map((server) => server.stop()))
      .then(() => db.close())
      .finally(() => process.exit(130));
  });
}
try {
  const machine = await machineInfo(db.driver);
  progress(`Neo4j ${machine.neo4j} at ${db.uri}; newsgraph on ${newsgraphServer.url}, @neo4j/graphql on ${libraryServer.url}`);
  await wipeForRun(db, Boolean(values.wipe), 'the benchmark');

  let ingest: IngestResults | null = null;
  let apiIngest: ApiIngestComparison | undefined;
  if (!values['skip-ingest']) {
    const entitiesForIngest = Math.ceil(KNOBS.ingestRecords / 5) + 1000;
    const followUps = !values['plain-ingest'];
    const files = {
      full: await generatedFile(entitiesForIngest, INGEST_SEED, KNOBS.ingestRecords, followUps),
      prefix: await generatedFile(entitiesForIngest, INGEST_SEED, scale.prefixRecords, followUps),
      warmup: await generatedFile(2000, INGEST_SEED + 1, KNOBS.ingestWarmupRecords, followUps),
      libraryWarmup: await generatedFile(2000, INGEST_SEED + 1, KNOBS.libraryWarmupRecords, followUps),
      profile: await generatedFile(entitiesForIngest, INGEST_SEED, KNOBS.profileIngestRecords, followUps),
    };
    progress(
      `ingest comparison: ${KNOBS.ingestRecords} records (prefix ${scale.prefixRecords} for all three)${followUps ? '' : ', without follow-up reports'}`,
    );
    ingest = await runIngestComparison(db, libraryServer, files, KNOBS.batchSize, progress);
    progress(`ingest through the API: ${KNOBS.apiIngestRecords} records, ingestBundle over HTTP against raw UNWIND and the bulk path`);
    const editorKey = randomBytes(24).toString('hex');
    // An instance of its own, with an editor key: the one that serves the read workloads stays as users run it.
    const ingestServer = await startNewsgraph(db, { NEWSGRAPH_API_KEYS: `editor:${editorKey}` });
    try {
      const apiFile = await generatedFile(entitiesForIngest, INGEST_SEED, KNOBS.apiIngestRecords, followUps);
      apiIngest = await runApiIngestComparison(db, { ...ingestServer, editorKey }, apiFile, progress);
    } finally {
      await ingestServer.stop();
    }
    progress(`  ingestBundle at ${apiIngest.ratioToRaw}x raw UNWIND, ${apiIngest.ratioToBulk}x the bulk path; same graph: ${apiIngest.sameGraph}`);
  }

  const dataFile = await generatedFile(scale.entities, DATA_SEED);
  progress(`loading ${scale.entities} entities through newsgraph's bulk path`);
  await wipeAll(db.driver, db.database);
  const loadStarted = performance.now();
  const report = await loadNdjsonFile(db.executor, dataFile, { batchSize: KNOBS.batchSize });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const loadRecords = recordsLoaded(report);
  // The full-text index is updated asynchronously: let it catch up before anything is asked.
  await db.executor.read('CALL db.awaitIndexes(300)', {}, { name: 'await indexes', timeoutMs: 310_000 });
  const graph = await graphCounts(db.driver, db.database);
  progress(`loaded ${loadRecords} records in ${loadSeconds.toFixed(1)} s: ${graph.nodes} nodes, ${graph.relationships} relationships`);

  const { params, hubs } = await drawParams(db.driver, db.database, KNOBS.params, PARAMS_SEED);
  const contenders = [
    graphqlContender('newsgraph', httpPost(newsgraphServer.url), newsgraphServer.url),
    graphqlContender('neo4j-graphql', httpPost(libraryServer.url), libraryServer.url),
    rawHttpContender(rawHttpServer.url),
    rawContender(db.driver, db.database),
  ];
  const capture = await captureSetup(db.uri, db.username, db.password, db.database, db.log);
  const filtersOn = !values['no-filters'];
  const asOf = filtersOn ? await middleReportDate(db.driver, db.database) : '';
  const visibleParams = filtersOn ? await drawVisibleParams(db.driver, db.database, KNOBS.params, PARAMS_SEED, asOf) : {};
  if (filtersOn) progress(`filters: minSources 2 and asOf ${asOf} (the middle of the reports' dates), newsgraph alone, after each workload`);
  const workloads: WorkloadResult[] = [];
  try {
    for (const workload of [BASELINE, ...WORKLOADS].filter((w) => !only || only.includes(w.id))) {
      progress(`${workload.id}: ${workload.title}`);
      const measured = await runWorkload(workload, params, {
        contenders,
        pids: { newsgraph: newsgraphServer.pid, 'neo4j-graphql': libraryServer.pid, 'raw-http': rawHttpServer.pid },
        capture,
        driver: db.driver,
        database: db.database,
        knobs: KNOBS,
        override: scale.overrides?.[workload.id],
        progress,
      });
      if (filtersOn && !workload.baseline && measured.answers.newsgraph === null) {
        const knobs = { ...KNOBS, ...scale.overrides?.[workload.id]?.knobs };
        const sets: Array<[FilterResult['drawn'], Params[] | undefined]> = [
          ['as the workload', params[workload.id]],
          ['among entities both filters keep', visibleParams[workload.id]],
        ];
        for (const [drawn, asked] of sets) {
          if (!asked) continue;
          const filters = await measureFilters(workload, asked, {
            newsgraph: contenders[0]!,
            capture,
            driver: db.driver,
            database: db.database,
            warmup: knobs.warmup,
            timed: knobs.timed,
            profiled: KNOBS.profiled,
            budgetSeconds: KNOBS.filterBudgetSeconds,
            asOf,
            drawn,
            progress,
          });
          if (filters) (measured.filters ??= []).push(filters);
        }
      }
      workloads.push(measured);
    }
  } finally {
    await capture.close();
  }
  const asked = [...WORKLOADS].filter((w) => !only || only.includes(w.id));
  progress(`cold start: a second newsgraph instance on the loaded graph, then the first answer of ${asked.map((w) => w.id).join(', ')}`);
  const coldStart = await measureColdStart(db, asked, params, workloads);
  progress(
    `  ready in ${coldStart.readySeconds} s; first answers: ${coldStart.firstAnswers.map((a) => `${a.workload} ${a.firstMs} ms (${a.ratio}x warm)`).join(', ')}`,
  );
  const memoryWorkload = asked.find((w) => w.id === 'q1') ?? asked[0]!;
  progress(`API memory: ${memoryWorkload.id} at ${MEMORY_CLIENTS} clients for ${MEMORY_SECONDS} s`);
  const apiMemory = await measureApiMemory(contenders[0]!, newsgraphServer.pid, memoryWorkload, params[memoryWorkload.id], MEMORY_CLIENTS, MEMORY_SECONDS);
  progress(
    `  RSS ${apiMemory.firstQuarterMiB} MiB in the first quarter, ${apiMemory.lastQuarterMiB} MiB in the last (${apiMemory.growth}x), ${apiMemory.opsPerSecond} ops/s`,
  );

  const result: BenchResult = {
    scale: scaleName,
    label,
    entities: scale.entities,
    command,
    machine,
    neo4jMode: db.mode,
    neo4jMemory: { heap: scale.heap, pageCache: scale.pageCache },
    knobs: KNOBS,
    graph,
    load: { records: loadRecords, seconds: Math.round(loadSeconds * 10) / 10, recordsPerSecond: Math.round(loadRecords / loadSeconds) },
    hubs: hubs.slice(0, 5),
    ingest,
    workloads,
    neo4jPeakRssMiB: db.pid ? peakRssMiB(db.pid) : null,
    loadAverageAtEnd: loadavg().map((value) => Math.round(value * 100) / 100),
    seconds: Math.round((performance.now() - started) / 1000),
    commit: git.commit,
    dirty: git.dirty,
    dirtyFiles: git.dirtyFiles,
    targets: [],
    coldStart,
    apiMemory,
    apiIngest,
    ingestStream: values['skip-ingest'] ? undefined : values['plain-ingest'] ? 'without follow-ups' : 'with follow-ups',
  };
  result.targets = checkTargets(result);
  result.filterTargets = filterTargets(result);
  const resultsDir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const slug = label
    ? `-${label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`
    : '';
  const file = join(resultsDir, `${scaleName}${slug}-${machine.date.slice(0, 19).replace(/[:T]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  const details = writeDetails(result, file);
  if (values.docs) writeDocsTargets(join(PROJECT_ROOT, 'docs', 'benchmarks.md'), result, file);
  for (const t of result.targets) progress(`target ${targetLine(t)}`);
  progress(`wrote ${file} and ${details}${values.docs ? ' and docs/benchmarks.md' : ''}`);
  const differing = workloads.flatMap((w) =>
    Object.entries(w.answers)
      .filter(([, diff]) => diff !== null)
      .map(([name, diff]) => `${w.id} ${name}: ${diff}`),
  );
  if (differing.length > 0) {
    progress(`ERROR: answers differ or failed, so those series are missing:\n  ${differing.join('\n  ')}`);
    process.exitCode = 1;
  }
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await db.close();
}
