import { afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../src/db/driver.js';
import { Executor } from '../../src/db/executor.js';
import { freePort } from '../../src/project.js';
import { openTestDatabase, testConfig } from '../helpers/neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());

describe('the database boundary', () => {
  it('writes in executeWrite and reads back in executeRead', async () => {
    await db.executor.write('CREATE (:Probe {id: $id, n: $n})', { id: 'p1', n: 42 });
    const rows = await db.executor.read<{ n: number }>('MATCH (p:Probe {id: $id}) RETURN p.n AS n', { id: 'p1' });
    expect(rows).toEqual([{ n: 42 }]);
  });

  it('runs several statements in one transaction, and rolls all back when one fails', async () => {
    await expect(
      db.executor.transaction('WRITE', async (tx) => {
        await tx.run('CREATE (:Probe {id: $id})', { id: 'rolled-back' });
        await tx.run('RETURN 1 / toInteger($zero)', { zero: 0 });
      }),
    ).rejects.toMatchObject({ extensions: { code: 'DATABASE_ERROR' } });
    expect(await db.executor.read('MATCH (p:Probe {id: $id}) RETURN p', { id: 'rolled-back' })).toEqual([]);
  });

  it('maps a unique-constraint violation to CONSTRAINT_VIOLATION', async () => {
    await db.executor.write('CREATE (:Entity {id: $id, name: $id})', { id: 'dup' });
    const failure = await db.executor.write('CREATE (:Entity {id: $id, name: $id})', { id: 'dup' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ extensions: { code: 'CONSTRAINT_VIOLATION' } });
    expect((failure as Error).message).not.toMatch(/Entity|CREATE/);
  });

  it('maps a transaction timeout to QUERY_TIMEOUT', async () => {
    const failure = await db.executor
      .read('UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x)', {}, { timeoutMs: 200 })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
  });

  it('counts every round trip', async () => {
    const before = db.executor.roundTrips;
    await db.executor.read('RETURN 1');
    await db.executor.transaction('READ', async (tx) => {
      await tx.run('RETURN 1');
      await tx.run('RETURN 2');
    });
    expect(db.executor.roundTrips - before).toBe(3);
  });

  it('maps an unreachable database to DATABASE_UNAVAILABLE', async () => {
    const config = testConfig({ NEO4J_CONNECTION_TIMEOUT_MS: '1000' });
    const deadPort = await freePort();
    const driver = createDriver({ uri: `bolt://127.0.0.1:${deadPort}`, username: 'neo4j', password: 'x' }, config.neo4j);
    const executor = new Executor(driver, 'neo4j', db.log, 1000);
    try {
      const failure = await executor.read('RETURN 1').catch((error: unknown) => error);
      expect(failure).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
      expect(await executor.ping()).toBe(false);
    } finally {
      await driver.close();
    }
  });
});
