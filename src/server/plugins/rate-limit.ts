import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../../auth/authenticate.js';
import { addressKey, clientAddress } from '../rate-limit/client-address.js';
import { TokenBuckets } from '../rate-limit/token-buckets.js';

export interface RateLimitOptions {
  /** Only requests to this path are counted (not /health, /ready or the explorer's files). */
  endpoint: string;
  anonymousPerMinute: number;
  authenticatedPerMinute: number;
  trustedProxyHops: number;
  /** A request counts once more per this much estimated cost (0: cost is not counted). */
  costUnit: number;
}

/** What node:http puts in Yoga's server context; absent for in-process calls through `yoga.fetch`. */
interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);

/**
 * Who an authenticated caller is, for its bucket: its API key (as a digest,
 * never the key itself), or its token's subject, so that fresh tokens for the
 * same subject share one budget.
 */
function subjectOf(viewer: Viewer, authorization: string): string {
  const token = authorization.replace(/^Bearer\s+/i, '').trim();
  if (viewer.via === 'jwt') {
    // The token was verified by the authenticator before we get here; decoding only reads its claims.
    const subject = decodeJwt(token).sub;
    return subject ? `jwt-sub:${subject}` : `jwt:${digest(token)}`;
  }
  return `key:${digest(token)}`;
}

function tooManyRequests(fetchAPI: { Response: typeof Response }, retryAfterSeconds: number, perMinute: number, anonymous: boolean): Response {
  const who = anonymous ? 'from this address without an API key' : 'with this API key or token';
  const message = `Too many requests ${who}: the limit is ${perMinute} a minute. Retry in ${retryAfterSeconds} s.`;
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds } }] }), {
    status: 429,
    headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterSeconds) },
  });
}

/** The rate limit's plugin, and a way to count a request's estimated cost against its client. */
export interface RateLimit {
  plugin: Plugin;
  /** A request let in counts once more per `costUnit` of its estimated cost (src/server/plugins/cost-limit.ts). */
  chargeCost(request: Request, cost: number): void;
}

/**
 * A per-client request budget, checked before the body is read: callers with
 * a key or token by their credential, anonymous callers by their address, each
 * kind with its own rate. A request counts once, and once more per `costUnit`
 * of its estimated cost once that is known, so that a client looping on the
 * largest request its cost budget allows gets few of them. Requests without a
 * client address (in-process calls through `yoga.fetch`: tests, benchmarks) are
 * not counted; everything that arrives over node:http has one.
 */
export function createRateLimit(options: RateLimitOptions, viewerOf: (request: Request) => Promise<Viewer>): RateLimit {
  const anonymous = new TokenBuckets(options.anonymousPerMinute);
  const authenticated = new TokenBuckets(options.authenticatedPerMinute);
  const clients = new WeakMap<Request, { buckets: TokenBuckets; key: string }>();
  const plugin: Plugin = {
    async onRequest({ request, url, serverContext, fetchAPI, endResponse }) {
      if (url.pathname !== options.endpoint || request.method === 'OPTIONS') return;
      const socketAddress = (serverContext as NodeServerContext).req?.socket?.remoteAddress;
      const address = clientAddress(socketAddress, request.headers.get('x-forwarded-for'), options.trustedProxyHops);
      if (!address) return;
      // A refused credential is answered with 401 by the context; meanwhile its attempts count against its address.
      const viewer = await viewerOf(request).catch(() => null);
      const authorization = request.headers.get('authorization');
      const byCredential = viewer !== null && viewer.role !== null && authorization !== null;
      const client = byCredential ? { buckets: authenticated, key: subjectOf(viewer, authorization) } : { buckets: anonymous, key: addressKey(address) };
      const verdict = client.buckets.take(client.key);
      if (verdict.allowed) {
        clients.set(request, client);
        return;
      }
      endResponse(tooManyRequests(fetchAPI, verdict.retryAfterSeconds, client.buckets.perMinute, !byCredential));
    },
  };
  return {
    plugin,
    chargeCost(request, cost) {
      const client = clients.get(request);
      if (client && options.costUnit > 0) client.buckets.charge(client.key, Math.floor(cost / options.costUnit));
    },
  };
}
