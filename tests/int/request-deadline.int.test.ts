import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';

// Statements one after the other: the sources with their reports, then the people quoted, then their relation counts.
const THREE_LEVELS =
  '{ sources(first: 5) { edges { node { reports(first: 5) { edges { node { attributedTo { name relations { totalCount } } document { title } } } } } } } }';

const roomy = seededApi();
// A budget no request can keep: every one runs out of time (no timing is measured, only that the budget is enforced).
const tiny = seededApi({ NEWSGRAPH_REQUEST_TIMEOUT_MS: '1' });

const codes = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => new Set(response.errors?.map((error) => error.extensions?.code));

describe('the request time budget', () => {
  it('lets a reasonable query finish within the default budget', async () => {
    const before = roomy.db.executor.roundTrips;
    const response = await roomy.query(THREE_LEVELS, {}, 'anonymous');
    expect(response.errors).toBeUndefined();
    // One statement per level of the selection (at least two), which the tiny budget below cuts short.
    expect(roomy.db.executor.roundTrips - before).toBeGreaterThanOrEqual(2);
  });

  it('cuts a query that outlives its budget with REQUEST_TIMEOUT, and starts no statement after the deadline', async () => {
    const before = tiny.db.executor.roundTrips;
    const response = await tiny.query(THREE_LEVELS, {}, 'anonymous');
    expect(codes(response)).toEqual(new Set(['REQUEST_TIMEOUT']));
    expect(response.errors![0]!.message).toMatch(/used up its time budget of 1 ms/);
    expect(response.errors![0]!.extensions).toMatchObject({ budgetMs: 1 });
    // At most the first statement started (within the first millisecond); the next levels never reached Neo4j.
    expect(tiny.db.executor.roundTrips - before).toBeLessThanOrEqual(1);
  });

  it('leaves mutations to their statements own timeouts', async () => {
    const response = await tiny.query(
      'mutation { upsertEntity(input: { id: "deadline-test", type: PERSON, name: "Deadline Test" }) { id name } }',
      {},
      'editor',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ upsertEntity: { id: 'deadline-test', name: 'Deadline Test' } });
  });
});
