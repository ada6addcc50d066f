import { describe, expect, it } from 'vitest';
import * as explorerQueries from '../../explorer/src/queries.js';
import { readinessOf } from '../../src/server/readiness-of.js';
import { EXPLORER_OPERATIONS, loadExplorerQueries, type ExplorerQueries } from '../../src/server/warm-up-explorer.js';
import { EXPLORER_WARM_UP_BUDGET_MS, warmUp } from '../../src/server/warm-up.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { seededApi } from '../helpers/api.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';
import { wipe } from '../helpers/neo4j.js';

const api = seededApi();
// Beyond the warm-up's own bound (the explorer's lane stops sending after EXPLORER_WARM_UP_BUDGET_MS) on a loaded machine; not a speed check.
const WARM_UP_TEST_TIMEOUT_MS = EXPLORER_WARM_UP_BUDGET_MS + 90_000;

// Fails to compile when a builder the warm-up calls changes its parameters in the explorer.
const explorerBuilders: ExplorerQueries = explorerQueries;

/** The exports of explorer/src/queries.ts that are requests the explorer sends: operation texts, and functions building one. */
function explorerRequestKinds(): string[] {
  return Object.entries(explorerQueries)
    .filter(
      ([name, value]) =>
        (typeof value === 'string' && /^\s*(query|mutation|subscription)\b/.test(value)) || (typeof value === 'function' && /(Query|Request)$/.test(name)),
    )
    .map(([name]) => name)
    .sort();
}

describe('the warm-up before /ready', () => {
  it(
    'runs the common reads and writes without changing the graph',
    async () => {
      const services = { executor: api.db.executor, log: api.db.log, security: api.db.config.security };
      const before = await graphSnapshot(api.db.executor);
      const statementsBefore = api.db.executor.roundTrips;
      const report = await warmUp(services);
      expect(report.failed).toEqual([]);
      // The writes really ran (and were rolled back): ingest alone sends several statements.
      expect(api.db.executor.roundTrips - statementsBefore).toBeGreaterThan(report.operations);
      expect(await graphSnapshot(api.db.executor)).toEqual(before);
    },
    WARM_UP_TEST_TIMEOUT_MS,
  );

  it(
    "sends a request of each kind the explorer sends, built by the explorer's own builders",
    async () => {
      const kinds = explorerRequestKinds();
      // The panels, search, neighbourhoods, path, stats and the export's reads, at least.
      expect(kinds).toEqual(
        expect.arrayContaining([
          'STATS',
          'RELATION_PANEL',
          'DOCUMENT_TEXT',
          'searchQuery',
          'neighborhoodsQuery',
          'pathQuery',
          'entityPanelQuery',
          'detailsQuery',
        ]),
      );
      expect(kinds.filter((kind) => !(kind in EXPLORER_OPERATIONS))).toEqual([]);
      // The warm-up loads the same module the explorer is built from.
      expect(Object.keys(await loadExplorerQueries()).sort()).toEqual(Object.keys(explorerBuilders).sort());
      const report = await warmUp({ executor: api.db.executor, log: api.db.log, security: api.db.config.security });
      expect(report.failed).toEqual([]);
      expect([...(report.explorer ?? [])].sort()).toEqual(Object.keys(EXPLORER_OPERATIONS).sort());
    },
    WARM_UP_TEST_TIMEOUT_MS,
  );

  it(
    "sends the explorer's requests through the HTTP application when it has one, as the explorer does",
    async () => {
      const yoga = createNewsgraphYoga({ executor: api.db.executor, log: api.db.log, security: api.db.config.security });
      const sent: Array<{ client: string | null; operation: string }> = [];
      const application = async (request: Request) => {
        const body = (await request.clone().json()) as { query: string };
        sent.push({ client: request.headers.get('x-newsgraph-client'), operation: /^\s*query\s+(\w+)/.exec(body.query)?.[1] ?? '' });
        return yoga.fetch(request);
      };
      const report = await warmUp({ executor: api.db.executor, log: api.db.log, security: api.db.config.security }, application);
      expect(report.failed).toEqual([]);
      expect([...(report.explorer ?? [])].sort()).toEqual(Object.keys(EXPLORER_OPERATIONS).sort());
      // The explorer's operations, each over HTTP, marked as the warm-up's.
      expect(new Set(sent.map((request) => request.operation))).toEqual(
        new Set(['Stats', 'Search', 'Neighborhoods', 'Entity', 'Relation', 'Path', 'Details', 'DocumentText']),
      );
      expect(sent.every((request) => request.client === 'warm-up')).toBe(true);
    },
    WARM_UP_TEST_TIMEOUT_MS,
  );

  it(
    'reports no failure on an empty graph either',
    async () => {
      await wipe(api.db.executor);
      const report = await warmUp({ executor: api.db.executor, log: api.db.log, security: api.db.config.security });
      expect(report.failed).toEqual([]);
      expect(await graphSnapshot(api.db.executor)).toEqual({ nodes: [], relationships: [] });
    },
    WARM_UP_TEST_TIMEOUT_MS,
  );

  it(
    'is what /ready waits for',
    async () => {
      const readiness = readinessOf({ executor: api.db.executor, log: api.db.log, security: api.db.config.security });
      const yoga = createNewsgraphYoga({ executor: api.db.executor, log: api.db.log, security: api.db.config.security, readiness });
      expect((await yoga.fetch('http://newsgraph.test/ready')).status).toBe(503);
      await readiness.whenReady();
      expect((await yoga.fetch('http://newsgraph.test/ready')).status).toBe(200);
      readiness.drain();
      expect((await yoga.fetch('http://newsgraph.test/ready')).status).toBe(503);
    },
    WARM_UP_TEST_TIMEOUT_MS,
  );
});
