import type { ChangeFilter } from '../repositories/change-feed-repository.js';
import { CursorExpiredError } from './cursor.js';
import type { ChangeFeed } from './feed.js';
import type { ChangeEvent } from './kinds.js';
import { passes } from './shared-tail.js';

/** Events a subscriber reads at once while catching up. */
const SUBSCRIBER_PAGE = 200;
/** How soon a subscriber reads again when a later number is visible before an earlier one (a commit being applied). */
const HOLE_RETRY_MS = 20;
/** A hole that lasts this long is not a commit being applied (events deleted by hand): it is stepped over, with a warning. */
const HOLE_PATIENCE_MS = 10_000;

/**
 * One subscriber's stream: it reads `sequence > last` until nothing is left,
 * then waits for a wake-up. Written as an iterator rather than a generator so
 * that `return()` (the client went away) ends it at once, even mid-wait.
 */
export class FeedSubscription implements AsyncIterableIterator<ChangeEvent> {
  private readonly buffer: ChangeEvent[] = [];
  private done = false;
  /** Since when a hole has kept this subscriber from going on. */
  private holeSince?: number;

  constructor(
    private readonly feed: ChangeFeed,
    private last: number,
    private readonly filter: ChangeFilter,
    private readonly onEnd: () => void,
  ) {}

  [Symbol.asyncIterator](): AsyncIterableIterator<ChangeEvent> {
    return this;
  }

  async next(): Promise<IteratorResult<ChangeEvent>> {
    while (!this.done) {
      const event = this.buffer.shift();
      if (event) return { value: event, done: false };
      await this.fill();
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<ChangeEvent>> {
    if (!this.done) {
      this.done = true;
      this.onEnd();
      this.feed.wakeAll();
    }
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<ChangeEvent>> {
    await this.return();
    throw error;
  }

  /** Reads the next events; when there are none, waits for a wake-up that came after the read started. */
  private async fill(): Promise<void> {
    // Caught up: the instance's shared tail has the events, read once for every subscriber.
    const grown = this.feed.tail.version;
    const kept = this.feed.tail.after(this.last);
    if (kept) {
      this.buffer.push(...kept.events.filter((event) => passes(this.filter, event)));
      const progressed = kept.through > this.last;
      this.last = Math.max(this.last, kept.through);
      if (!progressed) await this.feed.tail.waitForGrowth(grown);
      return;
    }
    const version = this.feed.wakeVersion;
    let page;
    try {
      page = await this.feed.repository.page(this.last, SUBSCRIBER_PAGE, this.filter);
    } catch (error) {
      await this.return();
      throw error;
    }
    if (this.done) return;
    if (this.last < page.prunedThrough) {
      await this.return();
      throw new CursorExpiredError(this.last, page.prunedThrough, this.feed.retention);
    }
    this.buffer.push(...page.events);
    const progressed = page.through > this.last;
    this.last = page.through;
    if (page.holeBefore !== null) {
      this.holeSince = progressed ? Date.now() : (this.holeSince ?? Date.now());
      if (Date.now() - this.holeSince >= HOLE_PATIENCE_MS) {
        this.feed.warnHole(this.last, page.holeBefore);
        this.last = page.holeBefore - 1;
        this.holeSince = undefined;
      } else if (page.events.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, HOLE_RETRY_MS));
      }
      return;
    }
    this.holeSince = undefined;
    if (page.more || page.events.length > 0) return;
    await this.feed.waitForWake(version);
  }
}
