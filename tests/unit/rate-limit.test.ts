import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from '../../src/server/rate-limit/client-address.js';
import { TokenBuckets } from '../../src/server/rate-limit/token-buckets.js';

function clock() {
  const time = { now: 0 };
  return { time, now: () => time.now };
}

describe('TokenBuckets', () => {
  it('allows a burst of perMinute requests, then refuses with the seconds until the next token', () => {
    const { time, now } = clock();
    const buckets = new TokenBuckets(6, now);
    for (let i = 0; i < 6; i += 1) expect(buckets.take('a').allowed).toBe(true);
    // One token every 10 s at 6 a minute.
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    time.now = 4_000;
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    time.now = 10_000;
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
  });

  it('keeps one bucket per client', () => {
    const buckets = new TokenBuckets(1, clock().now);
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.take('b').allowed).toBe(true);
  });

  it('refills to perMinute and no further', () => {
    const { time, now } = clock();
    const buckets = new TokenBuckets(2, now);
    buckets.take('a');
    time.now = 3_600_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')].map((verdict) => verdict.allowed)).toEqual([true, true, false]);
  });

  it('charges a request that turned out large, down to one minute of debt', () => {
    const { time, now } = clock();
    const buckets = new TokenBuckets(60, now);
    expect(buckets.take('a').allowed).toBe(true);
    buckets.charge('a', 58);
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    buckets.charge('a', 1000);
    // 60 in debt: a minute to get back to zero, one more second for the next request.
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 61 });
    time.now = 61_000;
    expect(buckets.take('a').allowed).toBe(true);
  });

  it('has no limit at 0', () => {
    const buckets = new TokenBuckets(0, clock().now);
    for (let i = 0; i < 1000; i += 1) expect(buckets.take('a').allowed).toBe(true);
  });

  it('forgets clients whose bucket has filled up again', () => {
    const { time, now } = clock();
    const buckets = new TokenBuckets(60, now);
    for (let i = 0; i < 500; i += 1) buckets.take(`client-${i}`);
    expect(buckets.size).toBe(500);
    time.now = 60_000;
    for (let i = 0; i < 1024; i += 1) buckets.take('busy');
    expect(buckets.size).toBe(1);
  });
});

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('198.51.100.7', '203.0.113.1', 0)).toBe('198.51.100.7');
  });

  it('behind trusted proxies, reads X-Forwarded-For from the right', () => {
    // The client forged the first entry; the one proxy appended what it saw.
    expect(clientAddress('10.0.0.2', '1.2.3.4, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.3', '1.2.3.4, 198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
  });

  it('falls back to the leftmost address when the header is shorter than the trusted chain', () => {
    expect(clientAddress('10.0.0.2', null, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '198.51.100.7', 3)).toBe('198.51.100.7');
  });

  it('is undefined for in-process calls', () => {
    expect(clientAddress(undefined, '198.51.100.7', 1)).toBeUndefined();
  });
});

describe('addressKey', () => {
  it('keys IPv4 by address, also when mapped into IPv6', () => {
    expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
    expect(addressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('keys IPv6 by its /64', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
