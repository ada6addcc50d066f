import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ChangeFeed, type PeerWake } from '../../src/changes/feed.js';
import { redisWake } from '../../src/changes/redis-wake.js';
import { freePort } from '../../src/project.js';
import { createNewsgraphYoga, type NewsgraphYoga } from '../../src/server/yoga.js';
import { authorization, seededApi } from '../helpers/api.js';
import { gql } from '../helpers/yoga.js';
import { feedEnd, pullAll, subscribeSse, type FeedEdge } from '../helpers/change-feed.js';
import { openTestDatabase, testConfig, type TestDatabase } from '../helpers/neo4j.js';

const api = seededApi({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
const UPSERT = 'mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }';
const REDIS_SERVER = '/usr/bin/redis-server';

async function upsert(id: string, yoga: NewsgraphYoga = api.yoga): Promise<void> {
  const response = await gql(yoga, UPSERT, { input: { id, type: 'ORGANIZATION', name: `Live ${id}` } }, authorization('editor'));
  expect(response.errors).toBeUndefined();
}

const keys = (edges: FeedEdge[]) => edges.map((edge) => edge.node.sequence);

/** A second API instance on the same Neo4j: its own driver, executor and feed, as another process would have. */
function secondInstance(options: { pollMs: number; peers?: PeerWake }): { yoga: NewsgraphYoga; feed: ChangeFeed; db: TestDatabase } {
  const db = openTestDatabase({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
  const feed = new ChangeFeed(db.executor, db.log, { pollMs: options.pollMs, retentionSeconds: 7 * 86_400 });
  if (options.peers) feed.connectPeers(options.peers);
  const yoga = createNewsgraphYoga({ executor: db.executor, log: db.log, security: testConfig().security, changeFeed: feed });
  return { yoga, feed, db };
}

describe('changed over Server-Sent Events', () => {
  it('replays the events after a cursor, then delivers live ones, with no gap and no repeat at the seam', async () => {
    const start = await feedEnd(api.yoga);
    for (let i = 0; i < 5; i++) await upsert(`replayed-${i}`);
    const subscription = subscribeSse(api.yoga, { after: start });
    // Writers racing the replay: some of these commit while the stream reads its backlog, some after.
    const racing = Promise.all(Array.from({ length: 10 }, (_, i) => upsert(`racing-${i}`)));
    await subscription.waitFor(5);
    await racing;
    await upsert('live-last');
    const pulled = (await pullAll(api.yoga, start)).edges;
    expect(pulled).toHaveLength(16);
    const received = await subscription.waitFor(16);
    await subscription.close();
    expect(keys(received)).toEqual(keys(pulled));
    expect(received.map((edge) => edge.cursor)).toEqual(pulled.map((edge) => edge.cursor));
    expect(subscription.edges).toHaveLength(16);
    expect(subscription.errors).toEqual([]);
  });

  it('resumes from the last cursor received: the events written while away, then live ones, each once', async () => {
    const first = subscribeSse(api.yoga, { after: await feedEnd(api.yoga) });
    await upsert('before-break');
    const [last] = await first.waitFor(1);
    await first.close();
    await upsert('while-away-1');
    await upsert('while-away-2');
    const resumed = subscribeSse(api.yoga, { after: last!.cursor });
    await resumed.waitFor(2);
    await upsert('after-resume');
    const received = await resumed.waitFor(3);
    await resumed.close();
    expect(received.map((edge) => edge.node.subjectId)).toEqual(['while-away-1', 'while-away-2', 'after-resume']);
    expect(keys(received)).toEqual([1, 2, 3].map((i) => last!.node.sequence + i));
  });

  it('without a cursor delivers only what commits after it started; filters by kind and entity', async () => {
    const feed = new ChangeFeed(api.db.executor, api.db.log, { pollMs: 500, retentionSeconds: 7 * 86_400 });
    const yoga = createNewsgraphYoga({ executor: api.db.executor, log: api.db.log, security: api.db.config.security, changeFeed: feed });
    const live = subscribeSse(yoga, {});
    const filtered = subscribeSse(yoga, { after: await feedEnd(api.yoga), entityIds: ['filtered-b'] });
    // A stream without a cursor starts at the head it read when it opened: write only once both are open.
    while (feed.subscribers < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await upsert('filtered-a');
    await upsert('filtered-b');
    const [a] = await live.waitFor(1);
    expect(a!.node.subjectId).toBe('filtered-a');
    const [b] = await filtered.waitFor(1);
    await Promise.all([live.close(), filtered.close()]);
    // A client that goes away ends its subscription on the server.
    while (feed.subscribers > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await feed.close();
    expect(b!.node.subjectId).toBe('filtered-b');
    expect(filtered.edges).toHaveLength(1);
  });

  it('refuses a stream to an anonymous caller when anonymous reads are off', async () => {
    const closed = createNewsgraphYoga({ executor: api.db.executor, log: api.db.log, security: testConfig({ NEWSGRAPH_ANONYMOUS_READ: 'false' }).security });
    const refused = subscribeSse(closed, { after: null }, 'anonymous');
    await refused.ended;
    expect(JSON.stringify(refused.errors)).toMatch(/UNAUTHENTICATED/);
    expect(refused.edges).toEqual([]);
  });
});

describe('several instances on one Neo4j', () => {
  it('a second instance, polling, delivers a write made on the first', async () => {
    const b = secondInstance({ pollMs: 200 });
    try {
      const subscription = subscribeSse(b.yoga, { after: await feedEnd(api.yoga) });
      await upsert('written-on-a');
      const [edge] = await subscription.waitFor(1);
      await subscription.close();
      expect(edge!.node.subjectId).toBe('written-on-a');
    } finally {
      await b.feed.close();
      await b.db.close();
    }
  });

  it('20 parallel writers on two instances reach a subscriber of each as the same 20 events, in order, without gaps', async () => {
    const b = secondInstance({ pollMs: 200 });
    try {
      const after = await feedEnd(api.yoga);
      const onA = subscribeSse(api.yoga, { after });
      const onB = subscribeSse(b.yoga, { after });
      await Promise.all(Array.from({ length: 20 }, (_, i) => upsert(`two-instances-${i}`, i % 2 === 0 ? api.yoga : b.yoga)));
      const [fromA, fromB] = await Promise.all([onA.waitFor(20), onB.waitFor(20)]);
      await Promise.all([onA.close(), onB.close()]);
      expect(keys(fromA)).toEqual(keys(fromA).map((_, i) => fromA[0]!.node.sequence + i));
      expect(keys(fromB)).toEqual(keys(fromA));
      expect(fromA.map((edge) => edge.node.subjectId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `two-instances-${i}`).sort());
      expect(onA.edges).toHaveLength(20);
      expect(onB.edges).toHaveLength(20);
    } finally {
      await b.feed.close();
      await b.db.close();
    }
  });

  describe.runIf(existsSync(REDIS_SERVER))('with Redis waking the instances', () => {
    let redis: ChildProcess | undefined;
    afterAll(() => {
      redis?.kill('SIGTERM');
    });

    it("delivers through the other instance on Redis's wake-up, polling slowed to a minute, Redis started after both", async () => {
      const port = await freePort();
      const url = `redis://127.0.0.1:${port}`;
      const channel = `newsgraph:changes:test-${port}`;
      const heard: number[] = [];
      const wakeB = redisWake(url, channel, api.db.log);
      wakeB.onWake((sequence) => heard.push(sequence));
      const b = secondInstance({ pollMs: 60_000, peers: wakeB });
      const a = new ChangeFeed(api.db.executor, api.db.log, { pollMs: 60_000, retentionSeconds: 7 * 86_400 });
      a.connectPeers(redisWake(url, channel, api.db.log));
      try {
        // Both instances try Redis before it runs, and are refused for a second: an API that starts before its Redis
        // must still subscribe once Redis comes up.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        redis = spawn(REDIS_SERVER, ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' });
        // A publisher not yet reconnected skips its wake-up (the poll covers it): write until one wake-up has gone from
        // A's publisher to B's subscriber, so the chain is up before the write under test.
        for (let i = 0; i < 40 && heard.length === 0; i++) {
          await upsert(`redis-warm-up-${i}`);
          for (let j = 0; j < 5 && heard.length === 0; j++) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(heard.length).toBeGreaterThan(0);
        const subscription = subscribeSse(b.yoga, { after: await feedEnd(api.yoga) });
        await upsert('woken-by-redis');
        const [edge] = await subscription.waitFor(1);
        await subscription.close();
        expect(edge!.node.subjectId).toBe('woken-by-redis');
        // The subscription's replay may deliver the event before the wake-up arrives: the wake-up must still come.
        for (let i = 0; i < 50 && !heard.includes(edge!.node.sequence); i++) await new Promise((resolve) => setTimeout(resolve, 100));
        expect(heard).toContain(edge!.node.sequence);
      } finally {
        await a.close();
        await b.feed.close();
        await b.db.close();
      }
    });
  });

  if (!existsSync(REDIS_SERVER)) it.skip(`with Redis: skipped, ${REDIS_SERVER} is not installed here (CI installs it: .ci/run)`, () => {});
});
