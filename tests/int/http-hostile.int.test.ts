import { Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../../src/server/http.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { openTestDatabase, TEST_KEYS } from '../helpers/neo4j.js';
import { settledReadyStatus } from '../helpers/yoga.js';

/**
 * Broken HTTP over a real socket: malformed or non-object JSON, content types
 * the API does not take, bodies over NEWSGRAPH_MAX_BODY_BYTES (declared or
 * chunked) and GETs without the CSRF header. Each gets a 4xx whose message
 * says what to do, and the server keeps answering.
 */

const MAX_BODY_BYTES = 10_000;
const db = openTestDatabase({ NEWSGRAPH_MAX_BODY_BYTES: String(MAX_BODY_BYTES) });
const yoga = createNewsgraphYoga({ executor: db.executor, log: db.log, security: db.config.security });
let server: Server;
let port: number;

beforeAll(async () => {
  server = await listen(yoga, 0, '127.0.0.1');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await closeServer(server);
  await db.close();
});

interface Reply {
  status: number;
  contentType: string | undefined;
  text: string;
  /** The first GraphQL error's message, when the body is a GraphQL response. */
  message?: string;
  code?: string;
}

/**
 * A raw HTTP/1.1 request, on a connection of its own unless an agent is given.
 * `body` as an array is sent in chunks without a Content-Length
 * (Transfer-Encoding: chunked). The server may answer before the whole body is
 * sent; what it answered is what counts.
 */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer | Array<string | Buffer>,
  agent: Agent | false = false,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(chunked ? { 'transfer-encoding': 'chunked' } : {}) } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let parsed: { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | undefined;
          try {
            parsed = JSON.parse(text) as typeof parsed;
          } catch {
            parsed = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            contentType: res.headers['content-type'],
            text,
            message: parsed?.errors?.[0]?.message,
            code: parsed?.errors?.[0]?.extensions?.code,
          });
        });
      },
    );
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${method} ${path} within 5 s`)));
    // An early answer may close the socket while we are still writing: not a failure of the test.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (chunked) {
      for (const part of body) req.write(part);
      req.end();
    } else {
      req.end(body);
    }
  });
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

async function stillAnswers(): Promise<void> {
  const reply = await send('POST', '/graphql', JSON_HEADERS, TYPENAME);
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.text)).toEqual({ data: { __typename: 'Query' } });
  expect(await settledReadyStatus(async () => (await send('GET', '/ready', {})).status)).toBe(200);
}

/** A 4xx with a JSON error whose message matches `says`, and never a stack or a file path. */
function expectRefusal(reply: Reply, status: number, says: RegExp): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.contentType ?? '', `a JSON error body, not ${JSON.stringify(reply.text)}`).toMatch(/json/);
  expect(reply.message, reply.text).toMatch(says);
  expect(reply.text).not.toMatch(/\s{4}at \S|\/work\/|node_modules/);
}

describe('malformed JSON', () => {
  it.each([
    ['a truncated object', '{"query": "{ __typename }"'],
    ['an empty body', ''],
    ['single quotes', "{'query': '{ __typename }'}"],
    ['a trailing comma', '{"query": "{ __typename }",}'],
    ['a byte-order mark', '\ufeff{"query": "{ __typename }"}'],
    ['bare text', 'query { __typename }'],
    ['invalid UTF-8 inside a string', Buffer.concat([Buffer.from('{"query": "{ __typename }", "x": "'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"')])],
  ])('%s is a 400 that says the JSON is malformed', async (_name, body) => {
    expectRefusal(await send('POST', '/graphql', JSON_HEADERS, body), 400, /malformed JSON/i);
  });

  it.each([['null'], ['[]'], ['[{"query": "{ __typename }"}]'], ['"{ __typename }"'], ['42'], ['true']])(
    'JSON that is not an object (%s) is a 400 that says what the body must be',
    async (body) => {
      expectRefusal(await send('POST', '/graphql', JSON_HEADERS, body), 400, /must be a JSON object with "query"/);
    },
  );

  it.each([
    ['query is a number', '{"query": 42}', /"query".*string/],
    ['query is missing', '{"variables": {}}', /query/],
    ['variables is a string', '{"query": "{ __typename }", "variables": "x"}', /"variables".*object/],
    ['extensions is a list', '{"query": "{ __typename }", "extensions": []}', /"extensions".*object/],
  ])('an object whose %s is refused with a message naming the parameter', async (_name, body, says) => {
    const reply = await send('POST', '/graphql', JSON_HEADERS, body);
    expect(reply.status).toBeGreaterThanOrEqual(200);
    expect(reply.status).toBeLessThan(500);
    expect(reply.code).toBe('BAD_REQUEST');
    expect(reply.message).toMatch(says);
  });

  it('still answers afterwards', stillAnswers);
});

describe('content types the API does not take', () => {
  // The message must tell the caller what to send instead, not only what is wrong.
  const SAYS_WHAT_TO_SEND = /application\/json/i;

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['text/plain with a charset', { 'content-type': 'text/plain;charset=UTF-8' }],
    ['form-urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['no content type', {}],
  ])('a POST as %s (a request browsers send cross-site without preflight) is a 4xx that says to send JSON', async (_name, headers) => {
    const reply = await send('POST', '/graphql', headers, TYPENAME);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expectRefusal(reply, reply.status, SAYS_WHAT_TO_SEND);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['application/xml', 'application/xml'],
    ['no content type', undefined],
  ])('a POST as %s with the CSRF header is a 415 that says to send JSON', async (_name, contentType) => {
    const reply = await send('POST', '/graphql', { 'x-newsgraph-client': 'test', ...(contentType ? { 'content-type': contentType } : {}) }, TYPENAME);
    expectRefusal(reply, 415, SAYS_WHAT_TO_SEND);
  });

  it('still answers afterwards', stillAnswers);
});

describe('bodies over NEWSGRAPH_MAX_BODY_BYTES', () => {
  const big = (bytes: number) => JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(bytes) } });
  const chunks = (text: string, size = 4096) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
  const TOO_LARGE = new RegExp(`larger than the limit of ${MAX_BODY_BYTES} bytes|too large`, 'i');

  it('a body just under the limit is served', async () => {
    const body = big(MAX_BODY_BYTES - 200);
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_BODY_BYTES);
    expect((await send('POST', '/graphql', JSON_HEADERS, body)).status).toBe(200);
    expect((await send('POST', '/graphql', JSON_HEADERS, chunks(body))).status).toBe(200);
  });

  it.each([
    ['just over the limit', MAX_BODY_BYTES + 1],
    ['a megabyte', 1_000_000],
    ['20 megabytes', 20_000_000],
  ])('%s with a Content-Length is a 413 that names the limit', async (_name, bytes) => {
    expectRefusal(await send('POST', '/graphql', JSON_HEADERS, big(bytes)), 413, TOO_LARGE);
  });

  it.each([
    ['just over the limit', MAX_BODY_BYTES + 1],
    ['a megabyte', 1_000_000],
  ])('%s chunked, without a Content-Length, is a 413 too', async (_name, bytes) => {
    expectRefusal(await send('POST', '/graphql', JSON_HEADERS, chunks(big(bytes))), 413, TOO_LARGE);
  });

  it('a multi-byte body is measured in bytes, not characters', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'é'.repeat(MAX_BODY_BYTES / 2 + 100) } });
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    expectRefusal(await send('POST', '/graphql', JSON_HEADERS, chunks(body)), 413, TOO_LARGE);
  });

  it('a Content-Length that is not a number is a 400', async () => {
    // Node's HTTP parser refuses it before the application sees it, so this answer is Node's, without a JSON body.
    const reply = await send('POST', '/graphql', { ...JSON_HEADERS, 'content-length': 'abc' }, TYPENAME);
    expect(reply.status).toBe(400);
  });

  it.each([
    ['application/graphql', '{ __typename }'],
    ['application/graphql+json', TYPENAME.slice(0, -1)],
  ])('the limit holds for %s bodies too, chunked or not', async (contentType, prefix) => {
    const body = `${prefix}${' '.repeat(MAX_BODY_BYTES * 5)}${contentType === 'application/graphql' ? '' : '}'}`;
    expectRefusal(await send('POST', '/graphql', { 'content-type': contentType }, body), 413, TOO_LARGE);
    expectRefusal(await send('POST', '/graphql', { 'content-type': contentType }, chunks(body)), 413, TOO_LARGE);
  });

  it('after a 413 on a chunked body, a keep-alive connection is closed or still serves the next request', async () => {
    // The server stops reading the refused body; keeping the connection open would leave the next request unread.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (const bytes of [MAX_BODY_BYTES * 2, 200_000, 1_000_000]) {
        expect((await send('POST', '/graphql', JSON_HEADERS, chunks(big(bytes)), agent)).status).toBe(413);
        const started = performance.now();
        const next = await send('POST', '/graphql', JSON_HEADERS, TYPENAME, agent);
        expect(next.status, `the request after a refused ${bytes}-byte body`).toBe(200);
        expect(performance.now() - started).toBeLessThan(2000);
      }
    } finally {
      agent.destroy();
    }
  });

  it('still answers afterwards', stillAnswers);
});

describe('GET', () => {
  const url = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;

  it('without a CSRF header is a 403 that says which header to send', async () => {
    expectRefusal(await send('GET', url('{ __typename }'), { accept: 'application/json' }), 403, /x-newsgraph-client/);
  });

  it('with the CSRF header is served', async () => {
    const reply = await send('GET', url('{ __typename }'), { 'x-newsgraph-client': 'test', accept: 'application/json' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toEqual({ data: { __typename: 'Query' } });
  });

  it('with a mutation is a 405 that says to POST it', async () => {
    const headers = { 'x-newsgraph-client': 'test', accept: 'application/json', authorization: `Bearer ${TEST_KEYS.admin}` };
    expectRefusal(await send('GET', url('mutation { deleteEntity(id: "nobody") }'), headers), 405, /POST/);
  });

  it('with variables that are not JSON is a 400', async () => {
    const reply = await send('GET', `${url('query($id: ID!) { entity(id: $id) { id } }')}&variables=%7Bnot-json`, {
      'x-newsgraph-client': 'test',
      accept: 'application/json',
    });
    expect(reply.status).toBe(400);
    expect(reply.message).toMatch(/variables/i);
  });

  it.each(['PUT', 'PATCH'])('%s is a 405 that names the methods to use', async (method) => {
    expectRefusal(await send(method, '/graphql', JSON_HEADERS, TYPENAME), 405, /GET and POST/);
  });

  it('DELETE is a 405 that names the methods to use', async () => {
    // With a Content-Length: Node's client sends a DELETE body without one otherwise.
    expectRefusal(await send('DELETE', '/graphql', { ...JSON_HEADERS, 'content-length': String(TYPENAME.length) }, TYPENAME), 405, /GET and POST/);
  });

  it('still answers afterwards', stillAnswers);
});

describe('in-process, through yoga.fetch', () => {
  it('a stream that errors half-way is refused without taking the server down', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(new TextEncoder().encode('{"query": "{ __typ'));
        } else controller.error(new Error('client went away'));
      },
    });
    const response = await Promise.resolve(
      yoga.fetch('http://newsgraph.test/graphql', { method: 'POST', headers: JSON_HEADERS, body, duplex: 'half' } as RequestInit),
    ).catch((error: unknown) => error);
    if (response instanceof Response) {
      expect(response.status).toBeLessThan(600);
      expect(await response.text()).not.toMatch(/client went away|\s{4}at \S/);
    }
    const after = await yoga.fetch('http://newsgraph.test/graphql', { method: 'POST', headers: JSON_HEADERS, body: TYPENAME });
    expect(await after.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
