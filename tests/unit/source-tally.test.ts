import { describe, expect, it } from 'vitest';
import { tallyDeltas } from '../../src/claims/source-tally.js';
import { LIMITS } from '../../src/model/limits.js';

describe('tallyDeltas', () => {
  it('moves an entity from the place of its old count to its new one', () => {
    expect(tallyDeltas([{ type: 'PERSON', before: 1, after: 3 }])).toEqual([{ type: 'PERSON', delta: [0, -1, 0, 1] }]);
  });

  it('counts no place for no source: a first source adds one, a last removed takes one away', () => {
    expect(tallyDeltas([{ type: 'EVENT', before: 0, after: 1 }])).toEqual([{ type: 'EVENT', delta: [0, 1] }]);
    expect(tallyDeltas([{ type: 'EVENT', before: 2, after: 0 }])).toEqual([{ type: 'EVENT', delta: [0, 0, -1] }]);
  });

  it('sums the moves of one transaction per type, drops those that cancel out, and orders the types', () => {
    const deltas = tallyDeltas([
      { type: 'PERSON', before: 0, after: 2 },
      { type: 'COUNTRY', before: 1, after: 2 },
      { type: 'PERSON', before: 2, after: 1 },
      { type: 'LOCATION', before: 1, after: 2 },
      { type: 'LOCATION', before: 2, after: 1 },
      { type: 'ORGANIZATION', before: 4, after: 4 },
    ]);
    expect(deltas).toEqual([
      { type: 'COUNTRY', delta: [0, -1, 1] },
      { type: 'PERSON', delta: [0, 1, 0] },
    ]);
  });

  it('puts counts past the largest minSources in the last place, which every filter keeps', () => {
    const last = LIMITS.minSources.max;
    const [tally] = tallyDeltas([
      { type: 'PERSON', before: last + 5, after: last + 9 },
      { type: 'PERSON', before: 1, after: last * 3 },
    ]);
    expect(tally!.delta).toHaveLength(last + 1);
    expect(tally!.delta[1]).toBe(-1);
    expect(tally!.delta[last]).toBe(1);
  });
});
