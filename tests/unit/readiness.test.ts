import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { Readiness } from '../../src/server/readiness.js';

const log = createLogger('silent');
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

function harness() {
  const state = { answers: true, warmUps: 0, pings: 0, failPings: new Set<number>() };
  let releaseWarmUp: (() => void) | undefined;
  const readiness = new Readiness({
    log,
    intervalMs: 5,
    ping: async () => {
      state.pings += 1;
      return state.answers && !state.failPings.has(state.pings);
    },
    warmUp: async () => {
      state.warmUps += 1;
      await new Promise<void>((resolve) => (releaseWarmUp = resolve));
      return { ms: 1, operations: 1, failed: [], slowest: [] };
    },
  });
  return { state, readiness, finishWarmUp: () => releaseWarmUp?.() };
}

describe('Readiness', () => {
  it('is not ready until the database answers and the warm-up has finished', async () => {
    const { readiness, finishWarmUp, state } = harness();
    expect(readiness.isReady()).toBe(false);
    await until(() => readiness.state === 'warming');
    expect(readiness.isReady()).toBe(false);
    finishWarmUp();
    await readiness.whenReady();
    expect(readiness.isReady()).toBe(true);
    expect(state.warmUps).toBe(1);
  });

  it('goes down when the database stops answering, and warms up again when it is back', async () => {
    const { readiness, finishWarmUp, state } = harness();
    readiness.start();
    await until(() => readiness.state === 'warming');
    finishWarmUp();
    await readiness.whenReady();
    state.answers = false;
    await until(() => readiness.state === 'down');
    expect(readiness.isReady()).toBe(false);
    state.answers = true;
    await until(() => readiness.state === 'warming');
    expect(state.warmUps).toBe(2);
    finishWarmUp();
    await until(() => readiness.isReady());
  });

  it('stays ready through one missed ping, and is not ready when the database went away during the warm-up', async () => {
    const { readiness, finishWarmUp, state } = harness();
    readiness.start();
    await until(() => readiness.state === 'warming');
    // The ping right after the warm-up fails: not ready, and the next good ping warms up again.
    state.failPings.add(state.pings + 1);
    finishWarmUp();
    await until(() => state.warmUps === 2);
    expect(readiness.isReady()).toBe(false);
    finishWarmUp();
    await readiness.whenReady();
    state.failPings.add(state.pings + 1);
    const pingsBefore = state.pings;
    await until(() => state.pings > pingsBefore + 3);
    expect(readiness.state).toBe('ready');
  });

  it('never answers ready again once draining', async () => {
    const { readiness, finishWarmUp } = harness();
    readiness.start();
    await until(() => readiness.state === 'warming');
    readiness.drain();
    finishWarmUp();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(readiness.isReady()).toBe(false);
    expect(readiness.state).toBe('draining');
  });
});
