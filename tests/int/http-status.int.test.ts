import { describe, expect, it } from 'vitest';
import { authorization, seededApi, type Caller } from '../helpers/api.js';

/**
 * The status rule of docs/security.md ("HTTP statuses"): 200 whenever the
 * answer has data; without data, the status says why (400 input refused, 401
 * no or bad credential, 403 role, 503 database unreachable: see
 * server.int.test.ts). The same for application/json and
 * application/graphql-response+json.
 */

const api = seededApi();
const privateApi = seededApi({ NEWSGRAPH_ANONYMOUS_READ: 'false' });
const MEDIA_TYPES = ['application/json', 'application/graphql-response+json'];

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
}

async function send(query: string, variables: Record<string, unknown>, headers: Record<string, string>, app = api): Promise<Answer[]> {
  return Promise.all(
    MEDIA_TYPES.map(async (accept) => {
      const response = await app.yoga.fetch('http://newsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
    }),
  );
}

const as = (caller: Caller) => authorization(caller);

describe('an answer with data is 200', () => {
  it('with no error', async () => {
    for (const answer of await send('{ __typename }', {}, {})) expect(answer.status).toBe(200);
  });

  it('with a field error beside the data', async () => {
    for (const answer of await send('{ __typename neighborhood(id: "china", depth: 4) { truncated } }', {}, {})) {
      expect(answer.body).toMatchObject({ data: { __typename: 'Query', neighborhood: null }, errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
      expect(answer.status).toBe(200);
    }
  });
});

describe('an answer without data says why', () => {
  it.each([
    ['a parse error', '{ entity(id: "china") {', {}],
    ['a validation error', '{ entiti(id: "china") { id } }', {}],
    ['a variable that cannot be coerced', 'query($t: EntityType) { entities(type: $t) { totalCount } }', { t: 'PERSN' }],
    ['an argument a resolver refused', '{ entities(first: 101) { totalCount } }', {}],
    [
      'an edit refused by the input rules',
      'mutation { upsertEntity(input: {id: "probe", type: EVENT, name: "Probe", startDate: "2021-08-13", endDate: "2021-08-09"}) { id } }',
      {},
    ],
  ])('400 for %s', async (_what, query, variables) => {
    for (const answer of await send(query, variables, as('admin'))) {
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
    }
  });

  it('401, with a challenge, for a mutation without a credential', async () => {
    for (const answer of await send('mutation { deleteEntity(id: "nobody") }', {}, {})) {
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('401 for a wrong key, and for a read without a credential when anonymous reads are off', async () => {
    for (const answer of await send('{ __typename }', {}, { authorization: 'Bearer not-a-real-key-000000' })) expect(answer.status).toBe(401);
    for (const answer of await send('{ stats { entities } }', {}, {}, privateApi)) {
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.status).toBe(401);
    }
  });

  it('403 for a caller whose role may not do it', async () => {
    for (const [caller, query] of [
      ['reader', 'mutation { upsertEntity(input: {id: "probe", type: PERSON, name: "Probe"}) { id } }'],
      ['editor', 'mutation { deleteEntity(id: "nobody") }'],
    ] as const) {
      for (const answer of await send(query, {}, as(caller))) {
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(answer.status).toBe(403);
      }
    }
  });

  it('200 for another failure of an operation that ran: the entity to merge does not exist', async () => {
    for (const answer of await send('mutation { mergeEntities(keepId: "china", mergeId: "atlantis") { id } }', {}, as('admin'))) {
      expect(answer.body).toMatchObject({ data: null, errors: [{ extensions: { code: 'NOT_FOUND' } }] });
      expect(answer.status).toBe(200);
    }
  });
});
