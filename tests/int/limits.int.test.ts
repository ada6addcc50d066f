import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';

const api = seededApi();
const production = seededApi({ NODE_ENV: 'production' });

const codeOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => response.errors?.[0]?.extensions?.code;

describe('size limits are refused with BAD_USER_INPUT, never clamped', () => {
  it.each([
    ['entities(first: 101)', '{ entities(first: 101) { totalCount } }'],
    ['entities(first: -1)', '{ entities(first: -1) { totalCount } }'],
    ['sources(first: 1000)', '{ sources(first: 1000) { totalCount } }'],
    ['relations(first: 101)', '{ entity(id: "china") { relations(first: 101) { totalCount } } }'],
    ['source reports(first: 101)', '{ source(id: "msn-news") { reports(first: 101) { totalCount } } }'],
    ['search(first: 101)', '{ search(query: "x", first: 101) { score } }'],
    ['neighborhood(limit: 1001)', '{ neighborhood(id: "china", limit: 1001) { truncated } }'],
    ['neighborhood(depth: 4)', '{ neighborhood(id: "china", depth: 4) { truncated } }'],
    ['neighborhood(depth: 0)', '{ neighborhood(id: "china", depth: 0) { truncated } }'],
    ['shortestPath(maxHops: 9)', '{ shortestPath(from: "china", to: "russia", maxHops: 9) { length } }'],
  ])('%s', async (_name, query) => {
    const response = await api.query(query);
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/must be an integer from/);
  });

  it('accepts the limits themselves', async () => {
    const response = await api.query(
      '{ entities(first: 100) { totalCount } neighborhood(id: "china", depth: 3, limit: 1000) { truncated } shortestPath(from: "china", to: "russia", maxHops: 8) { length } }',
    );
    expect(response.errors).toBeUndefined();
  });
});

describe('query shape limits', () => {
  const nested = (depth: number) => `{ entity(id: "china") { ${'relations { edges { node { from { '.repeat(depth)}id${' } } } }'.repeat(depth)} } }`;

  it('refuses a query deeper than the limit', async () => {
    expect((await api.query(nested(1))).errors).toBeUndefined();
    const response = await api.query(nested(3));
    expect(response.errors?.[0]?.message).toMatch(/depth limit/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: stats { entities }`).join(' ');
    expect((await api.query(`{ ${aliases} }`)).errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('refuses too many tokens and too many directives', async () => {
    const fields = Array.from({ length: 2100 }, (_, i) => `a${i % 10}: __typename`).join(' ');
    expect((await api.query(`{ ${fields} }`)).errors?.[0]?.message).toMatch(/token/i);
    const directives = Array.from({ length: 30 }, () => '@include(if: true)').join(' ');
    expect((await api.query(`{ __typename ${directives} }`)).errors?.[0]?.message).toMatch(/directive/i);
  });

  it('refuses a query whose cost is over the limit', async () => {
    const wide = Array.from(
      { length: 12 },
      (_, i) => `e${i}: entities(first: 100) { edges { node { relations(first: 100) { edges { node { from { reportedBy { source { name } } } } } } } } }`,
    ).join(' ');
    const response = await api.query(`{ ${wide} }`);
    expect(JSON.stringify(response.errors)).toMatch(/cost/i);
  });
});

describe('hardening', () => {
  it('offers introspection and GraphiQL outside production', async () => {
    expect((await api.query('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await api.yoga.fetch('http://newsgraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('graphiql');
  });

  it('turns introspection, GraphiQL and field suggestions off in production', async () => {
    const introspection = await production.query('{ __schema { queryType { name } } }');
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await production.yoga.fetch('http://newsgraph.test/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('graphiql');
    const typo = await production.query('{ entiti(id: "china") { id } }');
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const devTypo = await api.query('{ entiti(id: "china") { id } }');
    expect(devTypo.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  it('gives no "Did you mean" hint in production, for enum values, arguments, types or input fields', async () => {
    const wrong: Array<[string, Record<string, unknown>]> = [
      ['query($t: EntityType) { entities(type: $t) { totalCount } }', { t: 'PERSN' }],
      ['{ entities(type: PERSN) { totalCount } }', {}],
      ['{ entity(idd: "china") { id } }', {}],
      ['query($t: EntityTyp) { entities(type: $t) { totalCount } }', {}],
      ['mutation($i: EntityInput!) { upsertEntity(input: $i) { id } }', { i: { id: 'x', type: 'COUNTRY', nam: 'X' } }],
      ['mutation { upsertEntity(input: {id: "x", type: PERSN, name: "X"}) { id } }', {}],
    ];
    for (const [query, variables] of wrong) {
      const hinted = await api.query(query, variables);
      expect(hinted.errors?.map((error) => error.message).join(' '), query).toMatch(/Did you mean/);
      const messages = (await production.query(query, variables)).errors?.map((error) => error.message).join(' ');
      expect(messages, query).toBeTruthy();
      expect(messages, query).not.toMatch(/Did you mean|PERSON/);
    }
  });
});
