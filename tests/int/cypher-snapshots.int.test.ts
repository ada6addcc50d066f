import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturingDriver } from '../../bench/capture.js';
import { Executor } from '../../src/db/executor.js';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { smallBundle } from '../helpers/bundles.js';
import { openTestDatabase, TEST_KEYS, wipe } from '../helpers/neo4j.js';
import { gql } from '../helpers/yoga.js';

/**
 * The Cypher each API operation sends (every root field but extractDraft,
 * whose statements are bundleResolution's, and the subscription, whose are
 * changes'), kept in tests/int/__snapshots__/cypher/
 * (as the neo4j/graphql project's TCK keeps its translations): a change to a
 * statement, or one statement more, shows in review as a diff of these files.
 * Only the statement texts: values are parameters and never in them. After an
 * intended change, `npx vitest run tests/int/cypher-snapshots.int.test.ts -u`
 * writes them again.
 */

const EDITOR = { authorization: `Bearer ${TEST_KEYS.editor}` };
const ADMIN = { authorization: `Bearer ${TEST_KEYS.admin}` };

interface Operation {
  query: string;
  /** A function when the values come from an earlier operation's answer (see saved). */
  variables?: Record<string, unknown> | (() => Record<string, unknown>);
  headers?: Record<string, string>;
  keep?: (data: Record<string, unknown>) => void;
}

/** What later operations need from earlier answers: the investigation saveInvestigation made. The operations run in order, so one alone (-t) may fail. */
const saved = { investigationId: '' };
const savedInvestigation = () => ({ id: saved.investigationId });

const OPERATIONS: Record<string, Operation> = {
  'entity-with-relations': {
    query: `{ entity(id: "liu-xiaowu") { id name type reportedBy { quote source { name } }
      relations(first: 20) { totalCount edges { node { id type role from { id name } to { id name } reportedBy { quote reportedAt source { id name } } } } } } }`,
  },
  'entities-page': { query: '{ entities(type: PERSON, first: 20) { totalCount edges { cursor node { id name type } } pageInfo { hasNextPage endCursor } } }' },
  search: { query: '{ search(query: "Wu Qian", first: 10) { score entity { id name type } } }' },
  neighborhood: {
    query: '{ neighborhood(id: "china", depth: 2, limit: 200) { truncated nodes { id name type } relations { id type from { id } to { id } } } }',
  },
  'shortest-path': { query: '{ shortestPath(from: "liu-xiaowu", to: "russia", maxHops: 6) { length nodes { id name } relations { id type } } }' },
  'entity-min-sources': { query: '{ entity(id: "china", minSources: 2) { id name sourceCount status relations(first: 5) { totalCount } } }' },
  'entity-as-of': { query: '{ entity(id: "china", asOf: "2021-08-01") { id name relations(first: 5) { totalCount } } }' },
  source: { query: '{ source(id: "msn-news") { name reports(first: 20) { totalCount edges { node { quote document { title } } } } } }' },
  stats: { query: '{ stats { entities relations entitiesByType { type count } relationsByType { type count } } }' },
  changes: { query: '{ changes(first: 5) { edges { cursor node { sequence kind subjectId } } pageInfo { hasNextPage } } }' },
  'upsert-entity': {
    query: 'mutation($input: EntityInput!) { upsertEntity(input: $input) { id name aliases } }',
    variables: { input: { id: 'snapshot-person', type: 'PERSON', name: 'Snapshot Person', aliases: ['S. Person'] } },
    headers: EDITOR,
  },
  relation: { query: '{ relation(id: "china-participates-in-zapad-interaction-2021") { id type from { id } to { id } reportedBy { quote } } }' },
  document: { query: '{ document(id: "000-d42a34f1ce22f931") { id title publishedAt } }' },
  sources: { query: '{ sources(first: 20) { totalCount edges { node { id name } } } }' },
  timeline: { query: '{ timeline(entityId: "china") { id name startDate endDate } }' },
  'bundle-resolution': {
    query: 'query($bundle: JSON!) { bundleResolution(bundle: $bundle) { id outcome matchedId by } }',
    variables: { bundle: smallBundle({ prefix: 'snapshot-' }) },
    headers: EDITOR,
  },
  'ingest-bundle': {
    query: 'mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents entities { created matched } relations { created matched } reports } }',
    variables: { bundle: smallBundle({ prefix: 'snapshot-' }) },
    headers: EDITOR,
  },
  'upsert-relation': {
    query: 'mutation($input: RelationInput!) { upsertRelation(input: $input) { id type } }',
    variables: { input: { type: 'MEMBER_OF', from: 'snapshot-person', to: 'snapshot-alpha-corp', role: 'analyst' } },
    headers: EDITOR,
  },
  'merge-entities': {
    query: 'mutation { mergeEntities(keepId: "snapshot-jane-roe", mergeId: "snapshot-person") { id aliases } }',
    headers: ADMIN,
  },
  'delete-entity': { query: 'mutation { deleteEntity(id: "snapshot-springfield") }', headers: ADMIN },
  'group-sources': {
    query: 'mutation { groupSources(ids: ["msn-news", "snapshot-alpha-wire"], group: "snapshot group") { id } }',
    headers: ADMIN,
  },
  'save-investigation': {
    query: 'mutation($input: SaveInvestigationInput!) { saveInvestigation(input: $input) { id version } }',
    variables: { input: { name: 'Snapshot', view: { explorer: '?expand=china' } } },
    headers: EDITOR,
    keep: (data) => (saved.investigationId = (data.saveInvestigation as { id: string }).id),
  },
  investigations: { query: '{ investigations(first: 20) { totalCount edges { node { id name version } } } }', headers: EDITOR },
  investigation: { query: 'query($id: ID!) { investigation(id: $id) { id name view } }', variables: savedInvestigation, headers: EDITOR },
  'rename-investigation': {
    query: 'mutation($id: ID!) { renameInvestigation(id: $id, name: "Renamed") { id version } }',
    variables: savedInvestigation,
    headers: EDITOR,
  },
  'import-investigation': {
    query: 'mutation($file: JSON!) { importInvestigation(file: $file) { id version } }',
    variables: {
      file: {
        format: 'newsgraph.investigation',
        version: 1,
        name: 'Imported',
        notes: null,
        view: { explorer: '?expand=russia' },
        exportedAt: '2026-12-03T00:00:00Z',
      },
    },
    headers: EDITOR,
  },
  'delete-investigation': { query: 'mutation($id: ID!) { deleteInvestigation(id: $id) }', variables: savedInvestigation, headers: EDITOR },
};

const db = openTestDatabase();
const capture = capturingDriver(db.driver);
const executor = new Executor(capture.driver, db.target.database, db.log, db.config.neo4j.queryTimeoutMs);
const yoga = createNewsgraphYoga({ executor, log: db.log, security: db.config.security });
afterAll(() => db.close());

beforeAll(async () => {
  await wipe(db.executor);
  await loadSeedIfEmpty(db.executor, db.log);
}, 120_000);

describe('the Cypher each operation sends', () => {
  for (const [name, operation] of Object.entries(OPERATIONS)) {
    it(name, async () => {
      capture.statements.length = 0;
      const variables = typeof operation.variables === 'function' ? operation.variables() : operation.variables;
      const response = await gql(yoga, operation.query, variables, operation.headers);
      expect(response.errors, `${name}: ${JSON.stringify(response.errors)}`).toBeUndefined();
      operation.keep?.(response.data as Record<string, unknown>);
      const text = capture.statements
        .map((statement, index) => `// statement ${index + 1} of ${capture.statements.length}\n${statement.cypher.trim()}\n`)
        .join('\n');
      await expect(text).toMatchFileSnapshot(`__snapshots__/cypher/${name}.cypher`);
    });
  }
});
