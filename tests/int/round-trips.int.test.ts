import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
import { loadSeedIfEmpty, readSeedBundle } from '../../src/ingest/seed.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { generateStream } from '../../tools/generate/generate.js';
import { writeLines } from '../../tools/generate/write.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';
import { gql } from '../helpers/yoga.js';

/** One operation per contract query, each nesting the fields that would cause N+1 reads if batched badly. */
const CONTRACT_QUERIES: Record<string, string> = {
  entity: `{ entity(id: "china") { name reportedBy { quote source { name } document { title } attributedTo { name } }
    relations(first: 20) { totalCount edges { node { type from { name } to { name } reportedBy { quote source { name } attributedTo { name } } } } } } }`,
  entities: `{ entities(first: 20) { totalCount edges { cursor node { name reportedBy { source { name } }
    relations(first: 5) { totalCount edges { node { to { name } reportedBy { source { name } document { id } } } } } } } } }`,
  search:
    '{ search(query: "china", first: 10) { score entity { name reportedBy { source { name } } relations(first: 3) { edges { node { to { name } } } } } } }',
  neighborhood:
    '{ neighborhood(id: "china", depth: 2, limit: 100) { truncated nodes { name reportedBy { source { name } } } relations { type from { name } to { name } reportedBy { quote } } } }',
  shortestPath:
    '{ shortestPath(from: "liu-xiaowu", to: "russia") { length nodes { name reportedBy { quote } } relations { type reportedBy { quote source { name } } } } }',
  timeline: '{ timeline { name startDate relations(first: 5) { edges { node { from { name } } } } reportedBy { source { name } } } }',
  source: '{ source(id: "msn-news") { name reports(first: 20) { totalCount edges { node { quote attributedTo { name } document { title } } } } } }',
  sources: '{ sources(first: 20) { totalCount edges { node { name reports(first: 5) { totalCount edges { node { quote source { name } } } } } } } }',
  stats: '{ stats { entities relations entitiesByType { type count } relationsByType { type count } } }',
};

// These queries nest deliberately deeper than analysts do, to expose N+1 reads; the cost limit is not what is tested here.
const db = openTestDatabase({ NEWSGRAPH_MAX_COST: '200000' });
const yoga = createNewsgraphYoga({ executor: db.executor, log: db.log, security: db.config.security });
afterAll(() => db.close());

async function countRoundTrips(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, query] of Object.entries(CONTRACT_QUERIES)) {
    const before = db.executor.roundTrips;
    const response = await gql(yoga, query);
    expect(response.errors, name).toBeUndefined();
    counts[name] = db.executor.roundTrips - before;
  }
  return counts;
}

describe('Cypher round trips per contract query', () => {
  let onSeed: Record<string, number>;

  beforeAll(async () => {
    await wipe(db.executor);
    await loadSeedIfEmpty(db.executor, db.log);
    onSeed = await countRoundTrips();
    // Ten times the seed's entities, with hubs and long relation lists.
    const seedEntities = (readSeedBundle() as { entities: unknown[] }).entities.length;
    const file = join(mkdtempSync(join(tmpdir(), 'newsgraph-round-trips-')), 'larger.ndjson');
    const out = createWriteStream(file);
    await writeLines(generateStream({ entities: seedEntities * 10, seed: 7 }), out);
    out.end();
    await finished(out);
    await loadNdjsonFile(db.executor, file);
  }, 180_000);

  it('stay bounded, whatever the size of the result', () => {
    for (const [name, count] of Object.entries(onSeed)) expect(count, name).toBeLessThanOrEqual(8);
  });

  it('are one for the analyst questions: an entity with its relations and their reports, a neighbourhood, a page with its count', async () => {
    const expected: Array<[string, number]> = [
      ['{ neighborhood(id: "china", depth: 3, limit: 300) { truncated nodes { id name } relations { id from { id } to { id } } } }', 1],
      ['{ entities(type: PERSON, first: 20) { totalCount edges { node { id } } } }', 1],
      ['{ entities(first: 5) { edges { node { id } } } }', 1],
      ['{ entity(id: "china") { id relations(first: 20) { edges { node { id reportedBy { quote source { name } } } } } } }', 1],
      ['{ entity(id: "china") { id name relations(first: 5, direction: OUT) { totalCount edges { node { id } } } } }', 1],
      ['{ entity(id: "china") { id name } }', 1],
      // The read filters are predicates in the same statements, never another query.
      ['{ neighborhood(id: "china", depth: 2, limit: 100, asOf: "2021-08", minSources: 2) { nodes { id } relations { id from { id } to { id } } } }', 1],
      ['{ entities(first: 5, minSources: 2) { totalCount edges { node { id } } } }', 1],
      ['{ entity(id: "china", asOf: "2021-08", minSources: 2) { id relations(first: 20) { edges { node { id reportedBy { quote } } } } } }', 1],
      ['{ entity(id: "china", minSources: 2) { id name } }', 1],
    ];
    for (const [query, trips] of expected) {
      const before = db.executor.roundTrips;
      expect((await gql(yoga, query)).errors, query).toBeUndefined();
      expect(db.executor.roundTrips - before, query).toBe(trips);
    }
  });

  it('read the same reports with a relation page as one by one', async () => {
    type Reports = Array<{ quote: string | null; source: { id: string } }>;
    const page = await gql<{ entity: { relations: { edges: Array<{ node: { id: string; reportedBy: Reports } }> } } }>(
      yoga,
      '{ entity(id: "china") { relations(first: 50) { edges { node { id reportedBy { quote source { id } } } } } } }',
    );
    const relations = page.data!.entity.relations.edges.map((edge) => edge.node);
    expect(relations.some((relation) => relation.reportedBy.length > 0)).toBe(true);
    for (const relation of relations) {
      const alone = await gql<{ relation: { reportedBy: Reports } }>(yoga, `{ relation(id: "${relation.id}") { reportedBy { quote source { id } } } }`);
      expect(relation.reportedBy, relation.id).toEqual(alone.data!.relation.reportedBy);
    }
  });

  it('do not grow on a graph ten times larger', async () => {
    const stats = await gql<{ stats: { entities: number } }>(yoga, '{ stats { entities } }');
    expect(stats.data!.stats.entities).toBeGreaterThanOrEqual(10 * (readSeedBundle() as { entities: unknown[] }).entities.length);
    expect(await countRoundTrips()).toEqual(onSeed);
  });
});
