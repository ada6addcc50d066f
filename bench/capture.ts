import type { Driver, QueryResult, ResultSummary } from 'neo4j-driver';

/**
 * A driver that records every statement its transactions run, so the
 * benchmark sees exactly the Cypher each contender sends (round trips, and
 * the text and parameters to PROFILE) without touching their code. Both
 * newsgraph's Executor and @neo4j/graphql open sessions and run transaction
 * functions on the driver they are given; this wraps those two calls.
 */

export interface CapturedStatement {
  cypher: string;
  params: Record<string, unknown>;
}

export interface CapturingDriver {
  driver: Driver;
  statements: CapturedStatement[];
  /** When set, statements are rewritten before they run (e.g. prefixed with PROFILE). */
  rewrite?: (cypher: string) => string;
  /** Called with each statement's summary, after it ran. */
  onSummary?: (statement: CapturedStatement, summary: ResultSummary) => void;
}

type TxLike = { run: (cypher: string, params?: Record<string, unknown>) => Promise<QueryResult> };
type Work = (tx: TxLike) => Promise<unknown>;

export function capturingDriver(inner: Driver): CapturingDriver {
  const capture: CapturingDriver = { driver: undefined as unknown as Driver, statements: [] };
  const wrapTx = (tx: TxLike): TxLike =>
    new Proxy(tx, {
      get(target, property, receiver) {
        if (property !== 'run') return Reflect.get(target, property, receiver) as unknown;
        return async (cypher: string, params: Record<string, unknown> = {}) => {
          const statement = { cypher, params };
          capture.statements.push(statement);
          const result = await target.run(capture.rewrite ? capture.rewrite(cypher) : cypher, params);
          capture.onSummary?.(statement, result.summary);
          return result;
        };
      },
    });
  const wrapSession = (session: object) =>
    new Proxy(session, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if ((property === 'executeRead' || property === 'executeWrite') && typeof value === 'function') {
          return (work: Work, config?: unknown) => (value as (w: Work, c?: unknown) => Promise<unknown>).call(target, (tx: TxLike) => work(wrapTx(tx)), config);
        }
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  capture.driver = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === 'session' && typeof value === 'function') {
        return (...args: unknown[]) => wrapSession((value as (...a: unknown[]) => object).apply(target, args));
      }
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return capture;
}
