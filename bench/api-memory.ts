import type { Contender } from './contenders.js';
import { rssMiB } from './machine.js';
import { httpThroughput } from './measure.js';
import type { Params, Workload } from './workloads.js';

/** The API's memory across one long run at many clients: does it settle, or grow? */
export interface ApiMemory {
  workload: string;
  clients: number;
  seconds: number;
  opsPerSecond: number;
  errors: number;
  /** RSS sampled once a second, MiB. */
  samplesMiB: number[];
  /** Mean RSS of the first and of the last quarter of the samples, and last over first. */
  firstQuarterMiB: number;
  lastQuarterMiB: number;
  growth: number;
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

/**
 * Loads the API with `clients` clients for `seconds` on one workload while
 * sampling its RSS. The first quarter already includes the ramp to full
 * load, so a steady server reads about 1.0 and a leak reads above it.
 */
export async function measureApiMemory(
  contender: Contender,
  pid: number,
  workload: Workload,
  params: Params[],
  clients: number,
  seconds: number,
): Promise<ApiMemory> {
  const samplesMiB: number[] = [];
  const sampler = setInterval(() => {
    const rss = rssMiB(pid);
    if (rss !== null) samplesMiB.push(rss);
  }, 1000);
  try {
    const load = await httpThroughput(contender, workload, params, clients, seconds);
    const quarter = Math.max(1, Math.floor(samplesMiB.length / 4));
    const firstQuarterMiB = Math.round(mean(samplesMiB.slice(0, quarter)));
    const lastQuarterMiB = Math.round(mean(samplesMiB.slice(-quarter)));
    return {
      workload: workload.id,
      clients,
      seconds,
      opsPerSecond: load.opsPerSecond,
      errors: load.errors,
      samplesMiB,
      firstQuarterMiB,
      lastQuarterMiB,
      growth: Math.round((lastQuarterMiB / Math.max(1, firstQuarterMiB)) * 100) / 100,
    };
  } finally {
    clearInterval(sampler);
  }
}
