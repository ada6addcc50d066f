import autocannon from 'autocannon';
import type { Contender, ContenderName } from './contenders.js';
import type { Params, Workload } from './workloads.js';

/** Latency percentiles in milliseconds. */
export interface Latency {
  p50: number;
  p95: number;
  mean: number;
  samples: number;
}

export function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const round = (value: number) => Math.round(value * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), mean: round(sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1)), samples: sorted.length };
}

/**
 * Warm-up, then timed requests, interleaved: each round asks every contender
 * once (starting with a different one each round), so a burst of noise from
 * the shared machine lands on all of them alike and the ratios hold.
 */
export async function measureLatency(contenders: Contender[], workload: Workload, params: Params[], warmup: number, timed: number): Promise<Record<string, Latency>> {
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < warmup + timed; round++) {
    const p = params[round % params.length]!;
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length]!;
      const started = performance.now();
      await contender.ask(workload, p);
      if (round >= warmup) samples[contender.name]!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, percentiles(values)]));
}

export interface Throughput {
  /** Completed operations per second. */
  opsPerSecond: number;
  errors: number;
}

/** HTTP throughput with autocannon: `connections` clients, each replaying the workload's requests in turn. */
export async function httpThroughput(contender: Contender, workload: Workload, params: Params[], connections: number, seconds: number): Promise<Throughput> {
  const requests = params.map((p) => contender.httpRequest!(workload, p));
  const result = await autocannon({
    url: requests[0]!.url,
    connections,
    duration: seconds,
    requests: requests.map((r) => ({ method: 'POST' as const, body: r.body, headers: r.headers })),
  });
  return { opsPerSecond: Math.round((result.requests.total / seconds) * 10) / 10, errors: result.errors + result.non2xx + result.timeouts };
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

export async function measureThroughput(contenders: Contender[], workload: Workload, params: Params[], concurrency: number[], seconds: number): Promise<Record<string, Record<number, Throughput>>> {
  const results: Record<string, Record<number, Throughput>> = Object.fromEntries(contenders.map((c) => [c.name, {}]));
  for (const [index, connections] of concurrency.entries()) {
    // Alternate the order, so no contender always runs right after the heaviest one.
    const ordered = index % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of ordered) {
      const measure = contender.httpRequest ? httpThroughput : loopThroughput;
      results[contender.name as ContenderName]![connections] = await measure(contender, workload, params, connections, seconds);
    }
  }
  return results;
}
