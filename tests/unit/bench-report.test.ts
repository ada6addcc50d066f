import { describe, expect, it } from 'vitest';
import { SCALES } from '../../bench/config.js';
import { overrideText } from '../../bench/report.js';

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
});
