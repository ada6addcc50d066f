import { describe, expect, it } from 'vitest';
import { neighborhoodsQuery } from '../../explorer/src/queries.js';
import { seededApi } from '../helpers/api.js';

// The seed graph's hub: the exercise, with six relations.
const HUB = 'zapad-interaction-2021';
const SUBGRAPH = 'truncated nodes { id name type } relations { id type from { id } to { id } }';
const aliased = (count: number, args: string) => `{ ${Array.from({ length: count }, (_, i) => `n${i}: neighborhood(${args}) { ${SUBGRAPH} }`).join(' ')} }`;
/** Issue 14, item 7: fifteen of the largest neighbourhoods in one request passed the field-count cost limit. */
const HUB_REQUEST = aliased(15, `id: "${HUB}", depth: 3, limit: 1000`);

const api = seededApi();

describe('the cost limit', () => {
  it('refuses the 15-alias hub request before running anything, naming the cost and the limit', async () => {
    for (const [caller, limit] of [
      ['anonymous', 20_000],
      ['admin', 50_000],
    ] as const) {
      const statementsBefore = api.db.executor.roundTrips;
      const response = await api.query(HUB_REQUEST, {}, caller);
      expect(response.data ?? null).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', cost: 105_015, limit });
      expect(response.errors![0]!.message).toContain(`estimated cost is 105015, over the limit of ${limit}`);
      expect(api.db.executor.roundTrips).toBe(statementsBefore);
    }
  });

  it('reads the limit and depth from variables', async () => {
    const query = `query($id: ID!, $depth: Int, $limit: Int) ${aliased(15, 'id: $id, depth: $depth, limit: $limit')}`;
    const response = await api.query(query, { id: HUB, depth: 3, limit: 1000 }, 'anonymous');
    expect(response.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect((await api.query(query, { id: HUB, depth: 1, limit: 20 }, 'anonymous')).errors).toBeUndefined();
  });

  it("runs the explorer's largest request, ten neighbourhoods, for an anonymous caller", async () => {
    const ids = [HUB, 'china', 'russia', 'liu-xiaowu', 'peoples-liberation-army', 'a', 'b', 'c', 'd', 'e'];
    const request = neighborhoodsQuery(ids, []);
    const response = await api.query<Record<string, { nodes: unknown[] } | null>>(request.query, request.variables, 'anonymous');
    expect(response.errors).toBeUndefined();
    expect(response.data!.n0!.nodes.length).toBeGreaterThan(1);
  });

  it('gives callers with a key a larger budget than anonymous callers', async () => {
    const three = aliased(3, `id: "${HUB}", depth: 3, limit: 1000`);
    expect((await api.query(three, {}, 'anonymous')).errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', cost: 21_003, limit: 20_000 });
    for (const caller of ['reader', 'editor'] as const) {
      const response = await api.query<{ n0: { nodes: unknown[] } }>(three, {}, caller);
      expect(response.errors).toBeUndefined();
      expect(response.data!.n0.nodes.length).toBeGreaterThan(1);
    }
  });

  it('answers 400 to clients that accept application/graphql-response+json, as for a validation error', async () => {
    const response = await api.yoga.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: HUB_REQUEST }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('COST_LIMIT_EXCEEDED');
  });
});
