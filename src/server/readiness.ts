import type { Logger } from '../logger.js';
import type { WarmUpReport } from './warm-up.js';

const MISSED_PINGS_FOR_DOWN = 2;

export type ReadinessState = 'starting' | 'warming' | 'ready' | 'down' | 'draining';

/** The service's HTTP application, called in-process (Yoga's `fetch`). */
export type Application = (request: Request) => Promise<Response> | Response;

export interface ReadinessOptions {
  /** Whether the database answers; resolves false rather than throwing. */
  ping: () => Promise<boolean>;
  /** Given the HTTP application once the server has said which it is (see `serves`). */
  warmUp: (application?: Application) => Promise<WarmUpReport>;
  log: Logger;
  intervalMs?: number;
  /** Told whether the database is down, each time that changes. */
  onDown?: (down: boolean) => void;
}

/**
 * What `/ready` answers, kept up to date in the background so that the
 * endpoint answers at once even while the database hangs: ready only when
 * the database answers and has been warmed up since it last came (back) up,
 * and never again once the service drains for shutdown.
 */
export class Readiness {
  private current: ReadinessState = 'starting';
  private timer?: NodeJS.Timeout;
  private checking = false;
  private missedPings = 0;
  private downSince?: number;
  private readonly intervalMs: number;
  private readonly waiters = new Set<() => void>();
  private application?: Application;

  constructor(private readonly options: ReadinessOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
  }

  get state(): ReadinessState {
    return this.current;
  }

  /**
   * The HTTP application whose readiness this is: the warm-up sends the
   * explorer's requests through it, so that the first real ones find its
   * parse cache and plugins warm too, not only the database.
   */
  serves(application: Application): void {
    this.application = application;
  }

  /** Starts watching (idempotent); `/ready` starts it on first use. */
  start(): void {
    if (this.timer || this.current === 'draining') return;
    this.timer = setTimeout(() => void this.tick(), 0).unref();
  }

  private async tick(): Promise<void> {
    this.checking = true;
    await this.check().catch((error: unknown) => this.options.log.error({ err: error }, 'readiness check failed'));
    this.checking = false;
    if (this.current !== 'draining') this.timer = setTimeout(() => void this.tick(), this.intervalMs).unref();
  }

  /** Checks now rather than at the next tick, e.g. when a request found the database unreachable. */
  checkNow(): void {
    if (!this.timer || this.current === 'draining' || this.checking) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), 0).unref();
  }

  isReady(): boolean {
    this.start();
    return this.current === 'ready';
  }

  /** Resolves once the service is ready (for start-up logs and tests). */
  whenReady(): Promise<void> {
    this.start();
    if (this.current === 'ready') return Promise.resolve();
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  /** From now on `/ready` answers 503, so that a load balancer sends no new requests. */
  drain(): void {
    this.current = 'draining';
    clearTimeout(this.timer);
  }

  private async check(): Promise<void> {
    const answers = await this.options.ping();
    if (this.current === 'draining') return;
    if (!answers) return this.missedPing();
    this.missedPings = 0;
    if (this.current === 'ready' || this.current === 'warming') return;
    if (this.current === 'down') this.options.onDown?.(false);
    this.current = 'warming';
    const report = await this.options.warmUp(this.application);
    if (this.current !== 'warming') return;
    // The database may have gone away during the warm-up: ready only if it still answers.
    if (!(await this.options.ping())) return this.missedPing(MISSED_PINGS_FOR_DOWN);
    const downMs = this.downSince === undefined ? undefined : Date.now() - this.downSince;
    const log = this.options.log;
    const fields = {
      warmUpMs: report.ms,
      operations: report.operations,
      failed: report.failed,
      slowest: report.slowest,
      explorer: report.explorer,
      skipped: report.skipped,
      downMs,
    };
    // A failed warm-up operation is worth a look, not an outage: the service serves anyway.
    if (report.failed.length > 0) log.warn(fields, 'database warmed up, with failed operations: ready');
    else log.info(fields, 'database warmed up: ready');
    this.downSince = undefined;
    this.current = 'ready';
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }

  /** One slow ping under load is not an outage: down (and failing fast) only after several in a row. */
  private missedPing(count = 1): void {
    this.missedPings += count;
    if (this.current === 'down' || (this.missedPings < MISSED_PINGS_FOR_DOWN && this.current !== 'starting')) return;
    this.options.log.warn({ was: this.current, missedPings: this.missedPings }, 'the database does not answer: not ready');
    this.downSince = Date.now();
    this.current = 'down';
    this.options.onDown?.(true);
  }
}

/** A ping that answers within `withinMs` whatever the driver does (connection timeouts are longer). */
export function boundedPing(ping: (timeoutMs: number) => Promise<boolean>, withinMs = 3000): () => Promise<boolean> {
  return () =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), withinMs).unref();
      void ping(withinMs).then((answers) => {
        clearTimeout(timer);
        resolve(answers);
      });
    });
}
