import { describe, expect, it } from 'vitest';
import type { Contender } from '../../bench/contenders.js';
import { FAILED, checkAnswers } from '../../bench/run-workloads.js';
import { WORKLOADS } from '../../bench/workloads.js';

const workload = WORKLOADS.find((w) => w.id === 'q3')!;
const params = [
  { from: 'a', to: 'b' },
  { from: 'c', to: 'd' },
];
const answering = (name: Contender['name'], answer: (p: Record<string, unknown>) => unknown): Contender => ({ name, ask: async (_w, p) => answer(p) as never });

describe('the benchmark answer check', () => {
  it('passes contenders that answer as the reference, and names the first parameter another answers differently', async () => {
    const found = await checkAnswers(
      [
        answering('newsgraph', (p) => ({ path: p.from })),
        answering('neo4j-graphql', (p) => ({ path: p.from })),
        answering('raw', (p) => ({ path: p.from === 'c' ? 'x' : p.from })),
      ],
      workload,
      params,
    );
    expect(found.newsgraph).toBeNull();
    expect(found['neo4j-graphql']).toBeNull();
    expect(found.raw).toContain('"from":"c"');
  });

  it('reports a failure of the reference on the reference instead of throwing', async () => {
    const failing: Contender = {
      name: 'newsgraph',
      ask: async (_w, p) => (p.from === 'c' ? Promise.reject(new Error('QUERY_TIMEOUT')) : ({ path: p.from } as never)),
    };
    const found = await checkAnswers([failing, answering('raw', (p) => ({ path: p.from }))], workload, params);
    expect(found.newsgraph).toMatch(/"from":"c".*failed: QUERY_TIMEOUT/);
    expect(found.raw).toBeNull();
  });

  it('records an error of another contender as a failure on that parameter, apart from a different answer', async () => {
    const failing: Contender = {
      name: 'neo4j-graphql',
      ask: async (_w, p) => (p.from === 'c' ? Promise.reject(new Error('memory limit reached')) : ({ path: p.from } as never)),
    };
    const found = await checkAnswers(
      [answering('newsgraph', (p) => ({ path: p.from })), failing, answering('raw', (p) => ({ path: p.from }))],
      workload,
      params,
    );
    expect(found['neo4j-graphql']).toBe(`{"from":"c","to":"d"}${FAILED}memory limit reached`);
    expect(found.newsgraph).toBeNull();
    expect(found.raw).toBeNull();
  });
});
