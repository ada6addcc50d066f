import autocannon from 'autocannon';
import type { Contender, ContenderName } from './contenders.js';
import type { Params, Workload } from './workloads.js';

/** Latency percentiles in milliseconds. */
export interface Latency {
  p50: number;
  p95: number;
  mean: number;
  samples: number;
  /** Every timed request's milliseconds, in round order: index i is the same round, so the same parameter, for every contender. */
  inRoundOrder?: number[];
}

const toHundredths = (value: number) => Math.round(value * 100) / 100;

export function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { p50: toHundredths(at(0.5)), p95: toHundredths(at(0.95)), mean: toHundredths(sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1)), samples: sorted.length };
}

/** A named way to ask for one parameter value: all the timing loop needs. */
export type Asker<P> = readonly [name: string, ask: (param: P) => Promise<unknown>];

/**
 * Warm-up, then timed requests, interleaved: each round asks every asker
 * once (starting with a different one each round), so a burst of noise from
 * the shared machine lands on all of them alike and the ratios hold.
 */
export async function interleavedLatency<P>(askers: readonly Asker<P>[], params: readonly P[], warmup: number, timed: number): Promise<Record<string, Latency>> {
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
  return Object.fromEntries(askers.map(([name], i) => [name, { ...percentiles(samples[i]!), inRoundOrder: samples[i]!.map(toHundredths) }]));
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
  errors: number;
}

/**
 * HTTP throughput with autocannon: `connections` clients, each replaying the
 * workload's requests from its own starting point (so 16 clients never all
 * ask the same heavy question at once). A fixed amount of requests is sent
 * and the wall time measured, so requests still in flight when a duration
 * ends are not silently dropped from slow workloads' figures.
 */
export async function httpThroughput(contender: Contender, workload: Workload, params: Params[], connections: number, amount: number): Promise<Throughput> {
  const requests = params.map((p) => contender.httpRequest!(workload, p)).map((r) => ({ method: 'POST' as const, body: r.body, headers: r.headers, url: r.url }));
  let client = 0;
  let completed = 0;
  let last = 0;
  const started = performance.now();
  const options: autocannon.Options = {
    url: requests[0]!.url,
    connections,
    amount,
    // autocannon reports only at its sampling ticks; the wall time is taken from the last response instead.
    sampleInt: 100,
    requests: requests.map(({ method, body, headers }) => ({ method, body, headers })),
    setupClient: (c) => {
      const offset = (client++ * 7) % requests.length;
      c.setRequests([...requests.slice(offset), ...requests.slice(0, offset)].map(({ method, body, headers }) => ({ method, body, headers: { ...headers } })));
    },
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error as Error) : resolve(finished)));
    instance.on('response', () => {
      completed += 1;
      last = performance.now();
    });
  });
  const seconds = Math.max(0.001, (last - started) / 1000);
  return { opsPerSecond: Math.round((completed / seconds) * 10) / 10, errors: result.errors + result.non2xx + result.timeouts };
}

/** The same for any contender, with our own loop: `connections` async clients for `seconds`. */
export async function loopThroughput(contender: Contender, workload: Workload, params: Params[], connections: number, seconds: number): Promise<Throughput> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  const client = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      try {
        await contender.ask(workload, params[i % params.length]!);
        done++;
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, i) => client(i * 7)));
  return { opsPerSecond: Math.round((done / ((performance.now() - started) / 1000)) * 10) / 10, errors };
}

/**
 * Throughput at each concurrency, for every contender in turn. The number of
 * operations of a run is sized from the contender's latency, for about
 * `seconds` of work at one client (at least 4 per client).
 */
export async function measureThroughput(contenders: Contender[], workload: Workload, params: Params[], concurrency: number[], seconds: number, latency: Record<string, Latency>): Promise<Record<string, Record<number, Throughput>>> {
  const results: Record<string, Record<number, Throughput>> = Object.fromEntries(contenders.map((c) => [c.name, {}]));
  for (const [index, connections] of concurrency.entries()) {
    // Alternate the order, so no contender always runs right after the heaviest one.
    const ordered = index % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of ordered) {
      if (contender.httpRequest) {
        const perSecond = 1000 / Math.max(0.2, latency[contender.name]?.mean ?? 10);
        const amount = Math.max(4 * connections, Math.round(perSecond * seconds * Math.min(connections, 2)));
        results[contender.name as ContenderName]![connections] = await httpThroughput(contender, workload, params, connections, amount);
      } else {
        results[contender.name as ContenderName]![connections] = await loopThroughput(contender, workload, params, connections, seconds);
      }
    }
  }
  return results;
}
