import { TARGETS } from './config.js';
import type { ContenderName } from './contenders.js';
import type { BenchResult } from './results.js';
import { p50Ratio, pairedRatio } from './results.js';
import { round2 } from './numbers.js';

/**
 * One target of issue 19 checked against one run, as the result file records
 * it: newsgraph's figure over the other's (latency, time: at most `limit`;
 * throughput, rate: at least `limit`).
 */
export interface Target {
  workload: string;
  against: ContenderName | 'neo4j-graphql-cypher' | 'raw UNWIND batches';
  metric: 'p50 latency' | 'paired median latency' | 'throughput at 64 clients' | 'ingest time' | 'ingest rate';
  ratio: number | null;
  limit: number;
  /** Whether newsgraph's ratio must stay at most the limit (latency, time) or reach at least it (throughput, rate). */
  bound: 'at most' | 'at least';
  /** null when a figure is missing (a contender not timed): never counted as met. */
  met: boolean | null;
}

const within = (ratio: number | null, limit: number, bound: Target['bound']) => (ratio === null ? null : bound === 'at most' ? ratio <= limit : ratio >= limit);

/** `exact` is the ratio unrounded: the verdict is taken on it, the file shows it to hundredths. */
function target(
  workload: string,
  against: Target['against'],
  metric: Target['metric'],
  exact: number | null,
  limit: number,
  bound: Target['bound'] = 'at most',
): Target {
  return { workload, against, metric, ratio: exact === null ? null : round2(exact), limit, bound, met: within(exact, limit, bound) };
}

export function checkTargets(result: BenchResult): Target[] {
  const targets: Target[] = [];
  const clients = TARGETS.throughputClients;
  for (const w of result.workloads.filter((workload) => !workload.baseline)) {
    const rawLimit = TARGETS.maxRatioToRawHttp[w.id];
    const limits: Array<[ContenderName, number | undefined]> = [
      ['neo4j-graphql', TARGETS.maxRatioToNeo4jGraphql],
      ['raw-http', rawLimit],
    ];
    for (const [against, limit] of limits) {
      if (limit === undefined) continue;
      targets.push(target(w.id, against, 'p50 latency', p50Ratio(w, 'newsgraph', against, true), limit));
      targets.push(target(w.id, against, 'paired median latency', pairedRatio(w, 'newsgraph', against, true), limit));
    }
    const ours = w.throughput.newsgraph?.[clients]?.opsPerSecond;
    const theirs = w.throughput['neo4j-graphql']?.[clients]?.opsPerSecond;
    if (!w.override?.knobs.concurrency || w.override.knobs.concurrency.includes(clients)) {
      targets.push(target(w.id, 'neo4j-graphql', 'throughput at 64 clients', ours !== undefined && theirs ? ours / theirs : null, 1, 'at least'));
    }
  }
  const prefix = result.ingest?.prefix.runs;
  if (prefix) {
    const ours = prefix.newsgraph?.seconds;
    const theirs = prefix['neo4j-graphql']?.seconds;
    targets.push(target('ingest', 'neo4j-graphql', 'ingest time', ours !== undefined && theirs ? ours / theirs : null, TARGETS.maxRatioToNeo4jGraphql));
  }
  // The library's best write loads the full stream too, beside newsgraph's bulk path: the stricter comparison.
  const full = result.ingest?.full.runs;
  if (full?.['neo4j-graphql-cypher']) {
    const ours = full.newsgraph?.seconds;
    targets.push(
      target(
        'ingest',
        'neo4j-graphql-cypher',
        'ingest time',
        ours !== undefined ? ours / full['neo4j-graphql-cypher'].seconds : null,
        TARGETS.maxRatioToNeo4jGraphql,
      ),
    );
  }
  if (result.apiIngest) {
    targets.push(target('ingestBundle', 'raw UNWIND batches', 'ingest rate', result.apiIngest.ratioToRaw, TARGETS.minApiIngestShareOfRaw, 'at least'));
  }
  return targets;
}

export function targetLine(t: Target): string {
  const state = t.met === null ? 'not measured' : t.met ? 'met' : 'MISSED';
  return `${t.workload} vs ${t.against}, ${t.metric}: ${t.ratio ?? '–'} (${t.bound} ${t.limit}) ${state}`;
}
