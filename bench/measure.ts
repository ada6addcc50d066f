import autocannon from 'autocannon';
import type { Contender, ContenderName } from './contenders.js';
import type { Params, Workload } from './workloads.js';
import { round2 } from './numbers.js';

/** Latency percentiles in milliseconds. */
export interface Latency {
  p50: number;
  p95: number;
  mean: number;
  samples: number;
  /** Every timed request's milliseconds, in round order: index i is the same round, so the same parameter, for every contender. */
  inRoundOrder?: number[];
}

export function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return {
    p50: round2(at(0.5)),
    p95: round2(at(0.95)),
    mean: round2(sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1)),
    samples: sorted.length,
  };
}

/** A named way to ask for one parameter value: all the timing loop needs. */
export type Asker<P> = readonly [name: string, ask: (param: P) => Promise<unknown>];

/**
 * Warm-up, then timed requests, interleaved: each round asks every asker
 * once (starting with a different one each round), so a burst of noise from
 * the shared machine lands on all of them alike and the ratios hold.
 */
export async function interleavedLatency<P>(
  askers: readonly Asker<P>[],
  params: readonly P[],
  warmup: number,
  timed: number,
): Promise<Record<string, Latency>> {
  const samples = askers.map(() => [] as number[]);
  for (let turn = 0; turn < warmup + timed; turn++) {
    const param = params[turn % params.length]!;
    for (let k = 0; k < askers.length; k++) {
      const index = (turn + k) % askers.length;
      const started = performance.now();
      await askers[index]![1](param);
      if (turn >= warmup) samples[index]!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(askers.map(([name], i) => [name, { ...percentiles(samples[i]!), inRoundOrder: samples[i]!.map(round2) }]));
}

/** Each contender's latency on one workload, by `interleavedLatency`. */
export function measureLatency(contenders: Contender[], workload: Workload, params: Params[], warmup: number, timed: number): Promise<Record<string, Latency>> {
  return interleavedLatency(
    contenders.map((contender): Asker<Params> => [contender.name, (p) => contender.ask(workload, p)]),
    params,
    warmup,
    timed,
  );
}

export interface Throughput {
  /** Completed operations per second. */
  opsPerSecond: number;
  /** Latency under this load, in milliseconds (autocannon's histogram). */
  p50: number;
  p99: number;
  errors: number;
}

/**
 * HTTP throughput with autocannon: `connections` clients for `seconds`, each
 * replaying the workload's requests from its own starting point (so 64
 * clients never all ask the same heavy question at once). Requests still in
 * flight when the time ends are not counted; at 10 s that is under 1% of the
 * completed ones for every workload here.
 */
export async function httpThroughput(contender: Contender, workload: Workload, params: Params[], connections: number, seconds: number): Promise<Throughput> {
  const requests = params.map((p) => contender.httpRequest!(workload, p)).map(({ body, headers }) => ({ method: 'POST' as const, body, headers }));
  let client = 0;
  const options: autocannon.Options = {
    url: contender.httpRequest!(workload, params[0]!).url,
    connections,
    duration: seconds,
    requests,
    setupClient: (c) => {
      const offset = (client++ * 7) % requests.length;
      c.setRequests([...requests.slice(offset), ...requests.slice(0, offset)].map(({ method, body, headers }) => ({ method, body, headers: { ...headers } })));
    },
  };
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(options, (error, finished) => (error ? reject(error as Error) : resolve(finished)));
  });
  const elapsed = (performance.now() - started) / 1000;
  const completed = result.requests.total - result.non2xx;
  return {
    opsPerSecond: Math.round((completed / Math.max(elapsed, seconds)) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/**
 * Throughput and latency at each concurrency, for every contender reached
 * over HTTP, interleaved: at each concurrency the contenders take turns, in
 * an order that alternates, so no contender always runs right after the
 * heaviest one. The in-process raw contender has no transport to load.
 */
export async function measureThroughput(
  contenders: Contender[],
  workload: Workload,
  params: Params[],
  concurrency: number[],
  seconds: number,
): Promise<Record<string, Record<number, Throughput>>> {
  const overHttp = contenders.filter((c) => c.httpRequest);
  const results: Record<string, Record<number, Throughput>> = Object.fromEntries(overHttp.map((c) => [c.name, {}]));
  for (const [index, connections] of concurrency.entries()) {
    const ordered = index % 2 === 0 ? overHttp : [...overHttp].reverse();
    for (const contender of ordered)
      results[contender.name as ContenderName]![connections] = await httpThroughput(contender, workload, params, connections, seconds);
  }
  return results;
}
