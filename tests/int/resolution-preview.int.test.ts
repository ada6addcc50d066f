import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBundle } from '../../src/ingest/ingest.js';
import { previewResolution } from '../../src/ingest/resolution-preview.js';
import type { Bundle, BundleEntity } from '../../src/model/bundle-schema.js';
import { seededApi } from '../helpers/api.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';

const api = seededApi();

const PREVIEW_FIELDS = 'id type name outcome matchedId matchedName by value candidates { id name } message';

function bundleOf(entities: BundleEntity[]): Bundle {
  return {
    format: 'newsgraph.bundle',
    version: 1,
    document: { id: 'doc-preview', text: 'Wu Qian spoke in Beijing about Ana Varga and Qingtongxia.' },
    sources: [],
    entities,
    relations: [],
    reports: [],
  };
}

const FOUR = bundleOf([
  { id: 'wu-qian-spokesperson', type: 'PERSON', name: 'Wu Qian', aliases: [] },
  { id: 'beijing', type: 'COUNTRY', name: 'Beijing', aliases: [] },
  { id: 'ana-varga', type: 'PERSON', name: 'Ana Varga', aliases: ['Varga'] },
  { id: 'qingtongxia-town', type: 'LOCATION', name: 'Qingtongxia', aliases: [] },
]);

async function preview(bundle: unknown, as: 'editor' | 'reader' = 'editor') {
  return api.query<{ bundleResolution: Array<Record<string, unknown>> }>(
    `query($bundle: JSON!) { bundleResolution(bundle: $bundle) { ${PREVIEW_FIELDS} } }`,
    { bundle },
    as,
  );
}

async function counts() {
  const [row] = await api.db.executor.read<{ nodes: number; relationships: number }>(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return row!;
}

beforeAll(async () => {
  // The seed has no two entities of one type sharing a name: an edit makes a second "Qingtongxia" location, as an analyst might.
  const made = await api.query(
    'mutation { upsertEntity(input: { id: "qingtongxia-city", type: LOCATION, name: "Qingtongxia", description: "The city, not the county." }) { id } }',
  );
  expect(made.errors).toBeUndefined();
});

describe('bundleResolution', () => {
  it('says MATCHED, MATCHED, NEW and AMBIGUOUS for a known name, an alias of a country, a new name and a shared name, and writes nothing', async () => {
    const before = await graphSnapshot(api.db.executor);
    const beforeCounts = await counts();
    const response = await preview(FOUR);
    expect(response.errors).toBeUndefined();
    expect(response.data!.bundleResolution).toEqual([
      {
        id: 'wu-qian-spokesperson',
        type: 'PERSON',
        name: 'Wu Qian',
        outcome: 'MATCHED',
        matchedId: 'wu-qian',
        matchedName: 'Wu Qian',
        by: 'NAME',
        value: 'Wu Qian',
        candidates: [{ id: 'wu-qian', name: 'Wu Qian' }],
        message: null,
      },
      {
        id: 'beijing',
        type: 'COUNTRY',
        name: 'Beijing',
        outcome: 'MATCHED',
        matchedId: 'china',
        matchedName: 'China',
        by: 'NAME',
        value: 'Beijing',
        candidates: [{ id: 'china', name: 'China' }],
        message: null,
      },
      {
        id: 'ana-varga',
        type: 'PERSON',
        name: 'Ana Varga',
        outcome: 'NEW',
        matchedId: null,
        matchedName: null,
        by: null,
        value: null,
        candidates: [],
        message: null,
      },
      {
        id: 'qingtongxia-town',
        type: 'LOCATION',
        name: 'Qingtongxia',
        outcome: 'AMBIGUOUS',
        matchedId: null,
        matchedName: null,
        by: null,
        value: null,
        candidates: [
          { id: 'qingtongxia', name: 'Qingtongxia' },
          { id: 'qingtongxia-city', name: 'Qingtongxia' },
        ],
        message: null,
      },
    ]);
    expect(await counts()).toEqual(beforeCounts);
    expect(await graphSnapshot(api.db.executor)).toEqual(before);
  });

  it('matches by id, by alias and by merged id, and reports a type conflict ingest would refuse', async () => {
    await api.query('mutation { upsertEntity(input: { id: "wu-q", type: PERSON, name: "W. Qian" }) { id } }');
    const merged = await api.query('mutation { mergeEntities(keepId: "wu-qian", mergeId: "wu-q") { id } }');
    expect(merged.errors).toBeUndefined();
    const response = await preview(
      bundleOf([
        { id: 'taliban', type: 'ORGANIZATION', name: 'The Taliban movement', aliases: [] },
        { id: 'sco-summit-host', type: 'ORGANIZATION', name: 'The Organization', aliases: ['SCO'] },
        { id: 'wu-q', type: 'PERSON', name: 'Someone', aliases: [] },
        { id: 'russia', type: 'PERSON', name: 'Russia', aliases: [] },
      ]),
    );
    expect(response.errors).toBeUndefined();
    const [taliban, sco, mergedAway, russia] = response.data!.bundleResolution;
    expect(taliban).toMatchObject({ outcome: 'MATCHED', matchedId: 'taliban', matchedName: 'Taliban', by: 'ID', candidates: [] });
    expect(sco).toMatchObject({ outcome: 'MATCHED', matchedId: 'shanghai-cooperation-organization', by: 'ALIAS', value: 'SCO' });
    expect(mergedAway).toMatchObject({ outcome: 'MATCHED', matchedId: 'wu-qian', matchedName: 'Wu Qian', by: 'MERGED' });
    expect(russia).toMatchObject({ outcome: 'CONFLICT', matchedId: 'russia', by: 'ID', message: 'id "russia" already belongs to a COUNTRY, not a PERSON' });
  });

  it('refuses an invalid bundle with the error ingestBundle gives, and callers without the editor role', async () => {
    const invalid = { ...FOUR, entities: [{ id: 'Not A Slug', type: 'PLANET', name: 'X' }] };
    const refused = await preview(invalid);
    const ingest = await api.query('mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents } }', { bundle: invalid }, 'editor');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toBe(ingest.errors?.[0]?.message);
    expect(refused.errors?.[0]?.extensions?.issues).toEqual(ingest.errors?.[0]?.extensions?.issues);
    expect((await preview(FOUR, 'reader')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('agrees with what ingest then does', async () => {
    const previewed = await previewResolution(api.db.executor, FOUR);
    const report = await ingestBundle(api.db.executor, FOUR);
    const matched = previewed.filter((entry) => entry.outcome === 'MATCHED').map(({ id, matchedId, by, value }) => ({ id, matchedId, by, value }));
    expect(report.matches).toEqual(matched);
    expect(report.ambiguities).toEqual(
      previewed
        .filter((entry) => entry.outcome === 'AMBIGUOUS')
        .map(({ id, name, candidates }) => ({ id, name, candidates: candidates.map((candidate) => candidate.id) })),
    );
    expect(report.createdEntityIds).toEqual(previewed.filter((entry) => entry.outcome === 'NEW' || entry.outcome === 'AMBIGUOUS').map((entry) => entry.id));
  });
});
