import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { detailsQuery, neighborhoodsQuery, pathQuery, SEARCH } from '../../explorer/src/queries.js';
import { loadConfig } from '../../src/config.js';
import { COST_MODEL } from '../../src/schema/support/cost-model.js';
import { schema } from '../../src/schema/index.js';
import { queryCost } from '../../src/server/cost/query-cost.js';
import { GRAPHIQL_DEFAULT_QUERY } from '../../src/server/graphiql.js';

const cost = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  queryCost(schema, { document: parse(query), variables, operationName }, COST_MODEL);

const SUBGRAPH = 'truncated nodes { id name type } relations { id type from { id } to { id } }';
const neighborhood = (depth: number, limit: number) => `neighborhood(id: "hub", depth: ${depth}, limit: ${limit}) { ${SUBGRAPH} }`;
/** The request of issue 14, item 7: 2.8 MB from a hub, within graphql-armor's field-count cost limit. */
const HUB_REQUEST = `{ ${Array.from({ length: 15 }, (_, i) => `n${i}: ${neighborhood(3, 1000)}`).join(' ')} }`;
const defaults = loadConfig({}).security.limits;

describe('queryCost', () => {
  it('prices a neighbourhood by its limit and depth, not by its field count', () => {
    // 3000 for the expansion (limit × depth), 1000 nodes, 1000 relations of three objects each, the subgraph.
    expect(cost(`{ ${neighborhood(3, 1000)} }`)).toBe(7001);
    expect(cost(`{ ${neighborhood(1, 200)} }`)).toBe(1001);
    // Each level of depth may touch another `limit` entities.
    expect(cost(`{ ${neighborhood(1, 1000)} }`)).toBe(7001 - 2 * 1000);
  });

  it('adds aliases up: the 15-alias hub request is over both default budgets', () => {
    expect(cost(HUB_REQUEST)).toBe(15 * 7001);
    expect(cost(HUB_REQUEST)).toBeGreaterThan(defaults.cost);
    expect(cost(HUB_REQUEST)).toBeGreaterThan(defaults.anonymousCost);
  });

  it('multiplies what a connection returns per edge by `first`, with the schema default when it is omitted', () => {
    expect(cost('{ entities(first: 10) { edges { node { id } } } }')).toBe(1 + 10 * 2);
    expect(cost('{ entities(first: 100) { edges { node { id } } } }')).toBe(1 + 100 * 2);
    expect(cost('{ entities { edges { node { id } } } }')).toBe(1 + 20 * 2);
    // Nested pages multiply: 10 entities × 5 relations × (edge, relation, two endpoints).
    expect(cost('{ entities(first: 10) { edges { node { relations(first: 5) { edges { node { from { id } to { id } } } } } } } }')).toBe(
      1 + 10 * (2 + 1 + 5 * 4),
    );
    // totalCount and pageInfo are not per edge.
    expect(cost('{ entities(first: 100) { totalCount pageInfo { hasNextPage } } }')).toBe(2);
  });

  it('reads arguments from variables, as execution will', () => {
    const query = `query($depth: Int, $limit: Int) { neighborhood(id: "hub", depth: $depth, limit: $limit) { ${SUBGRAPH} } }`;
    expect(cost(query, { depth: 3, limit: 1000 })).toBe(cost(`{ ${neighborhood(3, 1000)} }`));
    // An unset variable leaves the argument's default (depth 1, limit 200).
    expect(cost(query, {})).toBe(cost(`{ ${neighborhood(1, 200)} }`));
  });

  it('counts fragments, named or inline, and finds interface rules through concrete types', () => {
    const inline = '{ entity(id: "x") { ... on Person { relations(first: 50) { edges { node { id } } } } } }';
    const named = '{ entity(id: "x") { ...R } } fragment R on Person { relations(first: 50) { edges { node { id } } } }';
    expect(cost(inline)).toBe(1 + 1 + 50 * 2);
    expect(cost(named)).toBe(cost(inline));
    expect(cost('{ entity(id: "x") { relations(first: 50) { edges { node { id } } } } }')).toBe(cost(inline));
  });

  it('costs out-of-range arguments at the most the resolver would allow (it refuses them anyway)', () => {
    expect(cost('{ entities(first: 1000000) { edges { node { id } } } }')).toBe(cost('{ entities(first: 100) { edges { node { id } } } }'));
    expect(cost('{ neighborhood(id: "hub", depth: 9, limit: 999999) { truncated } }')).toBe(1 + 3 * 1000);
  });

  it('prices lists nothing bounds at ten items, and fixed lists at their size', () => {
    expect(cost('{ entity(id: "x") { reportedBy { quote source { name } } } }')).toBe(1 + 10 * 2);
    expect(cost('{ stats { entitiesByType { count } relationsByType { count } } }')).toBe(1 + 5 + 4);
    expect(cost('{ timeline { id } }')).toBe(500);
  });

  it('charges searches and paths for the work beyond what they return', () => {
    expect(cost('{ search(query: "x", first: 10) { score entity { id } } }')).toBe(100 + 10 * 2);
    expect(cost('{ shortestPath(from: "a", to: "b", maxHops: 8) { length } }')).toBe(800 + 1);
  });

  it('gives introspection and __typename no cost', () => {
    expect(cost('{ __typename __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('returns null when execution would refuse the request anyway', () => {
    expect(cost('query($n: Int!) { entities(first: $n) { totalCount } }', {})).toBeNull();
    expect(cost('query A { stats { entities } } query B { stats { entities } }')).toBeNull();
    expect(cost('{ stats { entities } }', {}, 'Missing')).toBeNull();
  });

  it('ends on fragment cycles (which validation refuses) instead of looping', () => {
    expect(cost('{ ...A } fragment A on Query { stats { entities } ...B } fragment B on Query { ...A }')).toBe(1);
  });
});

describe('the default budgets leave room for what the API offers', () => {
  const examples = parse(GRAPHIQL_DEFAULT_QUERY).definitions.map((definition) => (definition as OperationDefinitionNode).name!.value);

  it.each(examples)('GraphiQL example %s fits the anonymous budget', (name) => {
    expect(cost(GRAPHIQL_DEFAULT_QUERY, {}, name)).toBeLessThanOrEqual(defaults.anonymousCost);
  });

  it("fits the explorer's largest requests (ten neighbourhoods, ten details, a path) in the anonymous budget", () => {
    const ids = Array.from({ length: 10 }, (_, i) => `entity-${i}`);
    for (const request of [neighborhoodsQuery(ids, []), detailsQuery(ids, ids), pathQuery('a', 'b', []), { query: SEARCH, variables: { q: 'x' } }]) {
      expect(queryCost(schema, { document: parse(request.query), variables: request.variables }, COST_MODEL)).toBeLessThanOrEqual(defaults.anonymousCost);
    }
  });

  it('lets anyone read the largest neighbourhood the arguments allow, in full', () => {
    expect(cost(`{ ${neighborhood(3, 1000)} }`)).toBeLessThanOrEqual(defaults.anonymousCost);
  });
});
