import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/project.js';
import type { GraphQLRequest } from '../explorer/src/queries.js';
import { explorerSession } from './explorer-cold-session.js';
import { startColdService, type WarmUpLog } from './explorer-cold-server.js';
import { gitState } from './git-state.js';
import { median, round2 } from './numbers.js';

/**
 * npm run bench:cold -- [--rounds 3] [--warm 7] [--label text]
 *
 * The time from /ready to the first answer of each explorer request, against
 * a warm answer of the same request. Each round starts the service as a new
 * user does (embedded Neo4j on an empty store, the seed loaded), waits for
 * /ready, sends each request of an analyst's first minute once, in order,
 * over HTTP as the explorer sends it, then the same requests `--warm` times
 * each. The target (issue 17): the median over the rounds of first / warm
 * median is at most 2 for every request. Writes bench/results/explorer-cold-<date>.json.
 */

const TARGET_RATIO = 2;
const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, warm: { type: 'string', default: '7' }, label: { type: 'string' } },
});
const rounds = Number(args.rounds);
const warmRepeats = Number(args.warm);
const command = `npm run bench:cold -- ${process.argv.slice(2).join(' ')}`.trim();

/** An answer with errors (a statement stopped by its timeout on a loaded machine): its time, and the error kept in the result. */
const errors: string[] = [];

/** One request as the explorer sends it (explorer/src/api.ts); its time to the whole answer, in ms. */
async function timed(url: string, name: string, request: GraphQLRequest): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-newsgraph-client': 'explorer' },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string }> };
  const ms = performance.now() - started;
  if (!response.ok || body.errors?.length) errors.push(`${name}: HTTP ${response.status} ${body.errors?.[0]?.message ?? ''} after ${Math.round(ms)} ms`);
  return ms;
}

interface RoundResult {
  readyMs: number;
  warmUp: WarmUpLog | null;
  loadAverage: number[];
  requests: Record<string, { firstMs: number; warmMs: number; ratio: number; freshIdsMs?: number }>;
}

async function runRound(round: number): Promise<RoundResult> {
  const loadAverage = loadavg().map(round2);
  console.error(`[cold ${round}/${rounds}] starting newsgraph on an empty embedded Neo4j (load ${loadAverage.join(' ')})`);
  const service = await startColdService();
  try {
    console.error(`[cold ${round}/${rounds}] ready after ${(service.readyMs / 1000).toFixed(1)} s`);
    const session = explorerSession();
    const first = new Map<string, number>();
    for (const { name, request } of session) first.set(name, await timed(service.graphqlUrl, name, request));
    const requests: RoundResult['requests'] = {};
    for (const { name, request, freshIds } of session) {
      const warm: number[] = [];
      for (let i = 0; i < warmRepeats; i += 1) warm.push(await timed(service.graphqlUrl, name, request));
      const firstMs = first.get(name)!;
      const warmMs = median(warm);
      const freshIdsMs = freshIds ? round2(await timed(service.graphqlUrl, `${name} (fresh ids)`, freshIds)) : undefined;
      requests[name] = { firstMs: round2(firstMs), warmMs: round2(warmMs), ratio: round2(firstMs / warmMs), freshIdsMs };
      console.error(`[cold ${round}/${rounds}] ${name}: first ${firstMs.toFixed(1)} ms, warm ${warmMs.toFixed(1)} ms`);
    }
    return { readyMs: service.readyMs, warmUp: service.warmUp(), loadAverage, requests };
  } finally {
    await service.stop();
  }
}

const started = new Date();
const { commit, dirty, dirtyFiles } = gitState();
const results: RoundResult[] = [];
for (let round = 1; round <= rounds; round += 1) results.push(await runRound(round));

const names = explorerSession().map((entry) => entry.name);
const perRequest = names.map((name) => {
  const of = (pick: (r: RoundResult['requests'][string]) => number) => round2(median(results.map((r) => pick(r.requests[name]!))));
  const ratio = of((r) => r.ratio);
  // An answer with an error is not an answer: the request misses the target whatever its times.
  const errorAnswers = errors.filter((error) => error.startsWith(`${name}: `)).length;
  const fresh = results.map((r) => r.requests[name]!.freshIdsMs).filter((ms): ms is number => ms !== undefined);
  const freshIdsMs = fresh.length > 0 ? round2(median(fresh)) : null;
  return {
    request: name,
    firstMs: of((r) => r.firstMs),
    warmMs: of((r) => r.warmMs),
    ratio,
    freshIdsMs,
    errorAnswers,
    met: ratio <= TARGET_RATIO && errorAnswers === 0,
  };
});
const result = {
  benchmark: 'explorer-cold',
  label: args.label ?? null,
  command,
  date: started.toISOString(),
  commit,
  dirty,
  dirtyFiles,
  machine: { nproc: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: round2(totalmem() / 1024 ** 3), node: process.version },
  loadAverageAtStart: results[0]?.loadAverage ?? [],
  loadAverageAtEnd: loadavg().map(round2),
  graph: 'the seed (data/seed/seed.bundle.json), loaded by serve into an empty embedded Neo4j',
  rounds,
  warmRepeats,
  target: { metric: 'median over rounds of (first answer after /ready) / (median of warm answers)', atMost: TARGET_RATIO, met: perRequest.every((r) => r.met) },
  readyMs: { median: median(results.map((r) => r.readyMs)), rounds: results.map((r) => r.readyMs) },
  warmUpMs: results.map((r) => r.warmUp?.ms ?? null),
  warmUpOperations: results[0]?.warmUp?.operations ?? null,
  warmUpFailed: results.flatMap((r) => r.warmUp?.failed ?? []),
  warmUpSkipped: results.map((r) => r.warmUp?.skipped ?? null),
  perRequest,
  /** Answers that came with errors; their times count as measured. */
  errors,
  roundsDetail: results,
};
const dir = join(PROJECT_ROOT, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const stamp = started.toISOString().slice(0, 19).replace(/[T:]/g, '-');
const file = join(dir, `explorer-cold-${args.label ? `${args.label}-` : ''}${stamp}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);

console.log(`| request | first answer (ms) | warm answer (ms) | first / warm | ≤ ${TARGET_RATIO}x | warm service, ids not asked before (ms) |`);
console.log('|---|---:|---:|---:|:-:|---:|');
for (const r of perRequest) console.log(`| ${r.request} | ${r.firstMs} | ${r.warmMs} | ${r.ratio} | ${r.met ? 'yes' : 'no'} | ${r.freshIdsMs ?? ''} |`);
for (const error of errors) console.log(`error: ${error}`);
console.log(
  `\n/ready after ${(result.readyMs.median / 1000).toFixed(1)} s (median of ${rounds}); warm-up ${result.warmUpMs.join(', ')} ms; target met: ${result.target.met}`,
);
console.error(`wrote ${file}`);
