import type { Logger } from '../logger.js';
import type { WarmUpReport } from './warm-up.js';

export type ReadinessState = 'starting' | 'warming' | 'ready' | 'down' | 'draining';

export interface ReadinessOptions {
  /** Whether the database answers; resolves false rather than throwing. */
  ping: () => Promise<boolean>;
  warmUp: () => Promise<WarmUpReport>;
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
  private downSince?: number;
  private readonly intervalMs: number;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly options: ReadinessOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
  }

  get state(): ReadinessState {
    return this.current;
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
    const { log } = this.options;
    const answers = await this.options.ping();
    if (this.current === 'draining') return;
    if (!answers) {
      if (this.current !== 'down') {
        log.warn({ was: this.current }, 'the database does not answer: not ready');
        this.downSince = Date.now();
        this.options.onDown?.(true);
      }
      this.current = 'down';
      return;
    }
    if (this.current === 'ready' || this.current === 'warming') return;
    if (this.current === 'down') this.options.onDown?.(false);
    this.current = 'warming';
    const report = await this.options.warmUp();
    if (this.current !== 'warming') return;
    const downMs = this.downSince === undefined ? undefined : Date.now() - this.downSince;
    log.info({ warmUpMs: report.ms, operations: report.operations, failed: report.failed, slowest: report.slowest, downMs }, 'database warmed up: ready');
    this.downSince = undefined;
    this.current = 'ready';
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }
}

/** A ping that answers within `withinMs` whatever the driver does (connection timeouts are longer). */
export function boundedPing(ping: (timeoutMs: number) => Promise<boolean>, withinMs = 3000): () => Promise<boolean> {
  return () =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), withinMs);
      void ping(withinMs).then((answers) => {
        clearTimeout(timer);
        resolve(answers);
      });
    });
}
