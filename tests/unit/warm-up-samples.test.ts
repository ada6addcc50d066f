import { describe, expect, it } from 'vitest';
import { sizeBucket, samplesFrom } from '../../src/server/warm-up-explorer.js';

const entity = (id: string) => ({
  id,
  name: id,
  relations: { edges: [{ node: { id: `${id}-r`, from: { id }, to: { id: 'x' } } }] },
  reportedBy: [],
});
const data = (ids: string[]) => ({ entities: { edges: ids.map((id) => ({ node: entity(id) })) } });

describe('the warm-up samples', () => {
  it('buckets a length as Neo4j keys a string parameter: 0 and 1 exact, then powers of ten', () => {
    expect([0, 1, 2, 7, 10, 11, 100, 101].map(sizeBucket)).toEqual([0, 1, 10, 10, 10, 100, 100, 1000]);
  });

  it('takes short and long ids in turn, and paths between every pair of their buckets', () => {
    const samples = samplesFrom(data(['afghanistan', 'central-asia', 'china', 'chinese-defense-ministry', 'joe-biden', 'liu-xiaowu']));
    expect(samples.map((sample) => sample.entity)).toEqual(['afghanistan', 'china', 'central-asia', 'joe-biden']);
    const pairs = samples.map((sample) => `${sizeBucket(sample.from.length)}-${sizeBucket(sample.to.length)}`);
    expect(new Set(pairs)).toEqual(new Set(['10-10', '10-100', '100-10', '100-100']));
    expect(samples.every((sample) => sample.from !== sample.to)).toBe(true);
  });

  it('still finds a path target among ids of one bucket, and something to send on an empty graph', () => {
    const samples = samplesFrom(data(['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'cccccccccccc']));
    expect(samples.every((sample) => sample.from !== sample.to)).toBe(true);
    expect(samplesFrom(null)).toHaveLength(1);
  });
});
