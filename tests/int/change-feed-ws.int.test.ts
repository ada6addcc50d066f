import type { Server } from 'node:http';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort } from '../../src/project.js';
import { closeServer, listen } from '../../src/server/http.js';
import { serveWebSockets } from '../../src/server/websockets.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { authorization, seededApi } from '../helpers/api.js';
import { feedEnd, pullAll, EVENT_FIELDS, type FeedEdge } from '../helpers/change-feed.js';
import { TEST_KEYS, testConfig } from '../helpers/neo4j.js';
import { gql } from '../helpers/yoga.js';

const api = seededApi({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
const CHANGED = `subscription($after: String) { changed(after: $after) { cursor node { ${EVENT_FIELDS} } } }`;
let server: Server;
let sockets: { close(): Promise<void> };
let url: string;

beforeAll(async () => {
  const port = await freePort();
  server = await listen(api.yoga, port, '127.0.0.1');
  sockets = serveWebSockets(server, api.yoga);
  url = `ws://127.0.0.1:${port}/graphql`;
});
afterAll(async () => {
  await sockets.close();
  await closeServer(server);
});

function client(target: string, key?: string): Client {
  return createClient({ url: target, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, connectionParams: key ? { authorization: `Bearer ${key}` } : {} });
}

/** Runs one operation over the socket, gathering what comes until `count` results or its end. */
function run(
  socket: Client,
  query: string,
  variables: Record<string, unknown>,
  count: number,
): { results: Array<{ data?: { changed?: FeedEdge } | null; errors?: unknown[] }>; done: Promise<unknown>; stop(): void } {
  const results: Array<{ data?: { changed?: FeedEdge } | null; errors?: unknown[] }> = [];
  let stop = () => undefined as void;
  const done = new Promise((resolve) => {
    stop = socket.subscribe(
      { query, variables },
      {
        next: (result) => {
          results.push(result as never);
          if (results.length >= count) stop();
          if (results.length >= count) resolve(undefined);
        },
        error: (error) => resolve(error),
        complete: () => resolve(undefined),
      },
    );
  });
  return { results, done, stop: () => stop() };
}

async function upsert(id: string): Promise<void> {
  const response = await gql(
    api.yoga,
    'mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }',
    { input: { id, type: 'ORGANIZATION', name: `Socket ${id}` } },
    authorization('editor'),
  );
  expect(response.errors).toBeUndefined();
}

describe('changed over WebSockets (graphql-ws)', () => {
  it('replays after the cursor, then delivers live events, the same as the pull API, each once', async () => {
    const socket = client(url, TEST_KEYS.reader);
    try {
      const start = await feedEnd(api.yoga);
      await upsert('socket-before');
      const stream = run(socket, CHANGED, { after: start }, 3);
      await upsert('socket-live-1');
      await upsert('socket-live-2');
      await stream.done;
      const pulled = (await pullAll(api.yoga, start)).edges;
      expect(stream.results.map((result) => result.data?.changed?.cursor)).toEqual(pulled.map((edge) => edge.cursor));
      expect(stream.results.map((result) => result.data?.changed?.node.subjectId)).toEqual(['socket-before', 'socket-live-1', 'socket-live-2']);
    } finally {
      await socket.dispose();
    }
  });

  it('follows the read rules: an anonymous socket is refused when anonymous reads are off', async () => {
    const yoga = createNewsgraphYoga({ executor: api.db.executor, log: api.db.log, security: testConfig({ NEWSGRAPH_ANONYMOUS_READ: 'false' }).security });
    const port = await freePort();
    const closed = await listen(yoga, port, '127.0.0.1');
    const closedSockets = serveWebSockets(closed, yoga);
    const anonymous = client(`ws://127.0.0.1:${port}/graphql`);
    const wrongKey = client(`ws://127.0.0.1:${port}/graphql`, 'not-a-key-of-this-service');
    try {
      // The refusal comes as the operation's one result (or its error), never as an event.
      const refused = run(anonymous, CHANGED, { after: null }, 1);
      expect(JSON.stringify([await refused.done, refused.results])).toMatch(/UNAUTHENTICATED/);
      expect(refused.results.some((result) => result.data?.changed)).toBe(false);
      const unknown = run(wrongKey, CHANGED, { after: null }, 1);
      expect(JSON.stringify([await unknown.done, unknown.results])).toMatch(/UNAUTHENTICATED/);
    } finally {
      await Promise.all([anonymous.dispose(), wrongKey.dispose()]);
      await closedSockets.close();
      await closeServer(closed);
    }
  });

  it('serves only subscriptions: queries and mutations stay on HTTP', async () => {
    const socket = client(url, TEST_KEYS.editor);
    try {
      const query = run(socket, '{ __typename }', {}, 1);
      expect(JSON.stringify(await query.done)).toMatch(/Only subscriptions/);
    } finally {
      await socket.dispose();
    }
  });
});
