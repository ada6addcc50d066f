import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { loadFilterGraph, sortedIds } from '../helpers/claim-filter-graph.js';
import { openTestDatabase } from '../helpers/neo4j.js';
import { gql } from '../helpers/yoga.js';

/** asOf and minSources on every graph read of the API, over the graph in tests/helpers/claim-filter-graph.ts. */

const db = openTestDatabase();
const yoga = createNewsgraphYoga({ executor: db.executor, log: db.log, security: db.config.security });

beforeAll(() => loadFilterGraph(db.executor), 60_000);
afterAll(() => db.close());

async function data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await gql<T>(yoga, query, variables);
  expect(response.errors, query).toBeUndefined();
  return response.data!;
}

const ids = sortedIds;

describe('entity', () => {
  it('is null when asOf precedes its first report, or it has fewer independent sources than minSources', async () => {
    const q = 'query($id: ID!, $asOf: Date, $min: Int) { entity(id: $id, asOf: $asOf, minSources: $min) { id } }';
    expect((await data<{ entity: unknown }>(q, { id: 'ningxia' })).entity).toEqual({ id: 'ningxia' });
    expect((await data<{ entity: unknown }>(q, { id: 'ningxia', asOf: '2021-08' })).entity).toBeNull();
    expect((await data<{ entity: unknown }>(q, { id: 'ningxia', asOf: '2021-09' })).entity).toEqual({ id: 'ningxia' });
    // Two reports, but the second is a copy of the first: one independent source.
    expect((await data<{ entity: unknown }>(q, { id: 'russia', min: 2 })).entity).toBeNull();
    expect((await data<{ entity: unknown }>(q, { id: 'china', min: 2 })).entity).toEqual({ id: 'china' });
  });

  it('with asOf and minSources, counts only the reports dated on or before asOf; a month counts from its first day', async () => {
    const q = 'query($id: ID!, $asOf: Date) { entity(id: $id, asOf: $asOf, minSources: 2) { id } }';
    expect((await data<{ entity: unknown }>(q, { id: 'liu' })).entity).toEqual({ id: 'liu' });
    expect((await data<{ entity: unknown }>(q, { id: 'liu', asOf: '2021-08' })).entity).toBeNull();
    expect((await data<{ entity: unknown }>(q, { id: 'pla', asOf: '2021-08-31' })).entity).toEqual({ id: 'pla' });
    // By 2021-08-15 only the report dated '2021-08' counts: s1's of 2021-08-20 is later.
    expect((await data<{ entity: unknown }>(q, { id: 'pla', asOf: '2021-08-15' })).entity).toBeNull();
  });
});

describe('entities and search', () => {
  it('page and count only what passes', async () => {
    const q = 'query($asOf: Date, $min: Int) { entities(first: 50, asOf: $asOf, minSources: $min) { totalCount edges { node { id } } } }';
    type Page = { entities: { totalCount: number; edges: Array<{ node: { id: string } }> } };
    const page = async (variables: Record<string, unknown>) => {
      const { entities } = await data<Page>(q, variables);
      return { total: entities.totalCount, ids: entities.edges.map((edge) => edge.node.id) };
    };
    expect(await page({})).toEqual({ total: 6, ids: ['china', 'exercise', 'liu', 'ningxia', 'pla', 'russia'] });
    expect(await page({ min: 2 })).toEqual({ total: 4, ids: ['china', 'exercise', 'liu', 'pla'] });
    expect(await page({ asOf: '2021-08' })).toEqual({ total: 5, ids: ['china', 'exercise', 'liu', 'pla', 'russia'] });
    expect(await page({ asOf: '2021-08', min: 2 })).toEqual({ total: 3, ids: ['china', 'exercise', 'pla'] });
  });

  it('finds only what passes', async () => {
    const q = 'query($text: String!, $asOf: Date, $min: Int) { search(query: $text, asOf: $asOf, minSources: $min) { entity { id } } }';
    const found = async (variables: Record<string, unknown>) =>
      (await data<{ search: Array<{ entity: { id: string } }> }>(q, variables)).search.map((hit) => hit.entity.id);
    expect(await found({ text: 'Liu Xiaowu' })).toEqual(['liu']);
    expect(await found({ text: 'Liu Xiaowu', min: 2 })).toEqual(['liu']);
    expect(await found({ text: 'Liu Xiaowu', asOf: '2021-08', min: 2 })).toEqual([]);
    expect(await found({ text: 'Ningxia', asOf: '2021-08' })).toEqual([]);
  });
});

describe('neighborhood and shortestPath', () => {
  const NEIGHBORHOOD =
    'query($asOf: Date, $min: Int) { neighborhood(id: "exercise", depth: 2, asOf: $asOf, minSources: $min) { nodes { id } relations { id } } }';
  type Graph = { neighborhood: { nodes: Array<{ id: string }>; relations: Array<{ id: string }> } | null };

  it('expand only through relations that pass to entities that pass; a relation with a hidden endpoint is hidden', async () => {
    const all = (await data<Graph>(NEIGHBORHOOD)).neighborhood!;
    expect(ids(all.nodes)).toEqual(['china', 'exercise', 'liu', 'ningxia', 'pla', 'russia']);
    const corroborated = (await data<Graph>(NEIGHBORHOOD, { min: 2 })).neighborhood!;
    expect(ids(corroborated.nodes)).toEqual(['china', 'exercise', 'liu', 'pla']);
    // russia-pi-exercise and exercise-in-ningxia have two sources each, but russia and ningxia have one.
    expect(ids(corroborated.relations)).toEqual(['china-pi-exercise', 'liu-commands-exercise', 'liu-member-of-pla']);
    const inAugust = (await data<Graph>(NEIGHBORHOOD, { asOf: '2021-08' })).neighborhood!;
    expect(ids(inAugust.nodes)).toEqual(['china', 'exercise', 'liu', 'pla', 'russia']);
    expect(ids(inAugust.relations)).toEqual(['china-pi-exercise', 'liu-commands-exercise', 'liu-member-of-pla', 'russia-pi-exercise']);
    const both = (await data<Graph>(NEIGHBORHOOD, { asOf: '2021-08', min: 2 })).neighborhood!;
    expect(ids(both.nodes)).toEqual(['china', 'exercise']);
    expect(ids(both.relations)).toEqual(['china-pi-exercise']);
  });

  it('is null when the start entity does not pass', async () => {
    const q = 'query($asOf: Date) { neighborhood(id: "ningxia", asOf: $asOf) { nodes { id } } }';
    expect((await data<Graph>(q, { asOf: '2021-08' })).neighborhood).toBeNull();
  });

  it('finds a path only through what passes', async () => {
    const q =
      'query($from: ID!, $to: ID!, $asOf: Date, $min: Int) { shortestPath(from: $from, to: $to, asOf: $asOf, minSources: $min) { length nodes { id } } }';
    type Path = { shortestPath: { length: number; nodes: Array<{ id: string }> } | null };
    const path = async (variables: Record<string, unknown>) => (await data<Path>(q, variables)).shortestPath;
    expect((await path({ from: 'pla', to: 'china', min: 2 }))?.nodes.map((node) => node.id)).toEqual(['pla', 'liu', 'exercise', 'china']);
    expect(await path({ from: 'pla', to: 'china', asOf: '2021-08', min: 2 })).toBeNull();
    expect(await path({ from: 'ningxia', to: 'china', min: 2 })).toBeNull();
    expect((await path({ from: 'ningxia', to: 'china' }))?.length).toBe(2);
    expect(await path({ from: 'russia', to: 'russia', min: 2 })).toBeNull();
  });
});

describe('timeline and Entity.relations', () => {
  it('timeline keeps events that pass, reached through relations that pass', async () => {
    const q = 'query($id: ID, $asOf: Date, $min: Int) { timeline(entityId: $id, asOf: $asOf, minSources: $min) { id } }';
    const events = async (variables: Record<string, unknown>) =>
      (await data<{ timeline: Array<{ id: string }> }>(q, variables)).timeline.map((event) => event.id);
    expect(await events({ id: 'russia' })).toEqual(['exercise']);
    expect(await events({ id: 'russia', min: 2 })).toEqual([]);
    expect(await events({ id: 'liu', min: 2 })).toEqual(['exercise']);
    expect(await events({ id: 'liu', asOf: '2021-08', min: 2 })).toEqual([]);
    expect(await events({ asOf: '2021-07' })).toEqual([]);
    expect(await events({ asOf: '2021-08' })).toEqual(['exercise']);
  });

  it("relations take their own filter, or inherit the entity's unless given null", async () => {
    type Relations = { entity: { relations: { totalCount: number; edges: Array<{ node: { id: string; to: { id: string } } }> } } | null };
    const relationIds = (result: Relations) => result.entity!.relations.edges.map((edge) => edge.node.id).sort();
    const own = await data<Relations>('{ entity(id: "exercise") { relations(minSources: 2) { totalCount edges { node { id to { id } } } } } }');
    expect(relationIds(own)).toEqual(['china-pi-exercise', 'liu-commands-exercise']);
    expect(own.entity!.relations.totalCount).toBe(2);
    const inherited = await data<Relations>('{ entity(id: "exercise", minSources: 2) { relations { totalCount edges { node { id to { id } } } } } }');
    expect(relationIds(inherited)).toEqual(['china-pi-exercise', 'liu-commands-exercise']);
    const dropped = await data<Relations>(
      '{ entity(id: "exercise", minSources: 2) { relations(minSources: null) { totalCount edges { node { id to { id } } } } } }',
    );
    expect(relationIds(dropped)).toHaveLength(4);
    const asOf = await data<Relations>('{ entity(id: "exercise") { relations(asOf: "2021-08", minSources: 2) { edges { node { id to { id } } } } } }');
    expect(relationIds(asOf)).toEqual(['china-pi-exercise']);
    // A hidden entity has no visible relations, and a hidden entity asked with its relations is null.
    const hidden = await data<Relations>('{ entity(id: "russia") { relations(minSources: 2) { totalCount edges { node { id to { id } } } } } }');
    expect(hidden.entity!.relations).toEqual({ totalCount: 0, edges: [] });
    expect((await data<Relations>('{ entity(id: "russia", minSources: 2) { relations { edges { node { id to { id } } } } } }')).entity).toBeNull();
  });

  it('an entity read under one filter and under another in one request are not confused', async () => {
    const result = await data<{ a: unknown; b: unknown }>(
      '{ a: entity(id: "liu", minSources: 2) { id } b: entity(id: "liu", asOf: "2021-08", minSources: 2) { id } }',
    );
    expect(result).toEqual({ a: { id: 'liu' }, b: null });
  });
});

describe('arguments and round trips', () => {
  it('answers BAD_USER_INPUT for minSources below 1 or above 1000', async () => {
    for (const query of [
      '{ entity(id: "china", minSources: 0) { id } }',
      '{ entities(minSources: 1001) { totalCount } }',
      '{ search(query: "china", minSources: -1) { score } }',
      '{ neighborhood(id: "china", minSources: 0) { truncated } }',
      '{ shortestPath(from: "china", to: "liu", minSources: 0) { length } }',
      '{ timeline(minSources: 0) { id } }',
      '{ entity(id: "china") { relations(minSources: 0) { totalCount } } }',
    ]) {
      const response = await gql(yoga, query);
      expect(response.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
    expect((await gql(yoga, '{ entity(id: "china", asOf: "2021-13") { id } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('cost no more round trips than the same questions without them', async () => {
    const questions = [
      (f: string) => `{ entity(id: "exercise"${f}) { id relations(first: 20) { totalCount edges { node { id to { name } } } } } }`,
      (f: string) => `{ entities(first: 20${f}) { totalCount edges { node { id } } } }`,
      (f: string) => `{ search(query: "Liu"${f}) { entity { id } } }`,
      (f: string) => `{ neighborhood(id: "exercise", depth: 2${f}) { nodes { id } relations { id from { id } to { id } } } }`,
      (f: string) => `{ shortestPath(from: "pla", to: "china"${f}) { nodes { id } relations { id } } }`,
      (f: string) => `{ timeline(entityId: "liu"${f}) { id } }`,
    ];
    const trips = async (query: string) => {
      const before = db.executor.roundTrips;
      await data(query);
      return db.executor.roundTrips - before;
    };
    for (const question of questions) {
      const plain = await trips(question(''));
      expect(await trips(question(', minSources: 2')), question('')).toBe(plain);
      expect(await trips(question(', asOf: "2021-08", minSources: 2')), question('')).toBe(plain);
    }
  });
});
