import { GraphQLError } from 'graphql';
import type { Executor, RunOptions } from './db/executor.js';

/** A field that needed the database after the request's time budget was spent. */
export class RequestTimeoutError extends GraphQLError {
  constructor(budgetMs: number) {
    super(
      `The request used up its time budget of ${budgetMs} ms, so this field was not read. ` +
        'Ask for less in one request (smaller limit, depth or first, fewer aliases), or split it.',
      { extensions: { code: 'REQUEST_TIMEOUT', budgetMs } },
    );
    this.name = 'RequestTimeoutError';
  }
}

/**
 * The time budget of one request. It starts when execution starts (a request
 * that never starts it has no deadline); from then on every statement gets at
 * most the time that is left as its transaction timeout, and once none is
 * left no statement is started.
 */
export class RequestDeadline {
  private endsAt = Number.POSITIVE_INFINITY;
  private budgetMs = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  start(budgetMs: number): void {
    this.budgetMs = budgetMs;
    this.endsAt = this.now() + budgetMs;
  }

  get started(): boolean {
    return Number.isFinite(this.endsAt);
  }

  remainingMs(): number {
    return this.endsAt - this.now();
  }

  get expired(): boolean {
    return this.remainingMs() <= 0;
  }

  /**
   * The transaction timeout for a statement about to start that would
   * otherwise get `requestedMs`: never more than what is left of the budget.
   * Throws a RequestTimeoutError when nothing is left.
   */
  statementTimeoutMs(requestedMs: number): number {
    const remaining = this.remainingMs();
    if (remaining <= 0) throw new RequestTimeoutError(this.budgetMs);
    // Whole milliseconds, at least 1: a transaction timeout of 0 would mean no timeout at all.
    return Math.min(requestedMs, Math.max(1, Math.floor(remaining)));
  }

  timeoutError(): RequestTimeoutError {
    return new RequestTimeoutError(this.budgetMs);
  }
}

/**
 * The same executor, with every statement held to the deadline. Delegation
 * (a new object whose prototype is the executor) keeps the Executor type and
 * its shared state without reaching into src/db: `read` and `write` go
 * through `transaction`, which is the one method replaced.
 * `defaultTimeoutMs` is the executor's own default (NEO4J_QUERY_TIMEOUT_MS),
 * so that a statement's timeout is only ever shortened, never lengthened.
 */
export function withDeadline(executor: Executor, deadline: RequestDeadline, defaultTimeoutMs: number): Executor {
  const bounded = Object.create(executor) as Executor;
  bounded.transaction = async (mode, work, options: RunOptions = {}) => {
    if (!deadline.started) return executor.transaction(mode, work, options);
    const requested = options.timeoutMs ?? defaultTimeoutMs;
    const timeoutMs = deadline.statementTimeoutMs(requested);
    const shortened = timeoutMs < requested;
    try {
      return await executor.transaction(mode, work, shortened ? { ...options, timeoutMs } : options);
    } catch (error) {
      // Stopped because the budget ran out (Neo4j reports its own timeout): say so.
      if (shortened && deadline.expired) throw deadline.timeoutError();
      throw error;
    }
  };
  return bounded;
}
