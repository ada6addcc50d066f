import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';

/**
 * `entity(id)` asked with one `relations` field reads both in one statement.
 * Whatever the shape of the question, the answer must be the one the two
 * fields give when asked apart.
 */
const api = seededApi();

type Relations = { totalCount?: number; edges: Array<{ cursor: string; node: { id: string; reportedBy?: unknown[] } }> };

describe('an entity read with its relations', () => {
  it('answers as the entity and its relations asked apart', async () => {
    const args = '(first: 4, direction: OUT, types: [PARTICIPATES_IN, MEMBER_OF, COMMANDS])';
    const together = await api.data<{ entity: { name: string; relations: Relations } }>(
      `{ entity(id: "liu-xiaowu") { name relations${args} { totalCount edges { cursor node { id reportedBy { quote } } } } } }`,
    );
    const name = await api.data<{ entity: { name: string } }>('{ entity(id: "liu-xiaowu") { name } }');
    const alone = await api.data<{ entity: { relations: Relations } }>(
      `{ entity(id: "liu-xiaowu") { ... on Person { relations${args} { totalCount edges { cursor node { id reportedBy { quote } } } } } } }`,
    );
    expect(together.entity.name).toBe(name.entity.name);
    expect(together.entity.relations.edges.length).toBeGreaterThan(0);
    expect(together.entity.relations).toEqual(alone.entity.relations);
  });

  it('carries every endpoint property and report lookup asked for, however it is asked', async () => {
    const fields = 'id name aliases description ... on Person { title } ... on Organization { category } ... on Event { startDate endDate }';
    const reports = 'reportedBy { quote document { id title } attributedTo { id name } source { id } }';
    const full = (id: string) =>
      api.data<{ relation: unknown }>(`query($id: ID!) { relation(id: $id) { id from { ${fields} } to { ${fields} } ${reports} } }`, { id });
    const direct = await api.data<{ entity: { relations: { edges: Array<{ node: { id: string } }> } } }>(
      `{ entity(id: "liu-xiaowu") { relations(first: 10) { edges { node { id from { ${fields} } to { ${fields} } ${reports} } } } } }`,
    );
    const fragments = await api.data<{ entity: { relations: { edges: Array<{ node: { id: string } }> } } }>(
      `{ entity(id: "liu-xiaowu") { relations(first: 10) { edges { node { ...R } } } } }
       fragment R on Relation { id from { ${fields} } to { ${fields} } ${reports} }`,
    );
    const withLookups = direct.entity.relations.edges.filter((edge) => JSON.stringify(edge).includes('"document":{'));
    expect(withLookups.length).toBeGreaterThan(0);
    expect(fragments.entity.relations).toEqual(direct.entity.relations);
    for (const { node } of direct.entity.relations.edges) expect(node, node.id).toEqual((await full(node.id)).relation);
  });

  it('follows variables and the next page', async () => {
    const query = 'query($after: String) { entity(id: "china") { id relations(first: 2, after: $after) { edges { cursor node { id } } } } }';
    const first = await api.data<{ entity: { relations: Relations } }>(query, {});
    const second = await api.data<{ entity: { relations: Relations } }>(query, { after: first.entity.relations.edges[1]!.cursor });
    const both = await api.data<{ entity: { relations: Relations } }>('{ entity(id: "china") { relations(first: 4) { edges { node { id } } } } }');
    expect([...first.entity.relations.edges, ...second.entity.relations.edges].map((edge) => edge.node.id)).toEqual(
      both.entity.relations.edges.map((edge) => edge.node.id),
    );
  });

  it('keeps aliases with different arguments apart', async () => {
    const data = await api.data<{ entity: { two: Relations; three: Relations } }>(
      '{ entity(id: "china") { two: relations(first: 2) { edges { node { id } } } three: relations(first: 3) { edges { node { id } } } } }',
    );
    expect(data.entity.two.edges).toHaveLength(2);
    expect(data.entity.three.edges).toHaveLength(3);
    expect(data.entity.three.edges.slice(0, 2)).toEqual(data.entity.two.edges);
  });

  it('is null for an unknown id, and bad relation arguments are reported on the relations field', async () => {
    expect(await api.data('{ entity(id: "nobody") { id relations { edges { node { id } } } } }')).toEqual({ entity: null });
    const bad = await api.query<{ entity: { id: string } | null }>('{ entity(id: "china") { id relations(first: 1000) { edges { node { id } } } } }');
    expect(bad.errors?.[0]).toMatchObject({ path: ['entity', 'relations'], extensions: { code: 'BAD_USER_INPUT' } });
    const cursor = await api.query('{ entity(id: "china") { id relations(after: "not-a-cursor") { edges { node { id } } } } }');
    expect(cursor.errors?.[0]).toMatchObject({ path: ['entity', 'relations'], extensions: { code: 'BAD_USER_INPUT' } });
  });
});
