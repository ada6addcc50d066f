import type { Executor } from '../db/executor.js';
import type { Logger } from '../logger.js';
import { ChangeFeedRepository, type ChangeFilter } from '../repositories/change-feed-repository.js';
import { CursorExpiredError } from './cursor.js';
import { FeedSubscription } from './feed-subscription.js';
import { SharedTail } from './shared-tail.js';
import type { ChangeEvent } from './kinds.js';
import { waitOrTimeout } from './wait-or-timeout.js';

export interface ChangeFeedOptions {
  /** How often an instance with subscribers reads the feed's head, for writes made elsewhere (ms). */
  pollMs: number;
  /** How long events are kept (s). */
  retentionSeconds: number;
}

/** Something that hears of other instances' commits sooner than polling would (src/changes/redis-wake.ts). */
export interface PeerWake {
  publish(lastSequence: number): void;
  onWake(listener: (lastSequence: number) => void): void;
  close(): Promise<void>;
}

export interface PulledChanges {
  events: ChangeEvent[];
  hasNextPage: boolean;
  /** The sequence number to continue after: the last event's, or the head this read saw when the page is not full. */
  end: number;
}

/** The settings' defaults (src/config.ts), for servers built without a config (tests). */
export const DEFAULT_FEED_OPTIONS: ChangeFeedOptions = { pollMs: 500, retentionSeconds: 7 * 86_400 };

/** A subscriber reads again at least this often even when nothing woke it: a lost wake-up delays, never loses. */
const SAFETY_READ_MS = 5_000;
const HOUR_MS = 3_600_000;

export function describeRetention(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

/**
 * One instance's view of the change feed. The outbox in Neo4j is the only
 * truth: every subscriber keeps the sequence number of the last event it
 * passed on and only ever reads `sequence > last` from it, so replay and live
 * delivery are the same loop and the seam between them can neither repeat nor
 * skip an event. What this class adds is when to read: at once after a commit
 * of this process, after a peer's wake-up (Redis), after its own poll of the
 * feed's head finds it moved, and at the latest every few seconds.
 */
export class ChangeFeed {
  readonly repository: ChangeFeedRepository;
  /** The recent events, read once for every caught-up subscriber of this instance. */
  readonly tail: SharedTail;
  private head = 0;
  /** Bumped on every wake-up: a subscriber that read before a bump reads again. */
  private version = 0;
  private readonly waiters = new Set<() => void>();
  private readonly open = new Set<FeedSubscription>();
  private polling = false;
  private closed = false;
  private peers?: PeerWake;
  private pruneTimer?: NodeJS.Timeout;
  private readonly stopListening: () => void;

  constructor(
    executor: Executor,
    private readonly logger: Logger,
    readonly options: ChangeFeedOptions,
  ) {
    this.repository = new ChangeFeedRepository(executor);
    this.tail = new SharedTail(this.repository, logger, {
      wanted: () => this.open.size > 0 && !this.closed,
      wakeVersion: () => this.version,
      waitForWake: (version) => this.waitForWake(version),
    });
    this.stopListening = executor.onCommit((write) => {
      if (write.lastSequence === null) return;
      this.noteHead(write.lastSequence);
      this.peers?.publish(write.lastSequence);
    });
  }

  get retention(): string {
    return describeRetention(this.options.retentionSeconds);
  }

  /** Wakes from other instances' commits; the poll goes on regardless, in case a message is lost. */
  connectPeers(peers: PeerWake): void {
    this.peers = peers;
    peers.onWake((lastSequence) => this.noteHead(lastSequence));
  }

  /**
   * Up to `first` events after the cursor's sequence number (null: from the oldest kept), read through the
   * request's repository (its time budget and bookmarks) rather than this instance's own.
   */
  async pull(after: number | null, first: number, filter: ChangeFilter, repository: ChangeFeedRepository): Promise<PulledChanges> {
    const page = await repository.page(after, first, filter);
    if (after !== null && after < page.prunedThrough) throw new CursorExpiredError(after, page.prunedThrough, this.retention);
    return { events: page.events, hasNextPage: page.more, end: page.through };
  }

  /**
   * Events after the cursor's sequence number, then live ones as they commit; without a cursor, only those
   * committed from now on. A cursor older than the retention fails here, before the stream starts.
   */
  async subscribe(after: number | null, filter: ChangeFilter): Promise<AsyncIterableIterator<ChangeEvent>> {
    if (this.closed) throw new Error('the change feed is closed');
    const position = await this.repository.position();
    if (after !== null && after < position.prunedThrough) throw new CursorExpiredError(after, position.prunedThrough, this.retention);
    this.noteHead(position.head);
    const subscription = new FeedSubscription(this, after ?? position.head, filter, () => this.open.delete(subscription));
    this.open.add(subscription);
    this.startPolling();
    this.tail.start();
    return subscription;
  }

  /** Deletes the events older than the retention. */
  async prune(now = new Date()): Promise<number> {
    const deleted = await this.repository.prune(new Date(now.getTime() - this.options.retentionSeconds * 1000));
    if (deleted > 0) this.logger.info({ deleted, retention: this.retention }, 'change feed pruned');
    return deleted;
  }

  /** Prunes now and then every hour (or every retention period, when shorter). */
  startPruning(): void {
    const run = () => void this.prune().catch((error: unknown) => this.logger.warn({ err: error }, 'change feed pruning failed'));
    run();
    this.pruneTimer = setInterval(run, Math.min(HOUR_MS, Math.max(1000, this.options.retentionSeconds * 1000)));
    this.pruneTimer.unref();
  }

  /** Ends every subscription (their streams complete) and stops listening; for shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopListening();
    clearInterval(this.pruneTimer);
    await Promise.all([...this.open].map((subscription) => subscription.return()));
    this.wakeAll();
    await this.peers?.close();
  }

  /** @internal The current wake-up count, to pass to waitForWake. */
  get wakeVersion(): number {
    return this.version;
  }

  /** @internal Resolves when a wake-up newer than `version` came, the feed closed, or the safety interval passed. */
  waitForWake(version: number): Promise<void> {
    if (this.version !== version || this.closed) return Promise.resolve();
    return waitOrTimeout(this.waiters, SAFETY_READ_MS);
  }

  /** @internal */
  warnHole(after: number, next: number): void {
    this.logger.warn({ after, next }, 'change feed: events missing for 10 s were stepped over');
  }

  /** @internal */
  wakeAll(): void {
    this.version += 1;
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Streams open on this instance. */
  get subscribers(): number {
    return this.open.size;
  }

  private noteHead(sequence: number): void {
    if (sequence <= this.head) return;
    this.head = sequence;
    this.wakeAll();
  }

  /** One reader of the head per instance, while it has subscribers: they read events only when it moved. */
  private startPolling(): void {
    if (this.polling) return;
    this.polling = true;
    void (async () => {
      while (this.open.size > 0 && !this.closed) {
        try {
          this.noteHead((await this.repository.position()).head);
        } catch (error) {
          this.logger.warn({ err: error }, 'change feed poll failed');
        }
        await new Promise((resolve) => setTimeout(resolve, this.options.pollMs).unref());
      }
      this.polling = false;
    })();
  }
}
