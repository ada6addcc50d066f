import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';
import { smallBundle } from '../helpers/bundles.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';

/**
 * The mutations refuse what bundles refuse (one set of rules, src/model/):
 * each refusal is a BAD_USER_INPUT naming the field, and the graph is exactly
 * as it was before the call.
 */

const api = seededApi();

const UPSERT_ENTITY = 'mutation($input: EntityInput!) { upsertEntity(input: $input) { id name } }';
const UPSERT_RELATION = 'mutation($input: RelationInput!) { upsertRelation(input: $input) { id } }';
const INGEST = 'mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { reports } }';

/** Sends the edit as an editor and expects a refusal naming `field` that wrote nothing; returns the message. */
async function refusedWithoutWriting(query: string, variables: Record<string, unknown>, field: string): Promise<string> {
  const before = await graphSnapshot(api.db.executor);
  const response = await api.query(query, variables, 'editor');
  expect(response.errors?.[0]?.extensions, JSON.stringify(response.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expect(await graphSnapshot(api.db.executor)).toEqual(before);
  return response.errors![0]!.message;
}

describe('upsertEntity refuses what a bundle refuses', () => {
  it('an event whose endDate is before its startDate', async () => {
    const message = await refusedWithoutWriting(
      UPSERT_ENTITY,
      { input: { id: 'probe-exercise', type: 'EVENT', name: 'Probe Exercise', startDate: '2021-08-13', endDate: '2021-08-09' } },
      'endDate',
    );
    expect(message).toMatch(/endDate 2021-08-09 is before startDate 2021-08-13/);
  });

  it.each([
    ['a right-to-left override', 'Probe \u202Eetirw', /U\+202E/],
    ['a first strong isolate', 'Probe \u2068x\u2069', /U\+2068/],
    ['NUL', 'Probe\u0000Nul', /U\+0000/],
    ['a zero-width space', 'Pro\u200Bbe', /U\+200B/],
    ['a BOM', '\uFEFFProbe', /U\+FEFF/],
    ['a newline', 'Probe\nName', /U\+000A/],
  ])('a name with %s', async (_what, name, says) => {
    expect(await refusedWithoutWriting(UPSERT_ENTITY, { input: { id: 'probe-name', type: 'PERSON', name } }, 'name')).toMatch(says);
  });

  it('an alias or a title with invisible characters', async () => {
    await refusedWithoutWriting(UPSERT_ENTITY, { input: { id: 'probe-alias', type: 'PERSON', name: 'Probe', aliases: ['Pro\u2060be'] } }, 'aliases.0');
    await refusedWithoutWriting(UPSERT_ENTITY, { input: { id: 'probe-title', type: 'PERSON', name: 'Probe', title: 'General\u202E' } }, 'title');
  });

  it('a report quote longer than 20,000 characters, or with NUL', async () => {
    const quote = 'the spokesperson said the drills went well and '.repeat(700).slice(0, 29_999) + '.';
    await refusedWithoutWriting(
      UPSERT_ENTITY,
      { input: { id: 'probe-quote', type: 'PERSON', name: 'Probe Quote', reports: [{ sourceId: 'msn-news', quote }] } },
      'reports[0].quote',
    );
    await refusedWithoutWriting(
      UPSERT_ENTITY,
      { input: { id: 'liu-xiaowu', type: 'PERSON', name: 'Liu Xiaowu', reports: [{ sourceId: 'msn-news', quote: 'said \u0000' }] } },
      'reports[0].quote',
    );
  });

  it('still stores a Persian name spelled with a zero-width non-joiner', async () => {
    const name = 'محمد علی\u200Cزاده';
    const response = await api.query<{ upsertEntity: { name: string } }>(UPSERT_ENTITY, { input: { id: 'probe-alizadeh', type: 'PERSON', name } }, 'editor');
    expect(response.errors).toBeUndefined();
    expect(response.data?.upsertEntity.name).toBe(name);
  });
});

describe('upsertRelation refuses what a bundle refuses', () => {
  it('a blank role, which would otherwise be a second relation beside the role-less one', async () => {
    await refusedWithoutWriting(UPSERT_RELATION, { input: { type: 'MEMBER_OF', from: 'wu-qian', to: 'peoples-liberation-army', role: '   ' } }, 'role');
  });

  it('a relation from an entity to itself', async () => {
    const message = await refusedWithoutWriting(
      UPSERT_RELATION,
      { input: { type: 'MEMBER_OF', from: 'peoples-liberation-army', to: 'peoples-liberation-army' } },
      'to',
    );
    expect(message).toMatch(/itself/);
  });

  it('dates that end before they start, and a role with a bidirectional override', async () => {
    const relation = { type: 'MEMBER_OF', from: 'wu-qian', to: 'chinese-defense-ministry' };
    await refusedWithoutWriting(UPSERT_RELATION, { input: { ...relation, startDate: '2021', endDate: '2020-12' } }, 'endDate');
    await refusedWithoutWriting(UPSERT_RELATION, { input: { ...relation, role: 'spokes\u202Eperson' } }, 'role');
  });

  it('a report quote longer than 20,000 characters', async () => {
    const input = { type: 'MEMBER_OF', from: 'wu-qian', to: 'chinese-defense-ministry', reports: [{ sourceId: 'msn-news', quote: 'q'.repeat(20_001) }] };
    await refusedWithoutWriting(UPSERT_RELATION, { input }, 'reports[0].quote');
  });
});

describe('ingestBundle, by the same rules', () => {
  it('refuses a relation from an entity to itself, writing nothing', async () => {
    const bundle = smallBundle({ documentId: 'doc-self', prefix: 'self-' });
    bundle.relations[0]!.to = bundle.relations[0]!.from;
    bundle.reports = bundle.reports.filter((report) => !('relation' in report.subject));
    const before = await graphSnapshot(api.db.executor);
    const response = await api.query(INGEST, { bundle }, 'editor');
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'relations[0].to', message: expect.stringMatching(/itself/) }],
    });
    expect(await graphSnapshot(api.db.executor)).toEqual(before);
  });
});
