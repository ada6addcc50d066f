import { describe, expect, it } from 'vitest';
import { readinessOf } from '../../src/server/readiness-of.js';
import { warmUp } from '../../src/server/warm-up.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { seededApi } from '../helpers/api.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';
import { wipe } from '../helpers/neo4j.js';

const api = seededApi();

describe('the warm-up before /ready', () => {
  it('runs the common reads and writes without changing the graph', async () => {
    const services = { executor: api.db.executor, log: api.db.log, security: api.db.config.security };
    const before = await graphSnapshot(api.db.executor);
    const statementsBefore = api.db.executor.roundTrips;
    const report = await warmUp(services);
    expect(report.failed).toEqual([]);
    // The writes really ran (and were rolled back): ingest alone sends several statements.
    expect(api.db.executor.roundTrips - statementsBefore).toBeGreaterThan(report.operations);
    expect(await graphSnapshot(api.db.executor)).toEqual(before);
  });

  it('reports no failure on an empty graph either', async () => {
    await wipe(api.db.executor);
    const report = await warmUp({ executor: api.db.executor, log: api.db.log, security: api.db.config.security });
    expect(report.failed).toEqual([]);
    expect(await graphSnapshot(api.db.executor)).toEqual({ nodes: [], relationships: [] });
  });

  it('is what /ready waits for', async () => {
    const readiness = readinessOf({ executor: api.db.executor, log: api.db.log, security: api.db.config.security });
    const yoga = createNewsgraphYoga({ executor: api.db.executor, log: api.db.log, security: api.db.config.security, readiness });
    expect((await yoga.fetch('http://newsgraph.test/ready')).status).toBe(503);
    await readiness.whenReady();
    expect((await yoga.fetch('http://newsgraph.test/ready')).status).toBe(200);
    readiness.drain();
    expect((await yoga.fetch('http://newsgraph.test/ready')).status).toBe(503);
  });
});
