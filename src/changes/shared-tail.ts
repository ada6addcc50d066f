import type { Logger } from '../logger.js';
import type { ChangeFilter, ChangeFeedRepository } from '../repositories/change-feed-repository.js';
import type { ChangeEvent } from './kinds.js';
import { waitOrTimeout } from './wait-or-timeout.js';

/** Recent events an instance keeps for its live subscribers. */
const KEPT = 10_000;
const PAGE = 1000;
const HOLE_RETRY_MS = 20;
const HOLE_PATIENCE_MS = 10_000;
const ERROR_RETRY_MS = 1000;
const SAFETY_WAIT_MS = 5_000;

export function passes(filter: ChangeFilter, event: ChangeEvent): boolean {
  if (filter.kinds?.length && !filter.kinds.includes(event.kind)) return false;
  if (filter.entityIds?.length && !event.entityIds.some((id) => filter.entityIds!.includes(id))) return false;
  return true;
}

export interface TailHooks {
  /** Whether anyone still listens: the tail stops when no one does. */
  wanted(): boolean;
  /** The feed's wake-up count, and a wait for the next wake-up after it. */
  wakeVersion(): number;
  waitForWake(version: number): Promise<void>;
}

/**
 * One reader of the outbox per instance for its live subscribers: after each
 * wake-up it reads the new events once, unfiltered, and keeps the last
 * 10,000 in order, each number once; a subscriber that is caught up takes its
 * events from here (filtering in memory) instead of querying Neo4j itself, so
 * 50 subscribers cost one read per wake-up, not 50. A subscriber further
 * behind (a replay) reads the outbox until it reaches the kept window.
 * The window holds exactly the events in (from, through], none missing: the
 * same unbroken-run rule as every read of the outbox.
 */
export class SharedTail {
  private events: ChangeEvent[] = [];
  private from = 0;
  private through = 0;
  private ready = false;
  private running = false;
  /** Bumped when events were added. */
  private grown = 0;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly repository: ChangeFeedRepository,
    private readonly logger: Logger,
    private readonly hooks: TailHooks,
  ) {}

  get version(): number {
    return this.grown;
  }

  /** The kept events after `last` and how far the window goes; null when `last` is before the window (read the outbox). */
  after(last: number): { events: ChangeEvent[]; through: number } | null {
    if (!this.ready || last < this.from) return null;
    return { events: this.events.slice(Math.max(0, last - this.from)), through: this.through };
  }

  /** Resolves when events were added after `version`, the tail stopped, or the safety interval passed. */
  waitForGrowth(version: number): Promise<void> {
    if (this.grown !== version) return Promise.resolve();
    return waitOrTimeout(this.waiters, SAFETY_WAIT_MS);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.follow().finally(() => {
      this.running = false;
      this.ready = false;
      this.notify();
      // A subscriber that came while this one was stopping needs a tail again.
      if (this.hooks.wanted()) this.start();
    });
  }

  private async follow(): Promise<void> {
    const { head } = await this.retrying(() => this.repository.position());
    this.events = [];
    this.from = head;
    this.through = head;
    this.ready = true;
    let holeSince: number | undefined;
    while (this.hooks.wanted()) {
      const version = this.hooks.wakeVersion();
      const page = await this.retrying(() => this.repository.page(this.through, PAGE));
      if (page.events.length > 0) {
        this.events.push(...page.events);
        if (this.events.length > KEPT) {
          const dropped = this.events.length - KEPT;
          this.events = this.events.slice(dropped);
          this.from += dropped;
        }
        this.through = page.through;
        this.notify();
      }
      if (page.holeBefore !== null) {
        holeSince = page.events.length > 0 ? Date.now() : (holeSince ?? Date.now());
        if (Date.now() - holeSince < HOLE_PATIENCE_MS) {
          if (page.events.length === 0) await new Promise((resolve) => setTimeout(resolve, HOLE_RETRY_MS));
          continue;
        }
        // Not a commit being applied: the window restarts after the hole, and subscribers before it read the outbox.
        this.logger.warn({ after: this.through, next: page.holeBefore }, 'change feed: events missing for 10 s were stepped over');
        this.events = [];
        this.from = page.holeBefore - 1;
        this.through = this.from;
        holeSince = undefined;
        continue;
      }
      holeSince = undefined;
      if (!page.more) await this.hooks.waitForWake(version);
    }
  }

  private async retrying<T>(read: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await read();
      } catch (error) {
        this.logger.warn({ err: error }, 'change feed tail read failed');
        await new Promise((resolve) => setTimeout(resolve, ERROR_RETRY_MS));
      }
    }
  }

  private notify(): void {
    this.grown += 1;
    for (const waiter of [...this.waiters]) waiter();
  }
}
