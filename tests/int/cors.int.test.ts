import { afterAll, describe, expect, it } from 'vitest';
import { createNewsgraphYoga, type NewsgraphYoga } from '../../src/server/yoga.js';
import { openTestDatabase, type TestDatabase } from '../helpers/neo4j.js';

/**
 * CORS: only the origins in NEWSGRAPH_CORS_ORIGINS get CORS headers, and
 * nobody gets Access-Control-Allow-Credentials (graphql-yoga's default echoes
 * any Origin with credentials, so any site could read answers in a visitor's
 * browser).
 */

const EVIL = 'https://evil.example';
const NEWSROOM = 'https://newsroom.example';

const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((db) => db.close())));

/** The API with the given settings. */
function app(settings: Record<string, string> = {}): NewsgraphYoga {
  const db = openTestDatabase(settings);
  databases.push(db);
  return createNewsgraphYoga({ executor: db.executor, log: db.log, security: db.config.security });
}

const sameOrigin = app();
const listed = app({ NEWSGRAPH_CORS_ORIGINS: `${NEWSROOM},http://localhost:5173` });
const anyOrigin = app({ NEWSGRAPH_CORS_ORIGINS: '*' });

const preflight = (app: NewsgraphYoga, origin: string) =>
  app.fetch('http://newsgraph.test/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
  });

async function post(app: NewsgraphYoga, origin: string): Promise<Response> {
  const response = await app.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  await response.arrayBuffer();
  return response;
}

const corsHeaders = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')));

describe('by default (same origin only)', () => {
  it('answers a preflight from a foreign origin without any CORS header', async () => {
    expect(corsHeaders(await preflight(sameOrigin, EVIL))).toEqual({});
  });

  it('answers a POST from a foreign origin without any CORS header', async () => {
    const response = await post(sameOrigin, EVIL);
    expect(response.status).toBe(200);
    expect(corsHeaders(response)).toEqual({});
  });
});

describe('with NEWSGRAPH_CORS_ORIGINS listing origins', () => {
  it('lets a listed origin in, without credentials', async () => {
    for (const response of [await preflight(listed, NEWSROOM), await post(listed, NEWSROOM)]) {
      expect(response.headers.get('access-control-allow-origin')).toBe(NEWSROOM);
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const allowed = await preflight(listed, NEWSROOM);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, POST');
  });

  it('still gives an origin it does not list no CORS header', async () => {
    expect(corsHeaders(await preflight(listed, EVIL))).toEqual({});
    expect(corsHeaders(await post(listed, EVIL))).toEqual({});
  });
});

describe('with NEWSGRAPH_CORS_ORIGINS=*', () => {
  it('lets any origin read, never with credentials', async () => {
    for (const response of [await preflight(anyOrigin, EVIL), await post(anyOrigin, EVIL)]) {
      expect(response.headers.get('access-control-allow-origin')).toBe(EVIL);
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });
});
