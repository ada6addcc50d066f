import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommittedWrite } from '../../src/db/executor.js';
import { ingestBundle } from '../../src/ingest/ingest.js';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
import { schema } from '../../src/schema/index.js';
import { ChangeFeed } from '../../src/changes/feed.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { seededApi } from '../helpers/api.js';
import { testConfig } from '../helpers/neo4j.js';
import { smallBundle } from '../helpers/bundles.js';
import { feedEnd, pullAll, type FeedEdge } from '../helpers/change-feed.js';
import { gql } from '../helpers/yoga.js';

// A loaded machine can take longer than the default 5 s to compile a cold write statement.
const api = seededApi({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
const committed: CommittedWrite[] = [];
api.db.executor.onCommit((write) => committed.push(write));

/** The events a piece of work appended, read through the pull API from the end before it. */
async function eventsOf(work: () => Promise<unknown>): Promise<FeedEdge[]> {
  const before = await feedEnd(api.yoga);
  await work();
  return (await pullAll(api.yoga, before)).edges;
}

const kindsOf = (edges: FeedEdge[]) => [...new Set(edges.map((edge) => edge.node.kind))].sort();

async function mutate(source: string, variables: Record<string, unknown>, as: 'editor' | 'admin' = 'editor') {
  const response = await api.query(source, variables, as);
  expect(response.errors).toBeUndefined();
  return response.data;
}

const UPSERT_ENTITY = 'mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }';

// Each mutation of the schema, and what it must append; a new mutation fails the enumeration below until listed.
const MUTATION_EVENTS: Record<string, string[] | string> = {
  upsertEntity: ['ENTITY_UPSERTED'],
  upsertRelation: ['RELATION_UPSERTED'],
  deleteEntity: ['ENTITY_DELETED', 'RELATION_DELETED'],
  mergeEntities: ['ENTITIES_MERGED'],
  ingestBundle: ['DOCUMENT_INGESTED', 'ENTITY_UPSERTED', 'RELATION_UPSERTED', 'REPORT_ADDED', 'SOURCE_UPSERTED'],
  groupSources: ['SOURCE_GROUPED'],
  extractDraft: 'writes nothing: it returns a draft bundle',
  saveInvestigation: "not in the feed: a saved investigation is its owner's (docs/investigations.md)",
  renameInvestigation: "not in the feed: a saved investigation is its owner's",
  deleteInvestigation: "not in the feed: a saved investigation is its owner's",
  importInvestigation: "not in the feed: a saved investigation is its owner's",
};

describe('the outbox', () => {
  it('knows every mutation of the schema', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(mutations.filter((name) => !(name in MUTATION_EVENTS))).toEqual([]);
  });

  it('records the seed load (a bundle ingest without a caller) with the local actor', async () => {
    const { edges } = await pullAll(api.yoga, null);
    expect(kindsOf(edges)).toEqual(['DOCUMENT_INGESTED', 'ENTITY_UPSERTED', 'RELATION_UPSERTED', 'REPORT_ADDED', 'SOURCE_UPSERTED']);
    expect(edges[0]!.node.actor).toEqual({ role: null, via: 'local', principal: null });
    expect(edges.map((edge) => edge.node.sequence)).toEqual(edges.map((_, i) => i + 1));
  });

  it('appends the events of each mutation in its own transaction, naming the caller', async () => {
    const entity = await eventsOf(() => mutate(UPSERT_ENTITY, { input: { id: 'feed-org', type: 'ORGANIZATION', name: 'Feed Org' } }));
    expect(entity.map((edge) => [edge.node.kind, edge.node.subjectId, edge.node.entityIds])).toEqual([['ENTITY_UPSERTED', 'feed-org', ['feed-org']]]);
    expect(entity[0]!.node.actor).toMatchObject({ role: 'editor', via: 'api-key' });
    expect(entity[0]!.node.actor.principal).toMatch(/^key:[0-9a-f]{16}$/);

    await mutate(UPSERT_ENTITY, { input: { id: 'feed-person', type: 'PERSON', name: 'Feed Person' } });
    const relation = await eventsOf(() =>
      mutate('mutation($input: RelationInput!) { upsertRelation(input: $input) { id } }', {
        input: { type: 'MEMBER_OF', from: 'feed-person', to: 'feed-org' },
      }),
    );
    expect(relation.map((edge) => [edge.node.kind, edge.node.entityIds])).toEqual([['RELATION_UPSERTED', ['feed-person', 'feed-org']]]);

    await mutate(UPSERT_ENTITY, { input: { id: 'feed-org-2', type: 'ORGANIZATION', name: 'Feed Org Two' } });
    const merge = await eventsOf(() => mutate('mutation { mergeEntities(keepId: "feed-org", mergeId: "feed-org-2") { id } }', {}, 'admin'));
    expect(merge.map((edge) => edge.node)).toMatchObject([
      { kind: 'ENTITIES_MERGED', subjectId: 'feed-org', mergedId: 'feed-org-2', entityIds: ['feed-org', 'feed-org-2'] },
    ]);

    const relationId = relation[0]!.node.subjectId;
    const deleted = await eventsOf(() => mutate('mutation { deleteEntity(id: "feed-person") }', {}, 'admin'));
    expect(deleted.map((edge) => [edge.node.kind, edge.node.subjectId])).toEqual([
      ['RELATION_DELETED', relationId],
      ['ENTITY_DELETED', 'feed-person'],
    ]);

    const grouped = await eventsOf(() => mutate('mutation { groupSources(ids: ["msn-news"], group: "Feed Group") { id } }', {}, 'admin'));
    expect(grouped.map((edge) => [edge.node.kind, edge.node.subjectId])).toEqual([['SOURCE_GROUPED', 'msn-news']]);
    expect(grouped[0]!.node.entityIds.length).toBeGreaterThan(0);
  });

  it('appends one event per record of an ingested bundle, under the ids resolution gave', async () => {
    const bundle = smallBundle({ prefix: 'feed-', documentId: 'feed-doc' });
    const edges = await eventsOf(() => mutate('mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents } }', { bundle }));
    expect(kindsOf(edges)).toEqual(MUTATION_EVENTS.ingestBundle);
    const count = (kind: string) => edges.filter((edge) => edge.node.kind === kind).length;
    expect([count('DOCUMENT_INGESTED'), count('SOURCE_UPSERTED'), count('ENTITY_UPSERTED'), count('RELATION_UPSERTED'), count('REPORT_ADDED')]).toEqual([
      1, 1, 3, 1, 4,
    ]);
    const memberReport = edges.find((edge) => edge.node.subjectId === 'feed-doc/r-member')!.node;
    expect(memberReport).toMatchObject({
      kind: 'REPORT_ADDED',
      documentId: 'feed-doc',
      relationId: 'feed-jane-roe-member-of-alpha-corp',
      entityIds: ['feed-jane-roe', 'feed-alpha-corp'],
    });
    expect(edges.find((edge) => edge.node.kind === 'DOCUMENT_INGESTED')!.node.entityIds.sort()).toEqual([
      'feed-alpha-corp',
      'feed-jane-roe',
      'feed-springfield',
    ]);
  });

  it('records library and CLI ingests (bundle and NDJSON stream), a stream one transaction per batch', async () => {
    const library = await eventsOf(() => ingestBundle(api.db.executor, smallBundle({ prefix: 'lib-', documentId: 'lib-doc' })));
    expect(kindsOf(library)).toEqual(MUTATION_EVENTS.ingestBundle);
    expect(library[0]!.node.actor.via).toBe('local');

    const bundle = smallBundle({ prefix: 'nd-', documentId: 'nd-doc' });
    const lines: unknown[] = [
      { record: 'header', format: 'newsgraph.bundle', version: 1 },
      { record: 'document', ...bundle.document },
    ];
    for (const source of bundle.sources) lines.push({ record: 'source', ...source });
    for (const entity of bundle.entities) lines.push({ record: 'entity', ...entity });
    for (const relation of bundle.relations) lines.push({ record: 'relation', ...relation });
    for (const report of bundle.reports) lines.push({ record: 'report', document: bundle.document.id, ...report });
    const path = join(mkdtempSync(join(tmpdir(), 'newsgraph-feed-')), 'feed.ndjson');
    writeFileSync(path, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const writesBefore = committed.length;
    const stream = await eventsOf(() => loadNdjsonFile(api.db.executor, path, { batchSize: 3 }));
    expect(kindsOf(stream)).toEqual(MUTATION_EVENTS.ingestBundle);
    expect(stream).toHaveLength(10);
    const batches = committed.slice(writesBefore).filter((write) => write.lastSequence !== null);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.at(-1)!.lastSequence).toBe(stream.at(-1)!.node.sequence);
  });

  it('has no write transaction that committed without recording, apart from those declared outside the feed', () => {
    // The test helper's wipe between files is not a write path of the service.
    const silent = committed.filter((write) => write.outbox && write.lastSequence === null && write.name !== 'test wipe');
    expect(silent.map((write) => write.name)).toEqual([]);
    expect(committed.filter((write) => write.lastSequence !== null).length).toBeGreaterThan(10);
  });

  it('numbers 20 parallel writers 20 consecutive events, in commit order, each once', async () => {
    const before = await feedEnd(api.yoga);
    const ids = Array.from({ length: 20 }, (_, i) => `parallel-${i}`);
    const sequences = new Map<number, number>();
    const stop = api.db.executor.onCommit((write) => {
      if (write.lastSequence !== null) sequences.set(write.lastSequence, (sequences.get(write.lastSequence) ?? 0) + 1);
    });
    await Promise.all(ids.map((id) => mutate(UPSERT_ENTITY, { input: { id, type: 'ORGANIZATION', name: `Parallel ${id}` } })));
    stop();
    const { edges } = await pullAll(api.yoga, before);
    expect(edges.map((edge) => edge.node.subjectId).sort()).toEqual([...ids].sort());
    const numbers = edges.map((edge) => edge.node.sequence);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    expect([...sequences.keys()].sort((a, b) => a - b)).toEqual(numbers);
  });

  it('rolls back its events with a failed write, leaving no gap', async () => {
    const before = await feedEnd(api.yoga);
    const failed = await api.query(UPSERT_ENTITY, { input: { id: 'liu-xiaowu', type: 'ORGANIZATION', name: 'Wrong Type' } }, 'editor');
    expect(failed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await mutate(UPSERT_ENTITY, { input: { id: 'after-failure', type: 'ORGANIZATION', name: 'After Failure' } });
    const { edges } = await pullAll(api.yoga, before);
    const [previous] = await api.db.executor.read<{ head: number }>("MATCH (c:ChangeCounter {id: 'feed'}) RETURN c.sequence AS head");
    expect(edges.map((edge) => edge.node.subjectId)).toEqual(['after-failure']);
    expect(edges[0]!.node.sequence).toBe(previous!.head);
    expect((await pullAll(api.yoga, null)).edges.map((edge) => edge.node.sequence)).toEqual(Array.from({ length: previous!.head }, (_, i) => i + 1));
  });
});

describe('changes (the pull API)', () => {
  it('pages with opaque cursors, without repeating or skipping, and filters by kind and entity', async () => {
    const all = (await pullAll(api.yoga, null, { first: 1000 })).edges;
    const paged = (await pullAll(api.yoga, null, { first: 7 })).edges;
    expect(paged.map((edge) => edge.cursor)).toEqual(all.map((edge) => edge.cursor));
    const merges = (await pullAll(api.yoga, null, { kinds: ['ENTITIES_MERGED'], first: 2 })).edges;
    expect(merges.map((edge) => edge.node.mergedId)).toEqual(['feed-org-2']);
    const touching = (await pullAll(api.yoga, null, { entityIds: ['feed-org'], first: 2 })).edges.map((edge) => edge.node.kind);
    expect(touching).toEqual(['ENTITY_UPSERTED', 'RELATION_UPSERTED', 'ENTITIES_MERGED', 'RELATION_DELETED']);
  });

  it("continues a filtered read after what it skipped: its end cursor is the feed's head", async () => {
    const { end } = await pullAll(api.yoga, null, { kinds: ['ENTITIES_MERGED'] });
    const rest = await pullAll(api.yoga, end);
    expect(rest.edges).toEqual([]);
  });

  it('follows the read rules: anonymous while anonymous reads are on, refused when they are off', async () => {
    const anonymous = await pullAll(api.yoga, null, { as: 'anonymous', first: 1 });
    expect(anonymous.edges.length).toBeGreaterThan(0);
    const closed = seededApiWithoutAnonymous();
    const refused = await gql(closed, '{ changes(first: 1) { edges { cursor } } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a malformed cursor and out-of-range sizes', async () => {
    const bad = await api.query('{ changes(after: "nonsense", first: 1) { edges { cursor } } }', {}, 'reader');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const big = await api.query('{ changes(first: 1001) { edges { cursor } } }', {}, 'reader');
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('answers CURSOR_EXPIRED for a cursor older than the retention, after pruning', async () => {
    const { edges } = await pullAll(api.yoga, null, { first: 1000 });
    const old = edges[2]!.cursor;
    const feed = new ChangeFeed(api.db.executor, api.db.log, { pollMs: 500, retentionSeconds: 60 });
    // Everything is older than a minute an hour from now.
    const deleted = await feed.prune(new Date(Date.now() + 3_600_000));
    expect(deleted).toBe(edges.length);
    await feed.close();
    const expired = await api.query('query($after: String) { changes(after: $after) { edges { cursor } } }', { after: old }, 'reader');
    expect(expired.errors?.[0]?.extensions).toMatchObject({ code: 'CURSOR_EXPIRED' });
    // The newest cursor is still good: nothing after it was lost.
    const newest = await api.query(
      'query($after: String) { changes(after: $after) { edges { cursor } pageInfo { endCursor } } }',
      { after: edges.at(-1)!.cursor },
      'reader',
    );
    expect(newest.errors).toBeUndefined();
    await mutate(UPSERT_ENTITY, { input: { id: 'after-prune', type: 'ORGANIZATION', name: 'After Prune' } });
    const next = await pullAll(api.yoga, edges.at(-1)!.cursor);
    expect(next.edges.map((edge) => [edge.node.subjectId, edge.node.sequence])).toEqual([['after-prune', edges.at(-1)!.node.sequence + 1]]);
  });
});

function seededApiWithoutAnonymous() {
  const config = testConfig({ NEWSGRAPH_ANONYMOUS_READ: 'false' });
  return createNewsgraphYoga({ executor: api.db.executor, log: api.db.log, security: config.security });
}
