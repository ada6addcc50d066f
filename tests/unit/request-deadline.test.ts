import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { Executor } from '../../src/db/executor.js';
import { DatabaseError } from '../../src/db/errors.js';
import { createLogger } from '../../src/logger.js';
import { RequestDeadline, RequestTimeoutError, withDeadline } from '../../src/request-deadline.js';

function clock() {
  const time = { now: 0 };
  return { time, now: () => time.now };
}

/** A driver whose sessions record each transaction's timeout and run the work on an empty result (or fail). */
function fakeDriver(behaviour: { fail?: unknown; onRun?: () => void } = {}) {
  const timeouts: number[] = [];
  const run = async (work: (tx: unknown) => Promise<unknown>, config: { timeout: number }) => {
    timeouts.push(config.timeout);
    behaviour.onRun?.();
    if (behaviour.fail) throw behaviour.fail;
    return work({ run: async () => ({ records: [] }) });
  };
  const driver = { session: () => ({ executeRead: run, executeWrite: run, close: async () => {} }) } as unknown as Driver;
  return { driver, timeouts };
}

const STATEMENT_TIMEOUT_MS = 5000;

function setUp(behaviour: Parameters<typeof fakeDriver>[0] = {}) {
  const { time, now } = clock();
  const { driver, timeouts } = fakeDriver(behaviour);
  const deadline = new RequestDeadline(now);
  const executor = withDeadline(new Executor(driver, 'neo4j', createLogger('silent'), STATEMENT_TIMEOUT_MS), deadline, STATEMENT_TIMEOUT_MS);
  return { time, deadline, executor, timeouts };
}

describe('RequestDeadline', () => {
  it('has no deadline until started', () => {
    const { now } = clock();
    const deadline = new RequestDeadline(now);
    expect(deadline.started).toBe(false);
    expect(deadline.expired).toBe(false);
  });

  it('gives a statement the smaller of its own timeout and what is left, in whole milliseconds and at least 1', () => {
    const { time, now } = clock();
    const deadline = new RequestDeadline(now);
    deadline.start(10_000);
    expect(deadline.statementTimeoutMs(5000)).toBe(5000);
    time.now = 7_000.6;
    expect(deadline.statementTimeoutMs(5000)).toBe(2999);
    time.now = 9_999.9;
    expect(deadline.statementTimeoutMs(5000)).toBe(1);
    time.now = 10_000;
    expect(() => deadline.statementTimeoutMs(5000)).toThrow(RequestTimeoutError);
  });
});

describe('withDeadline', () => {
  it('leaves statements alone before the deadline starts', async () => {
    const { executor, timeouts } = setUp();
    await executor.read('RETURN 1');
    expect(timeouts).toEqual([STATEMENT_TIMEOUT_MS]);
  });

  it('never lengthens a timeout, and shortens it to what is left of the budget', async () => {
    const { time, deadline, executor, timeouts } = setUp();
    deadline.start(8000);
    await executor.read('RETURN 1');
    await executor.read('RETURN 1', {}, { timeoutMs: 120_000 });
    time.now = 6000;
    await executor.write('RETURN 1');
    expect(timeouts).toEqual([5000, 8000, 2000]);
  });

  it('starts no statement once the budget is spent, with a REQUEST_TIMEOUT error', async () => {
    const { time, deadline, executor, timeouts } = setUp();
    deadline.start(100);
    time.now = 100;
    const error = await executor.read('RETURN 1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as RequestTimeoutError).extensions.code).toBe('REQUEST_TIMEOUT');
    expect((error as RequestTimeoutError).message).toMatch(/time budget of 100 ms/);
    expect(timeouts).toEqual([]);
  });

  it('reports a statement that the shortened timeout stopped as REQUEST_TIMEOUT', async () => {
    const timedOut = Object.assign(new Error('timed out'), { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' });
    // The statement runs until the budget is gone, and Neo4j stops it.
    const { time, deadline, executor } = setUp({ fail: timedOut, onRun: () => (time.now = 1000) });
    deadline.start(1000);
    await expect(executor.read('RETURN 1')).rejects.toBeInstanceOf(RequestTimeoutError);
  });

  it('passes other errors through while budget is left', async () => {
    const { deadline, executor } = setUp({
      fail: Object.assign(new Error('timed out'), { code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' }),
    });
    deadline.start(60_000);
    await expect(executor.read('RETURN 1')).rejects.toSatisfy((error) => error instanceof DatabaseError && error.kind === 'timeout');
  });
});
