import { graphqlContender, httpPost } from './contenders.js';
import type { BenchDatabase } from './db.js';
import type { WorkloadParams } from './params.js';
import type { WorkloadResult } from './run-workloads.js';
import { startNewsgraph } from './servers.js';
import type { Workload } from './workloads.js';
import { round2 } from './numbers.js';

/** A newsgraph instance started on the loaded graph, as a user restarting the service meets it. */
export interface ColdStart {
  /** From spawning `newsgraph serve` to /ready answering 200 (polled every 250 ms). */
  readySeconds: number;
  /** Per workload: its first answer after /ready (first parameter), the warm p50 of the same run, and first over warm. */
  firstAnswers: Array<{ workload: string; firstMs: number; warmP50Ms: number | null; ratio: number | null }>;
}

/**
 * Run after the workloads, so their warm p50s are known. Neo4j stays up and
 * warm (its page cache holds the graph): this is the API's own cold start,
 * the one every deploy or restart pays, not a database's first read from disk.
 */
export async function measureColdStart(db: BenchDatabase, workloads: Workload[], params: WorkloadParams, measured: WorkloadResult[]): Promise<ColdStart> {
  const launched = performance.now();
  const server = await startNewsgraph(db);
  const readySeconds = round2((performance.now() - launched) / 1000);
  try {
    const newsgraph = graphqlContender('newsgraph', httpPost(server.url), server.url);
    const firstAnswers: ColdStart['firstAnswers'] = [];
    for (const workload of workloads) {
      const started = performance.now();
      await newsgraph.ask(workload, params[workload.id][0]!);
      const firstMs = round2(performance.now() - started);
      const warmP50Ms = measured.find((w) => w.id === workload.id)?.latency.newsgraph?.p50 ?? null;
      firstAnswers.push({ workload: workload.id, firstMs, warmP50Ms, ratio: warmP50Ms ? round2(firstMs / warmP50Ms) : null });
    }
    return { readySeconds, firstAnswers };
  } finally {
    await server.stop();
  }
}
