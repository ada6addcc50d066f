import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, PROJECT_ROOT } from '../../src/project.js';
import type { FeedEdge } from '../helpers/change-feed.js';
import { testDatabaseEnv } from '../helpers/cli.js';
import { TEST_KEYS } from '../helpers/neo4j.js';

/**
 * Failover of a change-feed subscriber (issue 18): two real `newsgraph serve` processes on the run's
 * Neo4j, a subscriber of `changed` over SSE on instance A, writes going on through instance B, A killed
 * with SIGKILL (no shutdown of its streams: the kernel resets the connection). The subscriber resumes on
 * B with the cursor of the last event it received, and gets every event after its starting cursor exactly
 * once, in order: the same list the pull API `changes` gives.
 */

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
});

async function serve(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      ...testDatabaseEnv(),
      NEWSGRAPH_LOAD_SEED: 'false',
      NEWSGRAPH_API_KEYS: Object.entries(TEST_KEYS)
        .map(([role, key]) => `${role}:${key}`)
        .join(','),
      NEWSGRAPH_RATE_LIMIT_AUTHENTICATED: '0',
      NEWSGRAPH_CHANGES_POLL_MS: '200',
      LOG_LEVEL: 'warn',
    },
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`serve exited early with ${child.exitCode}`);
    if (
      (await fetch(`${url}/ready`).then(
        (response) => response.status,
        () => 0,
      )) === 200
    )
      return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('serve did not become ready');
}

async function post<T>(url: string, query: string, variables: Record<string, unknown>, key: string = TEST_KEYS.editor): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors ?? body));
  return body.data;
}

const EVENT_FIELDS = 'sequence kind subjectId';

/** Every event after the cursor through the pull API, and the end cursor. */
async function pullAll(url: string, after: string | null): Promise<{ edges: FeedEdge[]; end: string | null }> {
  const edges: FeedEdge[] = [];
  let cursor = after;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await post<{ changes: { edges: FeedEdge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      url,
      `query($after: String) { changes(after: $after, first: 1000) { edges { cursor node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      { after: cursor },
      TEST_KEYS.reader,
    );
    edges.push(...page.changes.edges);
    cursor = page.changes.pageInfo.endCursor ?? cursor;
    if (!page.changes.pageInfo.hasNextPage) return { edges, end: cursor };
  }
  throw new Error('changes kept paging');
}

interface Connection {
  url: string;
  after: string | null;
  received: number;
  ended: string;
}

/**
 * A subscriber as a client would write one: `changed` over SSE from its last cursor on the first
 * instance of the list; when the stream breaks or ends, the next instance, with the cursor of the
 * last event received.
 */
function follow(
  urls: string[],
  after: string | null,
  signal: AbortSignal,
): { edges: FeedEdge[]; connections: Connection[]; errors: unknown[]; done: Promise<void> } {
  const edges: FeedEdge[] = [];
  const connections: Connection[] = [];
  const errors: unknown[] = [];
  let cursor = after;
  const done = (async () => {
    for (let i = 0; !signal.aborted && i < 20; i += 1) {
      const connection: Connection = { url: urls[i % urls.length]!, after: cursor, received: 0, ended: '' };
      connections.push(connection);
      try {
        const response = await fetch(`${connection.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${TEST_KEYS.reader}` },
          body: JSON.stringify({
            query: `subscription($after: String) { changed(after: $after) { cursor node { ${EVENT_FIELDS} } } }`,
            variables: { after: cursor },
          }),
          signal,
        });
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done: finished } = await reader.read();
          if (finished) break;
          buffer += decoder.decode(value, { stream: true });
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5))
              .join('');
            buffer = buffer.slice(end + 2);
            if (!data.trim()) continue;
            const message = JSON.parse(data) as { data?: { changed?: FeedEdge }; errors?: unknown[] };
            if (message.errors) errors.push(...message.errors);
            const edge = message.data?.changed;
            if (!edge) continue;
            edges.push(edge);
            connection.received += 1;
            cursor = edge.cursor;
          }
        }
        connection.ended = 'stream ended';
      } catch (error) {
        connection.ended = (error as Error).message;
      }
      if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return { edges, connections, errors, done };
}

async function until(what: string, condition: () => boolean, waitMs = 120_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('change feed failover between two instances', () => {
  it(
    'a subscriber on an instance killed with SIGKILL resumes on the other with its last cursor and gets every event once, in order',
    { timeout: 600_000 },
    async () => {
      const [a, b] = await Promise.all([serve(), serve()]);
      // One event first, so the starting cursor is a real one.
      await post(b.url, 'mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }', {
        input: { id: 'failover-start', type: 'ORGANIZATION', name: 'Failover start' },
      });
      const start = (await pullAll(b.url, null)).end;
      expect(start).not.toBeNull();
      const stop = new AbortController();
      const subscriber = follow([a.url, b.url], start, stop.signal);

      // A writer through B, one write after another, until told to stop: upserts and bundle ingests (many events in one transaction).
      let writing = true;
      let written = 0;
      const writeErrors: string[] = [];
      const writer = (async () => {
        for (let n = 0; writing; n += 1) {
          const id = `failover-${n}`;
          try {
            if (n % 3 === 2) {
              const text = `Failover Org ${n} said on Monday that it works with Failover Group ${n}.`;
              const at = (quote: string) => ({ quote, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
              await post(b.url, 'mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents } }', {
                bundle: {
                  format: 'newsgraph.bundle',
                  version: 1,
                  document: { id: `${id}-doc`, title: `Failover ${n}`, publishedAt: '2026-12-02', url: null, text },
                  sources: [{ id: `${id}-wire`, name: `Failover Wire ${n}`, kind: 'outlet' }],
                  entities: [
                    { id: `${id}-org`, type: 'ORGANIZATION', name: `Failover Org ${n}`, aliases: [] },
                    { id: `${id}-group`, type: 'ORGANIZATION', name: `Failover Group ${n}`, aliases: [] },
                  ],
                  relations: [{ id: `${id}-member`, type: 'MEMBER_OF', from: `${id}-org`, to: `${id}-group` }],
                  reports: [
                    { id: 'r-org', subject: { entity: `${id}-org` }, source: `${id}-wire`, ...at(`Failover Org ${n} said on Monday`) },
                    { id: 'r-member', subject: { relation: `${id}-member` }, source: `${id}-wire`, ...at(text) },
                  ],
                },
              });
            } else {
              await post(b.url, 'mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }', {
                input: { id, type: 'ORGANIZATION', name: `Failover ${n}` },
              });
            }
            written += 1;
          } catch (error) {
            writeErrors.push((error as Error).message);
          }
        }
      })();

      try {
        // The subscriber is connected to A and receiving B's writes there.
        await until('events on A', () => (subscriber.connections[0]?.received ?? 0) >= 10);
        expect(subscriber.connections[0]!.url).toBe(a.url);
        const exited = once(a.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
        a.child.kill('SIGKILL');
        const [, signal] = await exited;
        expect(signal).toBe('SIGKILL');

        // Writes go on through B; the subscriber must get them from B.
        const writtenAtKill = written;
        await until(
          'events on B after the kill',
          () => subscriber.connections.some((connection) => connection.url === b.url && connection.received >= 10) && written >= writtenAtKill + 10,
        );
        writing = false;
        await writer;
        expect(writeErrors).toEqual([]);

        const expected = await pullAll(b.url, start);
        const last = expected.edges.at(-1)!.node.sequence;
        await until('the last event at the subscriber', () => (subscriber.edges.at(-1)?.node.sequence ?? -1) >= last);
        // A moment for anything repeated after the last event to show.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        stop.abort();
        await subscriber.done;

        // What A had sent before it died may still be read after the kill: its count is the connection's own.
        const [onA, onB] = subscriber.connections;
        const receivedOnA = onA!.received;
        console.log(
          `[failover] ${expected.edges.length} events after the starting cursor (${written} writes through B), ${receivedOnA} received on A before SIGKILL; connections: ${JSON.stringify(subscriber.connections.map(({ url, received, ended }) => ({ instance: url === a.url ? 'A' : 'B', received, ended: ended.slice(0, 80) })))}`,
        );
        expect(subscriber.errors).toEqual([]);
        // Exactly once and in order: the subscriber's list is the pull API's, event for event.
        expect(subscriber.edges.map((edge) => edge.node.sequence)).toEqual(expected.edges.map((edge) => edge.node.sequence));
        expect(subscriber.edges.map((edge) => edge.cursor)).toEqual(expected.edges.map((edge) => edge.cursor));
        expect(subscriber.edges.map((edge) => edge.node.subjectId)).toEqual(expected.edges.map((edge) => edge.node.subjectId));
        // The first connection was A's, cut by the kill; the next went to B after the last event received on A.
        expect(onA).toMatchObject({ url: a.url, after: start });
        expect(onB).toMatchObject({ url: b.url, after: subscriber.edges[receivedOnA - 1]!.cursor });
        expect(
          subscriber.connections
            .slice(1)
            .filter((connection) => connection.url === a.url)
            .every((connection) => connection.received === 0),
        ).toBe(true);
        expect(expected.edges.length).toBeGreaterThan(receivedOnA);
      } finally {
        writing = false;
        await writer;
        stop.abort();
        await subscriber.done;
      }
    },
  );
});
