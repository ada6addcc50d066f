export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** How often (in takes) buckets that have filled up again are dropped, so idle clients cost no memory. */
const SWEEP_EVERY = 1024;

/**
 * One token bucket per client: it holds up to `perMinute` tokens and refills
 * continuously at `perMinute` a minute; each request takes one. So a client may
 * send `perMinute` requests in a burst, then one every 60/perMinute seconds.
 * A full bucket is the same as no bucket, which is how idle ones are dropped.
 * `perMinute` 0 means no limit.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private takes = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Clients with a bucket that is not full. */
  get size(): number {
    return this.buckets.size;
  }

  /**
   * Takes `tokens` more from a client that was let in, for a request that
   * turned out to be larger than one. The bucket may go into debt (down to
   * minus one minute's worth), which the client then waits out.
   */
  charge(key: string, tokens: number): void {
    if (this.perMinute <= 0 || tokens <= 0) return;
    const now = this.now();
    this.buckets.set(key, { tokens: Math.max(-this.perMinute, this.tokensOf(key, now) - tokens), at: now });
  }

  take(key: string): Verdict {
    if (this.perMinute <= 0) return { allowed: true };
    const now = this.now();
    this.takes += 1;
    if (this.takes % SWEEP_EVERY === 0) this.dropFull(now);
    const tokens = this.tokensOf(key, now);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { allowed: true };
    }
    this.buckets.set(key, { tokens, at: now });
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
  }

  private get perMs(): number {
    return this.perMinute / 60_000;
  }

  private tokensOf(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    return bucket ? Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs) : this.perMinute;
  }

  private dropFull(now: number): void {
    for (const key of this.buckets.keys()) {
      if (this.tokensOf(key, now) >= this.perMinute) this.buckets.delete(key);
    }
  }
}
