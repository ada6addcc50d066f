import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/project.js';
import { loadNdjsonFile } from '../src/ingest/ndjson.js';
import { DATA_SEED, KNOBS, PARAMS_SEED, SCALES, type ScaleName } from './config.js';
import { graphqlContender, httpPost, rawHttpContender, type Contender } from './contenders.js';
import { cpuByOwner, type CpuProfile, type Window } from './cpu-owners.js';
import { generatedFile, openBenchDatabase, wipeForRun } from './db.js';
import { gitState } from './git-state.js';
import { drawParams } from './params.js';
import { startNewsgraph, startRawHttp, type ServerProcess } from './servers.js';
import { WORKLOADS, type Params, type Workload, type WorkloadId } from './workloads.js';

/**
 * npm run bench:profile -- --scale S [--only q3,q5] [--seconds 20] [--warmup 5] [--wipe]
 *
 * Where each request's CPU goes, newsgraph against the raw-http floor: both
 * servers run under `node --cpu-prof` on the scale's data; one client asks
 * each workload for `--seconds` (after `--warmup` seconds not counted), one
 * server at a time so they never share the cores; each window of the
 * profile is charged to owners (bench/cpu-owners.ts) and divided by the
 * requests answered in it. Latency here is not the benchmark's (the profiler
 * costs time): the figures are CPU milliseconds per request, to compare.
 */

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'S' },
    only: { type: 'string' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    wipe: { type: 'boolean', default: false },
  },
  strict: true,
});
const scaleName = String(values.scale).toUpperCase() as ScaleName;
const scale = SCALES[scaleName];
if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const only = values.only?.split(',') as WorkloadId[] | undefined;
const workloads = WORKLOADS.filter((workload) => !only || only.includes(workload.id));
const seconds = Number(values.seconds);
const warmupSeconds = Number(values.warmup);
const git = gitState();
const progress = (line: string) => console.error(`[profile ${scaleName}] ${line}`);
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

interface Measured {
  requests: number;
  window: Window;
}

/** One client, one request at a time, for `forSeconds`: the requests answered and the window they took. */
async function drive(contender: Contender, workload: Workload, params: Params[], forSeconds: number): Promise<Measured> {
  const fromUs = nowUs();
  const until = fromUs + forSeconds * 1e6;
  let requests = 0;
  while (nowUs() < until) await contender.ask(workload, params[requests++ % params.length]!);
  return { requests, window: { fromUs, toUs: nowUs() } };
}

type ProfiledServer = 'newsgraph' | 'raw-http';
const owners: Record<ProfiledServer, Record<string, Record<string, number>>> = { newsgraph: {}, 'raw-http': {} };
const requests: Record<ProfiledServer, Record<string, number>> = { newsgraph: {}, 'raw-http': {} };

const file = await generatedFile(scale.entities, DATA_SEED);
const db = await openBenchDatabase(scale);
try {
  await wipeForRun(db, values.wipe, 'the profile run');
  progress(`loading ${scale.entities} entities`);
  await loadNdjsonFile(db.executor, file, { batchSize: KNOBS.batchSize });
  await db.executor.read('CALL db.awaitIndexes(300)', {}, { name: 'await indexes', timeoutMs: 310_000 });
  const { params } = await drawParams(db.driver, db.database, KNOBS.params, PARAMS_SEED);
  for (const name of ['newsgraph', 'raw-http'] as const) {
    const dir = mkdtempSync(join(tmpdir(), `newsgraph-cpu-${name}-`));
    const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
    const server: ServerProcess = name === 'newsgraph' ? await startNewsgraph(db, {}, nodeArgs) : await startRawHttp(db, nodeArgs);
    const contender = name === 'newsgraph' ? graphqlContender('newsgraph', httpPost(server.url), server.url) : rawHttpContender(server.url);
    const windows: Measured[] = [];
    try {
      for (const workload of workloads) {
        await drive(contender, workload, params[workload.id], warmupSeconds);
        windows.push(await drive(contender, workload, params[workload.id], seconds));
        progress(`${name} ${workload.id}: ${windows.at(-1)!.requests} requests in ${seconds} s`);
      }
    } finally {
      await server.stop();
    }
    // The main thread's profile is the largest; workers (if any) write their own, smaller ones.
    const profiles = readdirSync(dir).map((entry) => readFileSync(join(dir, entry), 'utf8'));
    const main = JSON.parse(profiles.sort((a, b) => b.length - a.length)[0]!) as CpuProfile;
    rmSync(dir, { recursive: true, force: true });
    for (const [index, workload] of workloads.entries()) {
      const { requests: answered, window } = windows[index]!;
      const charged = cpuByOwner(main, window);
      // No samples in a window means the two clocks disagree (process.hrtime against the profile's): a silent zero would read as "no cost".
      if (answered === 0 || charged.size === 0) throw new Error(`${name} ${workload.id}: ${answered} requests and no profile samples in the window`);
      requests[name][workload.id] = answered;
      owners[name][workload.id] = Object.fromEntries([...charged].map(([owner, ms]) => [owner, Math.round((ms / answered) * 1000) / 1000]));
    }
  }
} finally {
  await db.close();
}

const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19);
const result = {
  scale: scaleName,
  command: `npm run bench:profile -- ${process.argv.slice(2).join(' ')}`.trim(),
  ...git,
  seconds,
  requests,
  cpuMsPerRequest: owners,
};
const dir = join(PROJECT_ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const base = join(dir, `profile-${scaleName}-${stamp}`);
writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${base}.md`, renderProfile(result));
progress(`wrote ${base}.json and .md`);

function renderProfile(r: typeof result): string {
  const lines = [`# CPU per request, newsgraph against raw-http (scale ${r.scale})`, '', `\`${r.command}\` at ${r.commit}${r.dirty ? ' (dirty)' : ''}.`, ''];
  for (const workload of workloads) {
    const ng = r.cpuMsPerRequest.newsgraph[workload.id] ?? {};
    const raw = r.cpuMsPerRequest['raw-http'][workload.id] ?? {};
    const total = (owned: Record<string, number>) => Object.values(owned).reduce((sum, ms) => sum + ms, 0);
    const rows = [...new Set([...Object.keys(ng), ...Object.keys(raw)])].sort((a, b) => (ng[b] ?? 0) - (raw[b] ?? 0) - ((ng[a] ?? 0) - (raw[a] ?? 0)));
    const extra = total(ng) - total(raw);
    lines.push(`## ${workload.id}: ${workload.title}`, '');
    lines.push(
      `${r.requests.newsgraph[workload.id]} and ${r.requests['raw-http'][workload.id]} requests. Extra CPU of newsgraph: ${extra.toFixed(3)} ms a request.`,
      '',
    );
    lines.push('| owner | newsgraph ms | raw-http ms | share of the extra |', '| --- | ---: | ---: | ---: |');
    for (const owner of rows) {
      const difference = (ng[owner] ?? 0) - (raw[owner] ?? 0);
      lines.push(
        `| ${owner} | ${(ng[owner] ?? 0).toFixed(3)} | ${(raw[owner] ?? 0).toFixed(3)} | ${extra > 0 ? `${Math.round((difference / extra) * 100)}%` : ''} |`,
      );
    }
    lines.push(`| total | ${total(ng).toFixed(3)} | ${total(raw).toFixed(3)} | |`, '');
  }
  return `${lines.join('\n')}\n`;
}
