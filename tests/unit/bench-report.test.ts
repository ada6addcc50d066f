import { describe, expect, it } from 'vitest';
import { SCALES } from '../../bench/config.js';
import { percentiles } from '../../bench/measure.js';
import { overrideText } from '../../bench/report.js';
import { p50Ratio, pairedRatio } from '../../bench/results.js';
import type { WorkloadResult } from '../../bench/run-workloads.js';

/** A workload whose contenders took these milliseconds, round by round. */
const timedAs = (newsgraph: number[], other: number[]): WorkloadResult => ({
  id: 'q3',
  title: 'q3',
  answers: { newsgraph: null, 'neo4j-graphql': null, 'raw-http': null, raw: null },
  latency: { newsgraph: { ...percentiles(newsgraph), inRoundOrder: newsgraph }, 'neo4j-graphql': { ...percentiles(other), inRoundOrder: other } },
  throughput: {},
  peakRssMiB: {},
  costs: {},
  seconds: 0,
});

describe('the benchmark report', () => {
  it('says what a scale asked a workload instead of the run knobs, and why', () => {
    expect(overrideText({ knobs: { warmup: 0, timed: 20, concurrency: [1] }, why: 'each request takes seconds' })).toBe(
      '0 warm-up, 20 timed requests per contender, throughput at 1 client only: each request takes seconds',
    );
    expect(overrideText({ knobs: { concurrency: [1, 4] }, why: 'w' })).toBe('throughput at 1 and 4 clients only: w');
  });

  it('reduces only what L cannot afford: q3, and nothing at S or M', () => {
    expect(Object.keys(SCALES.L.overrides ?? {})).toEqual(['q3']);
    expect(SCALES.S.overrides).toBeUndefined();
    expect(SCALES.M.overrides).toBeUndefined();
  });

  it('pairs requests by round: faster on every request reads below 1, whatever the p50s say', () => {
    // Five requests of very different costs; newsgraph is 10% faster on each, but noise moved the middle one.
    const other = [5, 40, 100, 2000, 9000];
    const newsgraph = [4.5, 36, 300, 1800, 8100];
    const workload = timedAs(newsgraph, other);
    expect(p50Ratio(workload, 'newsgraph', 'neo4j-graphql')).toBe(3);
    expect(pairedRatio(workload, 'newsgraph', 'neo4j-graphql')).toBe(0.9);
    expect(pairedRatio(timedAs([1, 2, 3, 8], [2, 2, 2, 2]), 'newsgraph', 'neo4j-graphql')).toBe(1.25);
  });

  it('has no paired ratio for a result file without the samples, or for a contender not timed', () => {
    const workload = timedAs([1, 2], [1, 2]);
    delete workload.latency.newsgraph!.inRoundOrder;
    expect(pairedRatio(workload, 'newsgraph', 'neo4j-graphql')).toBeNull();
    expect(pairedRatio(timedAs([1, 2], [1, 2]), 'newsgraph', 'raw')).toBeNull();
  });
});
