import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { freePort } from '../../src/project.js';
import { Executor } from '../../src/db/executor.js';
import { closeServer, listen } from '../../src/server/http.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { openTestDatabase } from '../helpers/neo4j.js';
import { gql, settledReadyStatus } from '../helpers/yoga.js';

const db = openTestDatabase();
const yoga = createNewsgraphYoga({ executor: db.executor, log: db.log, security: db.config.security });
afterAll(() => db.close());

describe('the Yoga app, in-process', () => {
  it('answers { __typename }', async () => {
    const response = await gql(yoga, '{ __typename }');
    expect(response).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });

  it('serves /health and /ready', async () => {
    expect((await yoga.fetch('http://newsgraph.test/health')).status).toBe(200);
    expect(await settledReadyStatus(async () => (await yoga.fetch('http://newsgraph.test/ready')).status)).toBe(200);
  });

  it('reads stats from the database', async () => {
    await db.executor.write(
      "CREATE (:Entity:Person {id: 'stats-p', type: 'PERSON', name: 'P'}), (:Entity:Country {id: 'stats-c', type: 'COUNTRY', name: 'C'})",
    );
    const response = await gql<{ stats: { entities: number; entitiesByType: Array<{ type: string; count: number }> } }>(
      yoga,
      '{ stats { entities entitiesByType { type count } } }',
    );
    expect(response.data?.stats.entities).toBeGreaterThanOrEqual(2);
    expect(response.data?.stats.entitiesByType).toContainEqual({ type: 'PERSON', count: expect.any(Number) });
  });

  it('echoes a safe request id and makes one up otherwise', async () => {
    const given = await yoga.fetch('http://newsgraph.test/health', { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const unsafe = await yoga.fetch('http://newsgraph.test/health', { headers: { 'x-request-id': 'a b\nc' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves GraphiQL to browsers', async () => {
    const response = await yoga.fetch('http://newsgraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('graphiql');
  });
});

describe('when the database is unreachable', () => {
  let deadYoga: ReturnType<typeof createNewsgraphYoga>;
  let driver: ReturnType<typeof createDriver>;
  beforeAll(async () => {
    driver = createDriver({ uri: `bolt://127.0.0.1:${await freePort()}`, username: 'neo4j', password: 'x' }, { ...db.config.neo4j, connectionTimeoutMs: 1000 });
    deadYoga = createNewsgraphYoga({ executor: new Executor(driver, 'neo4j', db.log, 1000), log: db.log, security: db.config.security });
  });
  afterAll(() => driver.close());

  it('answers /ready with 503 but /health with 200', async () => {
    expect((await deadYoga.fetch('http://newsgraph.test/ready')).status).toBe(503);
    expect((await deadYoga.fetch('http://newsgraph.test/health')).status).toBe(200);
  });

  it('fails queries with DATABASE_UNAVAILABLE and no driver detail', async () => {
    const response = await gql(deadYoga, '{ stats { entities } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(JSON.stringify(response.errors)).not.toMatch(/ECONNREFUSED|bolt:|stack/i);
  });

  it('answers 503 when the database left the answer without data, whichever JSON the client accepts', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const response = await gql(deadYoga, '{ stats { entities } }', {}, { accept });
      expect(response).toMatchObject({ status: 503, data: null, errors: [{ extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
    }
  });
});

describe('over real HTTP', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = await listen(yoga, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => closeServer(server));

  it('answers a GraphQL POST and the probes', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(await settledReadyStatus(async () => (await fetch(`${base}/ready`)).status)).toBe(200);
  });
});
