import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/db/embedded.js';
import { freePort } from '../../src/project.js';
import { Executor } from '../../src/db/executor.js';
import { migrate } from '../../src/db/migrate.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { authorization } from '../helpers/api.js';
import { testConfig } from '../helpers/neo4j.js';
import { gql } from '../helpers/yoga.js';
import { startWriteLoad } from '../helpers/write-load.js';
import { createLogger } from '../../src/logger.js';

/** The embedded Neo4j of this file alone, so stopping it does not disturb the other files' database. */
const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-outage-'));
const log = createLogger('silent');
const config = testConfig({ NEO4J_CONNECTION_TIMEOUT_MS: '1000', NEO4J_QUERY_TIMEOUT_MS: '3000' });
let port: number;
let neo4j: EmbeddedNeo4j;
let driver: ReturnType<typeof createDriver>;
let yoga: ReturnType<typeof createNewsgraphYoga>;

const start = () => startEmbeddedNeo4j({ dataDir, port, heap: '512m', pageCache: '64m', log });
const ready = async () => (await yoga.fetch('http://newsgraph.test/ready')).status;
const upsert = (id: string) =>
  gql<{ upsertEntity: { id: string } }>(
    yoga,
    `mutation { upsertEntity(input: {id: "${id}", type: PERSON, name: "Person ${id}"}) { id } }`,
    {},
    authorization('editor'),
  );

async function waitFor(status: number): Promise<number> {
  const started = Date.now();
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if ((await ready()) === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`/ready never answered ${status}`);
}

beforeAll(async () => {
  port = await freePort();
  neo4j = await start();
  driver = createDriver({ uri: neo4j.uri, username: 'neo4j', password: 'x' }, config.neo4j);
  const executor = new Executor(driver, 'neo4j', log, config.neo4j.queryTimeoutMs);
  await migrate(executor);
  yoga = createNewsgraphYoga({ executor, log, security: config.security });
}, 180_000);

afterAll(async () => {
  await driver?.close();
  await neo4j?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a database outage under load', () => {
  it('answers 503 and DATABASE_UNAVAILABLE while Neo4j is down, recovers without a restart, and keeps every acknowledged write', async () => {
    // Ready first, so that the 503 below is the outage's and not a cold start's.
    await waitFor(200);
    // Clients keep writing and reading through the whole outage.
    const load = startWriteLoad(4, 'outage', upsert, () => gql(yoga, '{ stats { entities } }'));
    const { acknowledged } = load;
    for (let wait = 0; wait < 600 && acknowledged.length < 8; wait += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(acknowledged.length).toBeGreaterThanOrEqual(8);

    await neo4j.stop();
    const downAfterMs = await waitFor(503);
    const during = await gql(yoga, '{ stats { entities } }');
    expect(during.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    expect(JSON.stringify(during.errors)).not.toMatch(/bolt|ECONNREFUSED| {4}at /);

    neo4j = await start();
    const upAfterMs = await waitFor(200);
    await load.stop();
    const failures = [...load.failures];
    console.log(
      `[outage] /ready 503 after ${downAfterMs} ms, 200 again ${upAfterMs} ms after restart; ${acknowledged.length} acknowledged writes, failures: ${[...new Set(failures)].join(', ')}`,
    );
    // Failed writes during the outage said why, in the one code a client can act on.
    expect(new Set(failures.filter((code) => code !== 'DATABASE_UNAVAILABLE' && code !== 'QUERY_TIMEOUT'))).toEqual(new Set());

    const after = await upsert('after-recovery');
    expect(after.errors).toBeUndefined();
    const stored = await driver.executeQuery('MATCH (e:Entity) WHERE e.id IN $ids RETURN count(e) AS n', { ids: acknowledged });
    expect(stored.records[0]!.get('n')).toBe(acknowledged.length);
  }, 240_000);
});
