import { describe, expect, it } from 'vitest';
import { percentiles } from '../../bench/measure.js';
import type { IngestRun } from '../../bench/ingest/run.js';
import type { BenchResult } from '../../bench/results.js';
import type { WorkloadResult } from '../../bench/run-workloads.js';
import { checkTargets } from '../../bench/targets.js';

const timed = (ms: number[]) => ({ ...percentiles(ms), inRoundOrder: ms });
const throughputAt64 = (ops: number) => ({ 64: { opsPerSecond: ops, p50: 1, p99: 2, errors: 0 } });

function workload(id: WorkloadResult['id'], newsgraph: number[], library: number[], rawHttp: number[], ops: [number, number]): WorkloadResult {
  return {
    id,
    title: id,
    answers: { newsgraph: null, 'neo4j-graphql': null, 'raw-http': null, raw: null },
    latency: { newsgraph: timed(newsgraph), 'neo4j-graphql': timed(library), 'raw-http': timed(rawHttp) },
    throughput: { newsgraph: throughputAt64(ops[0]), 'neo4j-graphql': throughputAt64(ops[1]) },
    peakRssMiB: {},
    costs: {},
    seconds: 0,
  };
}

const run = (workloads: WorkloadResult[], extra: Partial<BenchResult> = {}) => ({ workloads, ingest: null, ...extra }) as unknown as BenchResult;
const find = (targets: ReturnType<typeof checkTargets>, workload: string, against: string, metric: string) =>
  targets.find((t) => t.workload === workload && t.against === against && t.metric === metric);

describe("the benchmark's targets", () => {
  it('checks newsgraph against the library at 1.0x and the raw-http floor at 1.25x (1.1x on q3), on the p50 and paired', () => {
    const targets = checkTargets(
      run([workload('q1', [5, 5, 5], [6, 6, 6], [4.2, 4.2, 4.2], [100, 90]), workload('q3', [5, 5, 5], [5, 5, 5], [4.4, 4.4, 4.4], [100, 100])]),
    );
    expect(find(targets, 'q1', 'neo4j-graphql', 'p50 latency')).toMatchObject({ ratio: 0.83, limit: 1, met: true });
    expect(find(targets, 'q1', 'raw-http', 'paired median latency')).toMatchObject({ ratio: 1.19, limit: 1.25, met: true });
    expect(find(targets, 'q3', 'raw-http', 'p50 latency')).toMatchObject({ ratio: 1.14, limit: 1.1, met: false });
    expect(find(targets, 'q1', 'neo4j-graphql', 'throughput at 64 clients')).toMatchObject({ ratio: 1.11, bound: 'at least', met: true });
  });

  it('counts a missing figure as not met, and leaves the baseline out', () => {
    const q2 = workload('q2', [5], [6], [4], [50, 60]);
    delete q2.latency['raw-http'];
    const baseline = { ...workload('q0', [1], [1], [1], [1, 1]), baseline: true };
    const targets = checkTargets(run([baseline, q2]));
    expect(targets.some((t) => t.workload === 'q0')).toBe(false);
    expect(find(targets, 'q2', 'raw-http', 'p50 latency')).toMatchObject({ ratio: null, met: null });
    expect(find(targets, 'q2', 'neo4j-graphql', 'throughput at 64 clients')).toMatchObject({ ratio: 0.83, met: false });
  });

  it('wants ingestBundle at least 0.8x raw UNWIND batches', () => {
    const apiIngest = { ratioToRaw: 0.62 } as BenchResult['apiIngest'];
    expect(checkTargets(run([], { apiIngest })).find((t) => t.workload === 'ingestBundle')).toMatchObject({
      ratio: 0.62,
      limit: 0.8,
      bound: 'at least',
      met: false,
    });
  });

  it("times newsgraph's ingest against both of the library's writes: nested creates on the prefix, @cypher UNWIND on the full stream", () => {
    const loaded = (seconds: number) => ({ seconds }) as IngestRun;
    const ingest = {
      prefix: { runs: { newsgraph: loaded(3), 'neo4j-graphql': loaded(30) } },
      full: { runs: { newsgraph: loaded(50), 'neo4j-graphql-cypher': loaded(20) } },
    } as unknown as BenchResult['ingest'];
    const targets = checkTargets(run([], { ingest }));
    expect(targets.find((t) => t.against === 'neo4j-graphql' && t.workload === 'ingest')).toMatchObject({ ratio: 0.1, met: true });
    expect(targets.find((t) => t.against === 'neo4j-graphql-cypher')).toMatchObject({
      workload: 'ingest',
      metric: 'ingest time',
      ratio: 2.5,
      limit: 1,
      met: false,
    });
  });

  it('judges the unrounded ratio: 1.254 shows as 1.25 and still misses 1.25', () => {
    const targets = checkTargets(run([workload('q1', [12.54], [20], [10], [100, 90])]));
    expect(find(targets, 'q1', 'raw-http', 'p50 latency')).toMatchObject({ ratio: 1.25, limit: 1.25, met: false });
  });
});
