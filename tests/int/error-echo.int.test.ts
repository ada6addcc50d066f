import { describe, expect, it } from 'vitest';
import { seededApi, type Caller } from '../helpers/api.js';

/**
 * An error repeats at most a short prefix of what the caller sent: a
 * 100,000-character id (or a 2 MB one) is not sent back whole, whichever part
 * of the API refuses it.
 */

const api = seededApi();
const LONG = 'a'.repeat(100_000);
const PREFIX = `${'a'.repeat(64)}…`;

const CALLS: Array<[string, string, Record<string, unknown>, Caller]> = [
  [
    'upsertRelation from',
    'mutation($i: RelationInput!) { upsertRelation(input: $i) { id } }',
    { i: { type: 'MEMBER_OF', from: LONG, to: 'peoples-liberation-army' } },
    'editor',
  ],
  ['upsertRelation to', 'mutation($i: RelationInput!) { upsertRelation(input: $i) { id } }', { i: { type: 'MEMBER_OF', from: 'wu-qian', to: LONG } }, 'editor'],
  [
    'upsertRelation id',
    'mutation($i: RelationInput!) { upsertRelation(input: $i) { id } }',
    { i: { id: LONG, type: 'MEMBER_OF', from: 'wu-qian', to: 'peoples-liberation-army' } },
    'editor',
  ],
  ['upsertEntity id', 'mutation($i: EntityInput!) { upsertEntity(input: $i) { id } }', { i: { id: LONG, type: 'PERSON', name: 'Probe Long' } }, 'editor'],
  [
    'a report sourceId',
    'mutation($i: EntityInput!) { upsertEntity(input: $i) { id } }',
    { i: { id: 'probe-long', type: 'PERSON', name: 'Probe Long', reports: [{ sourceId: LONG }] } },
    'editor',
  ],
  ['mergeEntities mergeId', 'mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { id } }', { k: 'liu-xiaowu', m: LONG }, 'admin'],
  ['mergeEntities keepId', 'mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { id } }', { k: LONG, m: 'liu-xiaowu' }, 'admin'],
  ['an Int variable (graphql-js coercion)', 'query($n: Int) { entities(first: $n) { totalCount } }', { n: LONG }, 'reader'],
  ['an enum variable (graphql-js coercion)', 'query($t: EntityType) { entities(type: $t) { totalCount } }', { t: LONG }, 'reader'],
  ['a Date variable', 'query($d: Date) { timeline(from: $d) { id } }', { d: LONG }, 'reader'],
  [
    'an input object field (graphql-js coercion)',
    'mutation($i: EntityInput!) { upsertEntity(input: $i) { id } }',
    { i: { id: 'x', type: 'PERSON', name: 'X', [LONG]: 1 } },
    'editor',
  ],
];

describe('errors answering a 100,000-character value', () => {
  it.each(CALLS)('%s: every message is under 2,000 characters and repeats only a prefix', async (_what, query, variables, as) => {
    const response = await api.query(query, variables, as);
    expect(response.errors?.length, JSON.stringify(response.data)).toBeGreaterThan(0);
    for (const error of response.errors!) {
      expect(error.message.length, error.message.slice(0, 300)).toBeLessThan(2000);
      expect(error.message).not.toContain('a'.repeat(65));
    }
  });

  it('"not found" quotes the start of the id it did not find', async () => {
    const response = await api.query('mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { id } }', { k: 'liu-xiaowu', m: LONG }, 'admin');
    expect(response.errors?.[0]).toMatchObject({ message: `No entity with id "${PREFIX}".`, extensions: { code: 'NOT_FOUND', field: 'mergeId' } });
  });

  it('a literal in the document is cut too', async () => {
    const response = await api.query(`{ entities(type: ${'P'.repeat(100_000)}) { totalCount } }`, {}, 'reader');
    expect(response.errors?.[0]?.message.length).toBeLessThan(2000);
  });

  it('a 2 MB id gets a short answer', async () => {
    const response = await api.query(
      'mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { id } }',
      { k: 'liu-xiaowu', m: 'b'.repeat(2_000_000) },
      'admin',
    );
    expect(JSON.stringify(response.errors).length).toBeLessThan(2000);
  });
});
