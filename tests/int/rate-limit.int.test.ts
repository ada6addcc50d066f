import { describe, expect, it } from 'vitest';
import { neighborhoodsQuery } from '../../explorer/src/queries.js';
import { authorization, seededApi, type Caller } from '../helpers/api.js';
import { gql } from '../helpers/yoga.js';

const api = seededApi({ NEWSGRAPH_RATE_LIMIT_ANONYMOUS: '3', NEWSGRAPH_RATE_LIMIT_AUTHENTICATED: '5' });
const behindProxy = seededApi({ NEWSGRAPH_RATE_LIMIT_ANONYMOUS: '1', NEWSGRAPH_TRUSTED_PROXY_HOPS: '1' });
const twelve = seededApi({ NEWSGRAPH_RATE_LIMIT_ANONYMOUS: '12' });

const QUERY = '{ stats { entities } }';

/** A request as node:http hands it to Yoga: with the client's socket address in the server context. */
async function fromAddress(target: typeof api, remoteAddress: string, as: Caller = 'anonymous', headers: Record<string, string> = {}): Promise<Response> {
  return target.yoga.fetch(
    'http://newsgraph.test/graphql',
    { method: 'POST', headers: { 'content-type': 'application/json', ...authorization(as), ...headers }, body: JSON.stringify({ query: QUERY }) },
    { req: { socket: { remoteAddress } } },
  );
}

async function statuses(responses: Array<Promise<Response>>): Promise<number[]> {
  return (await Promise.all(responses)).map((response) => response.status);
}

describe('the per-client rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After once an anonymous address has used its budget', async () => {
    for (let i = 0; i < 3; i += 1) expect((await fromAddress(api, '198.51.100.1')).status).toBe(200);
    const refused = await fromAddress(api, '198.51.100.1');
    expect(refused.status).toBe(429);
    // Three a minute: the next token comes in 20 s.
    expect(refused.headers.get('retry-after')).toBe('20');
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 20 });
    expect(body.errors[0]!.message).toMatch(/without an API key: the limit is 3 a minute/);
  });

  it('keeps a budget per address', async () => {
    expect(await statuses([fromAddress(api, '198.51.100.2'), fromAddress(api, '198.51.100.3')])).toEqual([200, 200]);
  });

  it('does not hold callers with a key to the anonymous budget of their address', async () => {
    expect(await statuses(Array.from({ length: 3 }, () => fromAddress(api, '198.51.100.4')))).toEqual([200, 200, 200]);
    expect((await fromAddress(api, '198.51.100.4')).status).toBe(429);
    expect(await statuses(Array.from({ length: 5 }, () => fromAddress(api, '198.51.100.4', 'editor')))).toEqual([200, 200, 200, 200, 200]);
  });

  it('gives each key its own budget, wherever it comes from', async () => {
    expect(await statuses(Array.from({ length: 5 }, (_, i) => fromAddress(api, `198.51.100.${10 + i}`, 'reader')))).toEqual([200, 200, 200, 200, 200]);
    const refused = await fromAddress(api, '198.51.100.20', 'reader');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(
      /with this API key or token: the limit is 5 a minute/,
    );
    expect((await fromAddress(api, '198.51.100.20', 'admin')).status).toBe(200);
  });

  it('counts a wrong key against its address, and still answers it with 401', async () => {
    const wrong = { authorization: 'Bearer not-a-key-of-this-server-0000' };
    expect((await fromAddress(api, '198.51.100.30', 'anonymous', wrong)).status).toBe(401);
    expect(await statuses([fromAddress(api, '198.51.100.30'), fromAddress(api, '198.51.100.30')])).toEqual([200, 200]);
    expect((await fromAddress(api, '198.51.100.30', 'anonymous', wrong)).status).toBe(429);
  });

  it('does not count in-process calls, which have no client address', async () => {
    for (let i = 0; i < 5; i += 1) expect((await gql(api.yoga, QUERY)).status).toBe(200);
  });

  it('behind a trusted proxy, keys anonymous callers by the address the proxy saw', async () => {
    const viaProxy = (forwardedFor: string) => fromAddress(behindProxy, '10.0.0.1', 'anonymous', { 'x-forwarded-for': forwardedFor });
    expect((await viaProxy('203.0.113.5')).status).toBe(200);
    expect((await viaProxy('203.0.113.6')).status).toBe(200);
    // A forged entry on the left does not make a new client.
    expect((await viaProxy('192.0.2.99, 203.0.113.5')).status).toBe(429);
  });

  it('counts a request once more per 1,000 of its estimated cost', async () => {
    // The explorer's ten neighbourhoods at once: estimated 10,010, so it counts as 11 requests of the 12 a minute.
    const request = neighborhoodsQuery(['zapad-interaction-2021', 'china', 'russia', 'liu-xiaowu', 'a', 'b', 'c', 'd', 'e', 'f'], []);
    const large = await twelve.yoga.fetch(
      'http://newsgraph.test/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) },
      { req: { socket: { remoteAddress: '198.51.100.40' } } },
    );
    expect(large.status).toBe(200);
    expect((await fromAddress(twelve, '198.51.100.40')).status).toBe(200);
    const refused = await fromAddress(twelve, '198.51.100.40');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
  });
});
