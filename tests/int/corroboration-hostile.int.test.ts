import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { backfillCorroboration } from '../../src/claims/backfill.js';
import { migrate } from '../../src/db/migrate.js';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import { seededApi } from '../helpers/api.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';
import { wipe } from '../helpers/neo4j.js';
import { expectTalliesMatchEntities } from '../helpers/source-tallies.js';

/**
 * Issue 16, the write side under attack: parallel ingests of one new fact,
 * the same bundle twice at once, wire stories, independence groups, relation
 * identity by period, editors' pinned values, the backfill of an older graph
 * and an admin's replacement of a document. Every count is read through
 * GraphQL, as a client sees it; the graph itself is read only to find ids and
 * to take a graph back to how an older version stored it.
 */

const api = seededApi();
const db = () => api.db.executor;

// Whatever a test did, the totals under minSources (kept at write time) still match the entities' own counts.
afterEach(() => expectTalliesMatchEntities(api));

const EXERCISE = { id: 'zapad-interaction-2021', name: 'Zapad/Interaction-2021', type: 'EVENT' } as const;
const ARMED_FORCES = { id: 'russian-armed-forces', name: 'Russian Armed Forces', type: 'ORGANIZATION' } as const;

// ---------------------------------------------------------------------------------------------------------------
// Bundles written in code: every quote's offsets computed from its document's text.

interface SourceSpec {
  id: string;
  name: string;
  kind?: string;
}
interface EntitySpec {
  id: string;
  type: string;
  name: string;
  aliases?: string[];
  description?: string;
  title?: string;
  category?: string;
  startDate?: string;
  endDate?: string;
}
interface RelationSpec {
  id: string;
  type: string;
  from: string;
  to: string;
  role?: string;
  startDate?: string;
  endDate?: string;
}
interface ReportSpec {
  id: string;
  subject: { entity: string } | { relation: string };
  source: string;
  quote: string;
}
interface DocSpec {
  id: string;
  publishedAt: string;
  text: string;
  publisher?: string;
  sources: SourceSpec[];
  entities: EntitySpec[];
  relations: RelationSpec[];
  reports: ReportSpec[];
}

function bundle(doc: DocSpec): Record<string, unknown> {
  return {
    format: 'newsgraph.bundle',
    version: 1,
    document: {
      id: doc.id,
      title: `${doc.id} title`,
      publishedAt: doc.publishedAt,
      url: null,
      text: doc.text,
      ...(doc.publisher ? { publisher: doc.publisher } : {}),
    },
    sources: doc.sources.map((source) => ({ kind: 'outlet', ...source })),
    entities: doc.entities.map((entity) => ({ aliases: [], ...entity })),
    relations: doc.relations,
    reports: doc.reports.map((report) => {
      const start = doc.text.indexOf(report.quote);
      if (start < 0) throw new Error(`quote not in ${doc.id}: ${report.quote}`);
      return { ...report, start, end: start + report.quote.length };
    }),
  };
}

/** Prose no other document shares a five-word run with: pseudo-words from a seeded generator, so no two outlets' texts look like copies. */
function prose(seed: string, words = 90): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tas', 'vu', 'del', 'shor', 'pin', 'gra', 'nek', 'bo', 'zu', 'fel', 'tor', 'ya', 'qui', 'dam', 'sel', 'hor'];
  let state = [...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0, 0x811c9dc5) || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % syllables.length;
  };
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) out.push(syllables[next()]! + syllables[next()]! + syllables[next()]!);
  const sentences: string[] = [];
  for (let i = 0; i < out.length; i += 10) sentences.push(`${out.slice(i, i + 10).join(' ')}.`);
  return sentences.join(' ');
}

const INGEST = `mutation($b: JSON!, $replace: Boolean) { ingestBundle(bundle: $b, replaceDocument: $replace) {
  documents reports createdEntityIds matches { id matchedId by } ambiguities { id candidates } } }`;
interface IngestAnswer {
  ingestBundle: { documents: number; reports: number; createdEntityIds: string[]; matches: Array<{ id: string; matchedId: string }>; ambiguities: unknown[] };
}
async function ingest(doc: DocSpec, replace = false) {
  return api.query<IngestAnswer>(INGEST, { b: bundle(doc), replace });
}
async function ingestOk(doc: DocSpec, replace = false) {
  const answer = await ingest(doc, replace);
  expect(answer.errors, doc.id).toBeUndefined();
  return answer.data!.ingestBundle;
}

// ---------------------------------------------------------------------------------------------------------------
// Reads through GraphQL.

interface Counts {
  sourceCount: number;
  independentSourceCount: number;
  status: string;
  disputed: string[];
  firstReportedAt: string | null;
  lastReportedAt: string | null;
}
interface Wording {
  value: string;
  reportCount: number;
  independentSourceCount: number;
  preferred: boolean;
}
interface Relation extends Counts {
  id: string;
  type: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
  from: { id: string };
  to: { id: string };
  roles: Wording[];
  reportedBy: Array<{ origin: string; source: { id: string } }>;
}
interface Alternative {
  property: string;
  value: string;
  preferred: boolean;
  independentSourceCount: number;
  sources: Array<{ id: string }>;
}
interface Entity extends Counts {
  id: string;
  name: string;
  description: string | null;
  title?: string | null;
  alternatives: Alternative[];
  reportedBy: Array<{ origin: string; source: { id: string } }>;
  relations: { totalCount: number; edges: Array<{ node: Relation }> };
}

const COUNTS = 'sourceCount independentSourceCount status disputed firstReportedAt lastReportedAt';
const RELATION = `id type role startDate endDate from { id } to { id } ${COUNTS}
  roles { value reportCount independentSourceCount preferred } reportedBy { origin source { id } }`;
const ENTITY = `id name description ${COUNTS} ... on Person { title }
  alternatives { property value preferred independentSourceCount sources { id } }
  reportedBy { origin source { id } }
  relations(first: 100) { totalCount edges { node { ${RELATION} } } }`;

async function entity(id: string): Promise<Entity> {
  const data = await api.data<{ entity: Entity | null }>(`query($id: ID!) { entity(id: $id) { ${ENTITY} } }`, { id });
  expect(data.entity, id).not.toBeNull();
  return data.entity!;
}

const counts = (of: Counts) => ({
  sourceCount: of.sourceCount,
  independentSourceCount: of.independentSourceCount,
  status: of.status,
  disputed: [...of.disputed].sort(),
  firstReportedAt: of.firstReportedAt,
  lastReportedAt: of.lastReportedAt,
});

function relationsBetween(of: Entity, type: string, other: string): Relation[] {
  return of.relations.edges.map(({ node }) => node).filter((node) => node.type === type && (node.from.id === other || node.to.id === other));
}
function onlyRelation(of: Entity, type: string, other: string): Relation {
  const found = relationsBetween(of, type, other);
  expect(
    found.map((relation) => relation.id),
    `${of.id} ${type} ${other}`,
  ).toHaveLength(1);
  return found[0]!;
}

/** The stored ids of the entities of one type and name (to find what a bundle created under whichever bundle id won). */
async function idsNamed(type: string, name: string): Promise<string[]> {
  const rows = await db().read<{ id: string }>('MATCH (n:Entity {type: $type, name: $name}) RETURN n.id AS id ORDER BY id', { type, name });
  return rows.map((row) => row.id);
}

async function relationshipCount(from: string, type: string, to: string): Promise<number> {
  const [row] = await db().read<{ n: number }>(`MATCH (:Entity {id: $from})-[r:${type}]->(:Entity {id: $to}) RETURN count(r) AS n`, { from, to });
  return Number(row!.n);
}

const outletDoc = (i: number, person: string, role: string): DocSpec => {
  const outlet = `hostile-outlet-${i}`;
  const lead = `${person} has joined ${EXERCISE.name} as ${role}, the ${outlet.replace(/-/g, ' ')} learned.`;
  return {
    id: `${outlet}-story`,
    publishedAt: `2021-08-${String(10 + (i % 15)).padStart(2, '0')}`,
    publisher: outlet,
    text: `${prose(`${outlet} head`)}\n\n${lead}\n\n${prose(`${outlet} tail`)}`,
    sources: [{ id: outlet, name: `Hostile Outlet ${i} Gazette` }],
    entities: [
      { id: `o${i}-person`, type: 'PERSON', name: person, title: 'Colonel' },
      { id: `o${i}-exercise`, type: 'EVENT', name: EXERCISE.name },
    ],
    relations: [{ id: `o${i}-person-participates`, type: 'PARTICIPATES_IN', from: `o${i}-person`, to: `o${i}-exercise`, role }],
    reports: [
      { id: 'person', subject: { entity: `o${i}-person` }, source: outlet, quote: person },
      { id: 'participates', subject: { relation: `o${i}-person-participates` }, source: outlet, quote: lead },
    ],
  };
};

// ---------------------------------------------------------------------------------------------------------------

describe('the same bundle twice at once', () => {
  const person = 'Daniyar Kassymov';
  const doc: DocSpec = {
    id: 'twice-at-once-story',
    publishedAt: '2021-08-12',
    publisher: 'twice-outlet',
    text: `${prose('twice head')}\n\n${person} led the Kazakh observers at ${EXERCISE.name}.\n\n${prose('twice tail')}`,
    sources: [{ id: 'twice-outlet', name: 'Twice Outlet' }],
    entities: [
      { id: 'kassymov', type: 'PERSON', name: person, title: 'Major', description: 'Kazakh officer' },
      { id: 'exercise', type: 'EVENT', name: EXERCISE.name, startDate: '2021-08-09' },
    ],
    relations: [{ id: 'kassymov-participates', type: 'PARTICIPATES_IN', from: 'kassymov', to: 'exercise', role: 'observer' }],
    reports: [
      { id: 'kassymov', subject: { entity: 'kassymov' }, source: 'twice-outlet', quote: `${person} led the Kazakh observers` },
      { id: 'exercise', subject: { entity: 'exercise' }, source: 'twice-outlet', quote: EXERCISE.name },
      {
        id: 'participates',
        subject: { relation: 'kassymov-participates' },
        source: 'twice-outlet',
        quote: `${person} led the Kazakh observers at ${EXERCISE.name}`,
      },
    ],
  };

  it('leaves the graph exactly as one ingest does', async () => {
    await wipe(db());
    await loadSeedIfEmpty(db(), api.db.log);
    await ingestOk(doc);
    const once = await graphSnapshot(db());
    const onceExercise = counts(await entity(EXERCISE.id));

    await wipe(db());
    await loadSeedIfEmpty(db(), api.db.log);
    const answers = await Promise.all([ingest(doc), ingest(doc)]);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(await graphSnapshot(db())).toEqual(once);
    expect(counts(await entity(EXERCISE.id))).toEqual(onceExercise);
    const [id] = await idsNamed('PERSON', person);
    expect(counts(await entity(id!))).toMatchObject({ sourceCount: 1, independentSourceCount: 1, status: 'SINGLE_SOURCE' });
  });
});

describe('twenty outlets report one new person at once', () => {
  const person = 'Tamerlan Oskembayev';
  // Twelve outlets say "observer", five "guest observer", three a long wording: the most given must win, not the longest.
  const LONG = 'an observer sent by the defence ministry of Kazakhstan';
  const roles = (i: number) => (i < 12 ? 'observer' : i < 17 ? 'guest observer' : LONG);

  it('makes one entity and one relation, each with twenty independent sources, none lost to the race', async () => {
    const docs = Array.from({ length: 20 }, (_, i) => outletDoc(i, person, roles(i)));
    const answers = await Promise.all(docs.map((doc) => ingest(doc)));
    for (const [i, answer] of answers.entries()) expect(answer.errors, `outlet ${i}`).toBeUndefined();
    for (const [i, answer] of answers.entries()) expect(answer.data?.ingestBundle.ambiguities, `outlet ${i}`).toEqual([]);

    const ids = await idsNamed('PERSON', person);
    expect(ids).toHaveLength(1);
    const found = await entity(ids[0]!);
    expect(counts(found)).toEqual({
      sourceCount: 20,
      independentSourceCount: 20,
      status: 'CORROBORATED',
      disputed: [],
      firstReportedAt: '2021-08-10',
      lastReportedAt: '2021-08-24',
    });
    expect(found.reportedBy).toHaveLength(20);
    expect(new Set(found.reportedBy.map((report) => report.origin)).size).toBe(20);

    expect(await relationshipCount(ids[0]!, 'PARTICIPATES_IN', EXERCISE.id)).toBe(1);
    const relation = onlyRelation(found, 'PARTICIPATES_IN', EXERCISE.id);
    expect(counts(relation)).toEqual({
      sourceCount: 20,
      independentSourceCount: 20,
      status: 'CORROBORATED',
      disputed: [],
      firstReportedAt: '2021-08-10',
      lastReportedAt: '2021-08-24',
    });
    expect(relation.reportedBy).toHaveLength(20);
    // Three wordings of one fact.
    expect([...relation.roles].map((wording) => [wording.value, wording.reportCount, wording.independentSourceCount]).sort()).toEqual(
      [
        [LONG, 3, 3],
        ['guest observer', 5, 5],
        ['observer', 12, 12],
      ].sort(),
    );
    expect(relation.roles.filter((wording) => wording.preferred).map((wording) => wording.value)).toEqual([relation.role]);
    // No claim node is left without its relationship, none is doubled.
    const [claims] = await db().read<{ n: number }>('MATCH (c:Claim {from: $from, to: $to}) RETURN count(c) AS n', { from: ids[0]!, to: EXERCISE.id });
    expect(Number(claims!.n)).toBe(1);
  });

  it('gives the most reported wording the role, not the longest one', async () => {
    const [id] = await idsNamed('PERSON', person);
    const relation = onlyRelation(await entity(id!), 'PARTICIPATES_IN', EXERCISE.id);
    expect(relation.role).toBe('observer');
    expect(relation.roles.find((wording) => wording.preferred)?.value).toBe('observer');
  });
});

describe('syndicated copies written at once', () => {
  it('counts nine outlets’ copies of one story, ingested three at a time, once', async () => {
    const person = 'Syndicated Person';
    const body = prose('syndicated wire body', 160);
    const copy = (n: number): DocSpec => {
      const outlet = `syndicating-outlet-${n}`;
      const line = `${person} briefed the press at ${EXERCISE.name}.`;
      return {
        id: `syndicated-copy-${n}`,
        publishedAt: '2021-08-23',
        publisher: outlet,
        // Each outlet puts its own headline on the same text.
        text: `Headline of outlet number ${n} about the drills\n\n${body}\n\n${line}`,
        sources: [{ id: outlet, name: `Syndicating Outlet ${n}` }],
        entities: [{ id: `syndicated-${n}-person`, type: 'PERSON', name: person }],
        relations: [],
        reports: [{ id: 'person', subject: { entity: `syndicated-${n}-person` }, source: outlet, quote: line.slice(0, -1) }],
      };
    };
    for (let round = 0; round < 3; round += 1) {
      const answers = await Promise.all([1, 2, 3].map((n) => ingest(copy(n + round * 3))));
      for (const answer of answers) expect(answer.errors).toBeUndefined();
    }
    const ids = await idsNamed('PERSON', person);
    expect(ids).toHaveLength(1);
    const found = await entity(ids[0]!);
    expect(counts(found)).toMatchObject({ sourceCount: 9, independentSourceCount: 1, status: 'SINGLE_SOURCE' });
    const [copies] = await db().read<{ originals: string[] }>(
      "MATCH (d:Document) WHERE d.id STARTS WITH 'syndicated-copy-' RETURN collect(DISTINCT coalesce(d.copyOf, d.id)) AS originals",
    );
    expect(copies!.originals).toHaveLength(1);
  });
});

describe('independence groups (groupSources)', () => {
  const person = 'Tamerlan Oskembayev';
  const GROUP = 'mutation($ids: [ID!]!, $group: String) { groupSources(ids: $ids, group: $group) { id independenceGroup } }';

  async function personCounts() {
    const [id] = await idsNamed('PERSON', person);
    const found = await entity(id!);
    return { entity: found.independentSourceCount, relation: onlyRelation(found, 'PARTICIPATES_IN', EXERCISE.id).independentSourceCount, status: found.status };
  }

  it('counts two grouped outlets once, at once, and again as two when the group is removed', async () => {
    expect(await personCounts()).toEqual({ entity: 20, relation: 20, status: 'CORROBORATED' });
    const grouped = await api.data<{ groupSources: Array<{ id: string; independenceGroup: string | null }> }>(GROUP, {
      ids: ['hostile-outlet-2', 'hostile-outlet-1'],
      group: 'Hostile Media Holding',
    });
    expect(grouped.groupSources).toEqual([
      { id: 'hostile-outlet-1', independenceGroup: 'Hostile Media Holding' },
      { id: 'hostile-outlet-2', independenceGroup: 'Hostile Media Holding' },
    ]);
    expect(await personCounts()).toEqual({ entity: 19, relation: 19, status: 'CORROBORATED' });
    // The same call again changes nothing.
    await api.data(GROUP, { ids: ['hostile-outlet-1', 'hostile-outlet-2'], group: 'Hostile Media Holding' });
    expect(await personCounts()).toEqual({ entity: 19, relation: 19, status: 'CORROBORATED' });

    const ungrouped = await api.data<{ groupSources: Array<{ independenceGroup: string | null }> }>(GROUP, {
      ids: ['hostile-outlet-1', 'hostile-outlet-2'],
      group: null,
    });
    expect(ungrouped.groupSources.map((source) => source.independenceGroup)).toEqual([null, null]);
    expect(await personCounts()).toEqual({ entity: 20, relation: 20, status: 'CORROBORATED' });
  });

  it('refuses an unknown source id with BAD_USER_INPUT and changes nothing', async () => {
    const before = await graphSnapshot(db());
    const answer = await api.query(GROUP, { ids: ['hostile-outlet-3', 'no-such-source'], group: 'g' });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(answer.errors)).toContain('no-such-source');
    expect(await graphSnapshot(db())).toEqual(before);
    expect(await personCounts()).toEqual({ entity: 20, relation: 20, status: 'CORROBORATED' });
  });

  it('refuses editors and readers, and changes nothing', async () => {
    const before = await graphSnapshot(db());
    for (const as of ['editor', 'reader', 'anonymous'] as const) {
      const answer = await api.query(GROUP, { ids: ['hostile-outlet-3', 'hostile-outlet-4'], group: 'g' }, as);
      expect(answer.data?.groupSources ?? null, as).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code, as).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    expect(await graphSnapshot(db())).toEqual(before);
  });

  it('refuses a blank group name and an empty id list', async () => {
    expect((await api.query(GROUP, { ids: ['hostile-outlet-3'], group: '   ' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.query(GROUP, { ids: [], group: 'g' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('loses no report’s group when a group is made while the grouped outlets are ingesting', async () => {
    const person = 'Race Group Person';
    const outlets = Array.from({ length: 6 }, (_, i) => `race-group-outlet-${i}`);
    const story = (i: number, round: number): DocSpec => {
      const outlet = outlets[i]!;
      const line = `${person} joined ${EXERCISE.name} in round ${round}.`;
      return {
        id: `${outlet}-round-${round}`,
        publishedAt: `2021-08-1${round}`,
        publisher: outlet,
        text: `${prose(`${outlet} ${round} head`)}\n\n${line}\n\n${prose(`${outlet} ${round} tail`)}`,
        sources: [{ id: outlet, name: `Race Group Outlet ${i}` }],
        entities: [
          { id: `${outlet}-person`, type: 'PERSON', name: person },
          { id: `${outlet}-exercise`, type: 'EVENT', name: EXERCISE.name },
        ],
        relations: round === 0 ? [] : [{ id: `${outlet}-participates`, type: 'PARTICIPATES_IN', from: `${outlet}-person`, to: `${outlet}-exercise` }],
        reports: [
          { id: 'person', subject: { entity: `${outlet}-person` }, source: outlet, quote: line.slice(0, -1) },
          ...(round === 0 ? [] : [{ id: 'participates', subject: { relation: `${outlet}-participates` }, source: outlet, quote: line.slice(0, -1) }]),
        ],
      };
    };
    for (const i of outlets.keys()) await ingestOk(story(i, 0));
    const read = async () => {
      const [id] = await idsNamed('PERSON', person);
      const found = await entity(id!);
      const relation = relationsBetween(found, 'PARTICIPATES_IN', EXERCISE.id)[0];
      return { entity: found.independentSourceCount, relation: relation?.independentSourceCount ?? null };
    };
    expect(await read()).toEqual({ entity: 6, relation: null });
    for (let round = 1; round <= 3; round += 1) {
      const group = round % 2 === 1 ? 'Race Holding' : null;
      const answers = await Promise.all([...outlets.map((_, i) => ingest(story(i, round))), api.query(GROUP, { ids: outlets, group })]);
      for (const answer of answers) expect(answer.errors, `round ${round}`).toBeUndefined();
      const expected = group ? 1 : 6;
      expect(await read(), `round ${round}, group ${group}`).toEqual({ entity: expected, relation: expected });
    }
    await api.data(GROUP, { ids: outlets, group: null });
  });

  it('never raises a count by grouping: an original and its syndicated copy stay one source when the original’s outlet joins a group', async () => {
    // A (Steppe Defense Review) and D (Northern Daily Digest, a syndicated copy of A) alone report the exercise in Qingtongxia.
    const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/corroboration/${name}`, import.meta.url), 'utf8')) as unknown;
    for (const name of ['a-steppe-defense-review.bundle.json', 'd-northern-daily-digest.bundle.json']) {
      expect((await api.query(INGEST, { b: fixture(name), replace: false })).errors, name).toBeUndefined();
    }
    const located = async () => onlyRelation(await entity(EXERCISE.id), 'LOCATED_IN', 'qingtongxia');
    expect(counts(await located())).toMatchObject({ sourceCount: 2, independentSourceCount: 1, status: 'SINGLE_SOURCE' });

    // Grouping A's outlet with an unrelated one may only merge sources, never split A from its copy.
    await api.data(GROUP, { ids: ['steppe-defense-review', 'hostile-outlet-5'], group: 'Steppe Holding' });
    try {
      const grouped = await located();
      expect(grouped.independentSourceCount, JSON.stringify(grouped.reportedBy)).toBe(1);
      expect(grouped.status).toBe('SINGLE_SOURCE');
    } finally {
      await api.data(GROUP, { ids: ['steppe-defense-review', 'hostile-outlet-5'], group: null });
    }
    expect((await located()).independentSourceCount).toBe(1);
  });
});

describe('wire stories', () => {
  const person = 'Bolat Nurlanov';
  const fact = `${person} serves in the Russian Armed Forces`;
  const wireDoc = (outlet: string, dateline: string, publishedAt: string): DocSpec => ({
    id: `${outlet}-wire-story`,
    publishedAt,
    publisher: outlet,
    text: `${dateline} (Xinhua) -- ${fact}, officials said on ${publishedAt}. ${prose(`${outlet} wire body`)}`,
    sources: [{ id: outlet, name: outlet.replace(/-/g, ' ') }],
    entities: [
      { id: 'nurlanov', type: 'PERSON', name: person },
      { id: 'armed-forces', type: 'ORGANIZATION', name: ARMED_FORCES.name },
    ],
    relations: [{ id: 'nurlanov-member-of', type: 'MEMBER_OF', from: 'nurlanov', to: 'armed-forces' }],
    reports: [
      { id: 'nurlanov', subject: { entity: 'nurlanov' }, source: outlet, quote: person },
      { id: 'member-of', subject: { relation: 'nurlanov-member-of' }, source: outlet, quote: fact },
    ],
  });
  const ownDoc = (outlet: string, sources: SourceSpec[], reporter: string, publisher: string | undefined, publishedAt = '2021-08-14'): DocSpec => ({
    id: `${outlet}-own-story`,
    publishedAt,
    ...(publisher ? { publisher } : {}),
    text: `${prose(`${outlet} own head`)}\n\nOur correspondent confirms that ${fact}.\n\n${prose(`${outlet} own tail`)}`,
    sources,
    entities: [
      { id: 'nurlanov', type: 'PERSON', name: person },
      { id: 'armed-forces', type: 'ORGANIZATION', name: ARMED_FORCES.name },
    ],
    relations: [{ id: 'nurlanov-member-of', type: 'MEMBER_OF', from: 'nurlanov', to: 'armed-forces' }],
    reports: [
      { id: 'nurlanov', subject: { entity: 'nurlanov' }, source: reporter, quote: person },
      { id: 'member-of', subject: { relation: 'nurlanov-member-of' }, source: reporter, quote: fact },
    ],
  });

  async function nurlanov() {
    const ids = await idsNamed('PERSON', person);
    expect(ids).toHaveLength(1);
    const found = await entity(ids[0]!);
    return { entity: found, relation: onlyRelation(found, 'MEMBER_OF', ARMED_FORCES.id) };
  }

  it('counts two outlets carrying one Xinhua story once, beside a third outlet’s own reporting', async () => {
    await ingestOk(wireDoc('wire-carrier-one', 'BEIJING, Aug. 12', '2021-08-12'));
    await ingestOk(wireDoc('wire-carrier-two', 'MOSCOW, Aug. 13', '2021-08-13'));
    await ingestOk(ownDoc('own-reporter', [{ id: 'own-reporter', name: 'Own Reporter Weekly' }], 'own-reporter', 'own-reporter'));
    const { entity: found, relation } = await nurlanov();
    for (const subject of [found, relation]) {
      expect(counts(subject)).toEqual({
        sourceCount: 3,
        independentSourceCount: 2,
        status: 'CORROBORATED',
        disputed: [],
        firstReportedAt: '2021-08-12',
        lastReportedAt: '2021-08-14',
      });
    }
    const origin = (source: string) => found.reportedBy.filter((report) => report.source.id === source).map((report) => report.origin);
    expect(origin('wire-carrier-one')).toEqual(origin('wire-carrier-two'));
    expect(origin('own-reporter')).not.toEqual(origin('wire-carrier-one'));
  });

  it('joins a source named Xinhua, cited in another outlet’s story, to the wire’s origin', async () => {
    await ingestOk(
      ownDoc(
        'citing-outlet',
        [
          { id: 'citing-outlet', name: 'Citing Outlet' },
          { id: 'xinhua', name: 'Xinhua', kind: 'agency' },
        ],
        'xinhua',
        'citing-outlet',
        '2021-08-15',
      ),
    );
    const { entity: found, relation } = await nurlanov();
    for (const subject of [found, relation]) expect(counts(subject)).toMatchObject({ sourceCount: 4, independentSourceCount: 2, lastReportedAt: '2021-08-15' });
  });

  it('joins Xinhua’s own story, under another source id and its full name, to the wire’s origin', async () => {
    await ingestOk(
      ownDoc(
        'xinhua-english',
        [{ id: 'xinhua-news-agency', name: 'Xinhua News Agency', kind: 'agency' }],
        'xinhua-news-agency',
        'xinhua-news-agency',
        '2021-08-16',
      ),
    );
    const { entity: found, relation } = await nurlanov();
    for (const subject of [found, relation]) expect(counts(subject)).toMatchObject({ sourceCount: 5, independentSourceCount: 2, lastReportedAt: '2021-08-16' });
  });

  it('does not take a wire cited in the text for a credit', async () => {
    const doc = ownDoc('quoting-outlet', [{ id: 'quoting-outlet', name: 'Quoting Outlet' }], 'quoting-outlet', 'quoting-outlet', '2021-08-17');
    doc.text = doc.text.replace('Our correspondent confirms that', 'Xinhua reported earlier, and our correspondent confirms, that');
    await ingestOk(doc);
    const { entity: found } = await nurlanov();
    expect(counts(found)).toMatchObject({ sourceCount: 6, independentSourceCount: 3 });
  });
  it('counts two source ids with one name (spelling aside) as one source, cited in two outlets’ stories', async () => {
    for (const [outlet, id, name, date] of [
      ['gt-citer-one', 'global-times-1', 'Global Times', '2021-08-18'],
      ['gt-citer-two', 'global-times-2', 'GLOBAL TIMES', '2021-08-19'],
    ] as const) {
      await ingestOk(
        ownDoc(
          outlet,
          [
            { id: outlet, name: `${outlet} daily` },
            { id, name, kind: 'outlet' },
          ],
          id,
          outlet,
          date,
        ),
      );
    }
    const { entity: found, relation } = await nurlanov();
    for (const subject of [found, relation]) expect(counts(subject)).toMatchObject({ sourceCount: 8, independentSourceCount: 4, lastReportedAt: '2021-08-19' });
  });
});

describe('relation identity: type, endpoints, overlapping period', () => {
  const RELATION_M = `mutation($input: RelationInput!) { upsertRelation(input: $input) { id role startDate endDate ${COUNTS} roles { value reportCount } } }`;
  const ENTITY_M = 'mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }';
  type Upserted = { upsertRelation: Relation };

  it('joins another role wording of the same type and endpoints to the relation, by upsert and by ingest', async () => {
    await api.data(ENTITY_M, { input: { id: 'identity-person', type: 'PERSON', name: 'Identity Person' } });
    await api.data(ENTITY_M, { input: { id: 'identity-org', type: 'ORGANIZATION', name: 'Identity Brigade' } });
    const first = await api.data<Upserted>(RELATION_M, {
      input: { type: 'MEMBER_OF', from: 'identity-person', to: 'identity-org', role: 'deputy commander', reports: [{ sourceId: 'own-reporter' }] },
    });
    const second = await api.data<Upserted>(RELATION_M, {
      input: { type: 'MEMBER_OF', from: 'identity-person', to: 'identity-org', role: 'second in command', reports: [{ sourceId: 'citing-outlet' }] },
    });
    expect(second.upsertRelation.id).toBe(first.upsertRelation.id);
    expect(await relationshipCount('identity-person', 'MEMBER_OF', 'identity-org')).toBe(1);
    expect(second.upsertRelation.roles.map((wording) => wording.value).sort()).toEqual(['deputy commander', 'second in command']);
    expect(counts(second.upsertRelation)).toMatchObject({ sourceCount: 2, independentSourceCount: 2, status: 'CORROBORATED' });

    const text = `${prose('identity ingest head')}\n\nIdentity Person is the chief of staff of the Identity Brigade.\n\n${prose('identity ingest tail')}`;
    await ingestOk({
      id: 'identity-ingest',
      publishedAt: '2021-09-01',
      publisher: 'identity-outlet',
      text,
      sources: [{ id: 'identity-outlet', name: 'Identity Outlet' }],
      entities: [
        { id: 'identity-ingest-person', type: 'PERSON', name: 'Identity Person' },
        { id: 'identity-ingest-org', type: 'ORGANIZATION', name: 'Identity Brigade' },
      ],
      relations: [{ id: 'identity-ingest-member-of', type: 'MEMBER_OF', from: 'identity-ingest-person', to: 'identity-ingest-org', role: 'chief of staff' }],
      reports: [
        {
          id: 'm',
          subject: { relation: 'identity-ingest-member-of' },
          source: 'identity-outlet',
          quote: 'Identity Person is the chief of staff of the Identity Brigade',
        },
      ],
    });
    expect(await relationshipCount('identity-person', 'MEMBER_OF', 'identity-org')).toBe(1);
    const relation = onlyRelation(await entity('identity-person'), 'MEMBER_OF', 'identity-org');
    expect(relation.id).toBe(first.upsertRelation.id);
    expect(relation.sourceCount).toBe(3);
    expect(relation.roles.map((wording) => wording.value).sort()).toEqual(['chief of staff', 'deputy commander', 'second in command']);
  });

  it('makes a second relation for a period that does not overlap, and joins overlapping partial dates', async () => {
    await api.data(ENTITY_M, { input: { id: 'period-person', type: 'PERSON', name: 'Period Person' } });
    await api.data(ENTITY_M, { input: { id: 'period-org', type: 'ORGANIZATION', name: 'Period Regiment' } });
    const input = (startDate: string, endDate: string, sourceId: string) => ({
      type: 'MEMBER_OF',
      from: 'period-person',
      to: 'period-org',
      startDate,
      endDate,
      role: 'member',
      reports: [{ sourceId }],
    });
    const august = await api.data<Upserted>(RELATION_M, { input: input('2021-08', '2021-08', 'own-reporter') });
    const early = await api.data<Upserted>(RELATION_M, { input: input('2019-01', '2019-02', 'citing-outlet') });
    expect(early.upsertRelation.id).not.toBe(august.upsertRelation.id);
    expect(await relationshipCount('period-person', 'MEMBER_OF', 'period-org')).toBe(2);

    const days = await api.data<Upserted>(RELATION_M, { input: input('2021-08-09', '2021-08-13', 'identity-outlet') });
    expect(days.upsertRelation.id).toBe(august.upsertRelation.id);
    expect(await relationshipCount('period-person', 'MEMBER_OF', 'period-org')).toBe(2);
    expect(counts(days.upsertRelation)).toMatchObject({ sourceCount: 2, independentSourceCount: 2, status: 'CORROBORATED', disputed: [] });
    // The more precise period is shown; the 2019 relation is untouched.
    expect(days.upsertRelation).toMatchObject({ startDate: '2021-08-09', endDate: '2021-08-13' });
    const person = await entity('period-person');
    const byId = new Map(person.relations.edges.map(({ node }) => [node.id, node]));
    expect(counts(byId.get(early.upsertRelation.id)!)).toMatchObject({ sourceCount: 1, independentSourceCount: 1, status: 'SINGLE_SOURCE' });
    expect(byId.get(early.upsertRelation.id)).toMatchObject({ startDate: '2019-01', endDate: '2019-02' });

    // The same by ingest: a bundle's 2019 relation joins the 2019 one, not the 2021 one.
    const text = `${prose('period head')}\n\nPeriod Person served in the Period Regiment early in 2019.\n\n${prose('period tail')}`;
    await ingestOk({
      id: 'period-ingest',
      publishedAt: '2021-09-02',
      publisher: 'period-outlet',
      text,
      sources: [{ id: 'period-outlet', name: 'Period Outlet' }],
      entities: [
        { id: 'period-ingest-person', type: 'PERSON', name: 'Period Person' },
        { id: 'period-ingest-org', type: 'ORGANIZATION', name: 'Period Regiment' },
      ],
      relations: [
        { id: 'period-ingest-member-of', type: 'MEMBER_OF', from: 'period-ingest-person', to: 'period-ingest-org', startDate: '2019-02', endDate: '2019-02' },
      ],
      reports: [
        {
          id: 'm',
          subject: { relation: 'period-ingest-member-of' },
          source: 'period-outlet',
          quote: 'Period Person served in the Period Regiment early in 2019',
        },
      ],
    });
    expect(await relationshipCount('period-person', 'MEMBER_OF', 'period-org')).toBe(2);
    const after = new Map((await entity('period-person')).relations.edges.map(({ node }) => [node.id, node]));
    expect(after.get(early.upsertRelation.id)!.sourceCount).toBe(2);
    expect(after.get(august.upsertRelation.id)!.sourceCount).toBe(2);
  });
});

describe('an editor’s value without a report is pinned', () => {
  const ENTITY_M = `mutation($input: EntityInput!) { upsertEntity(input: $input) { id description ${COUNTS} } }`;
  const person = 'Pinned Person';
  const doc = (id: string, description: string, publishedAt: string): DocSpec => {
    const outlet = `${id}-outlet`;
    return {
      id,
      publishedAt,
      publisher: outlet,
      text: `${prose(`${id} head`)}\n\n${person} spoke to reporters after the drill.\n\n${prose(`${id} tail`)}`,
      sources: [{ id: outlet, name: `${id} Outlet` }],
      entities: [{ id: 'pinned-person-in-bundle', type: 'PERSON', name: person, description }],
      relations: [],
      reports: [{ id: 'p', subject: { entity: 'pinned-person-in-bundle' }, source: outlet, quote: `${person} spoke to reporters` }],
    };
  };

  it('keeps the editor’s description over a later report’s, and marks no other value as the one shown', async () => {
    const edited = await api.data<{ upsertEntity: Entity }>(ENTITY_M, {
      input: { id: 'pinned-person', type: 'PERSON', name: person, description: 'Written by an editor' },
    });
    expect(edited.upsertEntity).toMatchObject({ description: 'Written by an editor', sourceCount: 0, independentSourceCount: 0, status: 'UNSOURCED' });

    await ingestOk(doc('pin-report-one', 'A much longer description given by an outlet that reported him', '2021-08-20'));
    const found = await entity('pinned-person');
    expect(found.description).toBe('Written by an editor');
    expect(counts(found)).toMatchObject({ sourceCount: 1, independentSourceCount: 1, status: 'SINGLE_SOURCE' });
    const descriptions = found.alternatives.filter((alt) => alt.property === 'description');
    expect(descriptions.map((alt) => alt.value)).toContain('A much longer description given by an outlet that reported him');
    // `preferred` is "the value the entity shows": the outlet's description is not shown.
    for (const alt of descriptions.filter((alt) => alt.preferred)) expect(alt.value).toBe(found.description);
  });

  it('unpins on an edit with reports: the edit’s value joins the others and the rule chooses again', async () => {
    const edited = await api.data<{ upsertEntity: Entity }>(ENTITY_M, {
      input: { id: 'pinned-person', type: 'PERSON', name: person, description: 'Sourced by an editor', reports: [{ sourceId: 'own-reporter' }] },
    });
    expect(edited.upsertEntity).toMatchObject({ sourceCount: 2, independentSourceCount: 2, status: 'CORROBORATED' });
    // Two sources, one description each: the more precise (longer) one is shown, not the editor's word any more.
    expect(edited.upsertEntity.description).toBe('A much longer description given by an outlet that reported him');

    // A later report no longer bows to the old pin.
    await ingestOk(doc('pin-report-two', 'A still longer description, given by a second outlet that reported him as well', '2021-08-21'));
    const found = await entity('pinned-person');
    expect(found.description).toBe('A still longer description, given by a second outlet that reported him as well');
    expect(found.alternatives.filter((alt) => alt.property === 'description' && alt.preferred).map((alt) => alt.value)).toEqual([found.description]);
  });
});

describe('an editor’s relation values and merges', () => {
  const RELATION_M = `mutation($input: RelationInput!) { upsertRelation(input: $input) { id role ${COUNTS} } }`;
  const ENTITY_M = 'mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }';

  it('keeps the role an editor set without a report over a later report’s wording', async () => {
    await api.data(ENTITY_M, { input: { id: 'role-pin-person', type: 'PERSON', name: 'Role Pin Person' } });
    const edited = await api.data<{ upsertRelation: Relation }>(RELATION_M, {
      input: { id: 'role-pin-relation', type: 'PARTICIPATES_IN', from: 'role-pin-person', to: EXERCISE.id, role: 'chief umpire' },
    });
    expect(edited.upsertRelation).toMatchObject({ role: 'chief umpire', status: 'UNSOURCED' });
    const text = `${prose('role pin head')}\n\nRole Pin Person watched ${EXERCISE.name} as a guest.\n\n${prose('role pin tail')}`;
    await ingestOk({
      id: 'role-pin-story',
      publishedAt: '2021-08-22',
      publisher: 'role-pin-outlet',
      text,
      sources: [{ id: 'role-pin-outlet', name: 'Role Pin Outlet' }],
      entities: [
        { id: 'role-pin-bundle-person', type: 'PERSON', name: 'Role Pin Person' },
        { id: 'role-pin-bundle-exercise', type: 'EVENT', name: EXERCISE.name },
      ],
      relations: [
        { id: 'role-pin-bundle-participates', type: 'PARTICIPATES_IN', from: 'role-pin-bundle-person', to: 'role-pin-bundle-exercise', role: 'guest' },
      ],
      reports: [
        {
          id: 'pe',
          subject: { relation: 'role-pin-bundle-participates' },
          source: 'role-pin-outlet',
          quote: `Role Pin Person watched ${EXERCISE.name} as a guest`,
        },
      ],
    });
    const relation = onlyRelation(await entity('role-pin-person'), 'PARTICIPATES_IN', EXERCISE.id);
    expect(relation.id).toBe('role-pin-relation');
    expect(counts(relation)).toMatchObject({ sourceCount: 1, status: 'SINGLE_SOURCE' });
    expect(relation.role).toBe('chief umpire');
  });

  it('keeps one relation per fact when a merge brings two of them onto one entity, with both reports', async () => {
    const story = (n: number) => {
      const name = `Merge Person ${n === 1 ? 'Alpha' : 'Beta'}`;
      const outlet = `merge-outlet-${n}`;
      const line = `${name} took part in ${EXERCISE.name}.`;
      return {
        name,
        doc: {
          id: `merge-story-${n}`,
          publishedAt: `2021-08-2${n}`,
          publisher: outlet,
          text: `${prose(`${outlet} head`)}\n\n${line}\n\n${prose(`${outlet} tail`)}`,
          sources: [{ id: outlet, name: `Merge Outlet ${n}` }],
          entities: [
            { id: `merge-${n}-person`, type: 'PERSON', name },
            { id: `merge-${n}-exercise`, type: 'EVENT', name: EXERCISE.name },
          ],
          relations: [{ id: `merge-${n}-participates`, type: 'PARTICIPATES_IN', from: `merge-${n}-person`, to: `merge-${n}-exercise`, role: 'participant' }],
          reports: [
            { id: 'p', subject: { entity: `merge-${n}-person` }, source: outlet, quote: name },
            { id: 'pe', subject: { relation: `merge-${n}-participates` }, source: outlet, quote: line.slice(0, -1) },
          ],
        } satisfies DocSpec,
      };
    };
    const [one, two] = [story(1), story(2)];
    await ingestOk(one.doc);
    await ingestOk(two.doc);
    const [keepId] = await idsNamed('PERSON', one.name);
    const [mergeId] = await idsNamed('PERSON', two.name);
    const merged = await api.query('mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { id } }', { k: keepId, m: mergeId });
    expect(merged.errors).toBeUndefined();
    const kept = await entity(keepId!);
    expect(counts(kept)).toMatchObject({ sourceCount: 2, independentSourceCount: 2, status: 'CORROBORATED' });
    // Same type, same endpoints, no dates (overlapping every period): one fact, by the identity rule, with both reports.
    expect(await relationshipCount(keepId!, 'PARTICIPATES_IN', EXERCISE.id)).toBe(1);
    expect(counts(onlyRelation(kept, 'PARTICIPATES_IN', EXERCISE.id))).toMatchObject({ sourceCount: 2, independentSourceCount: 2, status: 'CORROBORATED' });
  });
});

describe('a document replaced by an admin', () => {
  const person = 'Replaced Person';
  const story = (id: string, outlet: string, publishedAt: string, body: string, extra: Partial<DocSpec> = {}): DocSpec => ({
    id,
    publishedAt,
    publisher: outlet,
    text: `${body}\n\n${person} arrived with the Kazakh delegation.`,
    sources: [{ id: outlet, name: outlet.replace(/-/g, ' ') }],
    entities: [{ id: 'replaced-person-in-bundle', type: 'PERSON', name: person }],
    relations: [],
    reports: [{ id: 'p', subject: { entity: 'replaced-person-in-bundle' }, source: outlet, quote: `${person} arrived with the Kazakh delegation` }],
    ...extra,
  });
  const personCounts = async () => {
    const ids = await idsNamed('PERSON', person);
    expect(ids).toHaveLength(1);
    return counts(await entity(ids[0]!));
  };
  const SHARED = prose('shared wire body', 140);

  it('keeps counts right when a replacement rewrites a document’s text and reports', async () => {
    await ingestOk(story('replace-one', 'replace-outlet-one', '2021-08-10', prose('replace one body')));
    await ingestOk(story('replace-two', 'replace-outlet-two', '2021-08-11', prose('replace two body')));
    expect(await personCounts()).toMatchObject({ sourceCount: 2, independentSourceCount: 2, status: 'CORROBORATED' });
    // The same facts in a corrected text: nothing to count differently.
    await ingestOk(story('replace-two', 'replace-outlet-two', '2021-08-11', `${prose('replace two body')} Corrected.`), true);
    expect(await personCounts()).toMatchObject({ sourceCount: 2, independentSourceCount: 2, status: 'CORROBORATED' });
  });

  it('counts a replacement that turns out to be a copy of another outlet’s story once, and twice again when replaced back', async () => {
    await ingestOk(story('replace-one', 'replace-outlet-one', '2021-08-10', prose('replace one body')));
    // Outlet two's story replaced by outlet one's text (a syndicated copy): one independent source.
    await ingestOk(story('replace-two', 'replace-outlet-two', '2021-08-11', prose('replace one body')), true);
    expect(await personCounts()).toMatchObject({ sourceCount: 2, independentSourceCount: 1, status: 'SINGLE_SOURCE' });
    await ingestOk(story('replace-two', 'replace-outlet-two', '2021-08-11', prose('replace two body')), true);
    expect(await personCounts()).toMatchObject({ sourceCount: 2, independentSourceCount: 2, status: 'CORROBORATED' });
  });

  it('releases the copies of an original whose text is replaced by another', async () => {
    // Three: an original, then a copy of it; then the original's text is replaced by a wholly different one.
    await ingestOk(story('replace-three', 'replace-outlet-three', '2021-08-05', SHARED));
    await ingestOk(story('replace-four', 'replace-outlet-four', '2021-08-06', `${SHARED} Republished with permission.`));
    expect(await personCounts()).toMatchObject({ sourceCount: 4, independentSourceCount: 3 });
    await ingestOk(story('replace-three', 'replace-outlet-three', '2021-08-05', prose('replace three own body')), true);
    const [four] = await db().read<{ copyOf: string | null }>("MATCH (d:Document {id: 'replace-four'}) RETURN d.copyOf AS copyOf");
    expect(four?.copyOf ?? null).toBeNull();
    expect(await personCounts()).toMatchObject({ sourceCount: 4, independentSourceCount: 4 });
  });

  it('follows a replacement that adds a wire credit', async () => {
    const before = await personCounts();
    const doc = story('replace-one', 'replace-outlet-one', '2021-08-10', prose('replace one body'));
    await ingestOk({ ...doc, text: `ASTANA (Xinhua) -- ${doc.text}` }, true);
    // The credited story is Xinhua's, which none of the other reports of this person are.
    const after = await personCounts();
    expect(after.sourceCount).toBe(before.sourceCount);
    expect(after.independentSourceCount).toBe(before.independentSourceCount);
    const ids = await idsNamed('PERSON', person);
    const origins = (await entity(ids[0]!)).reportedBy.filter((report) => report.source.id === 'replace-outlet-one').map((report) => report.origin);
    expect(origins).toEqual(['source:xinhua']);
  });
});

describe('backfill of a graph written before corroboration', () => {
  const RELATION_TYPES = ['PARTICIPATES_IN', 'COMMANDS', 'MEMBER_OF', 'LOCATED_IN'];

  async function stored() {
    const entities = await db().read(
      `MATCH (n:Entity) RETURN n.id AS id, n.sourceCount AS sourceCount, n.independentSourceCount AS independentSourceCount,
         n.firstReportedAt AS first, n.lastReportedAt AS last, n.status AS status, n.disputed AS disputed,
         n.description AS description, n.title AS title, n.category AS category, n.startDate AS startDate, n.endDate AS endDate ORDER BY id`,
    );
    const relations = await db().read(
      `MATCH ()-[r]->() WHERE type(r) IN $types RETURN r.id AS id, r.sourceCount AS sourceCount, r.independentSourceCount AS independentSourceCount,
         r.firstReportedAt AS first, r.lastReportedAt AS last, r.status AS status, r.disputed AS disputed,
         r.role AS role, r.startDate AS startDate, r.endDate AS endDate ORDER BY id`,
      { types: RELATION_TYPES },
    );
    const reports = await db().read('MATCH ()-[rb:REPORTED_BY]->() RETURN rb.id AS id, rb.origin AS origin ORDER BY id');
    const documents = await db().read('MATCH (d:Document) RETURN d.id AS id, d.voiceOrigin AS voice, d.copyOf AS copyOf, d.wire AS wire ORDER BY id');
    return { entities, relations, reports, documents };
  }
  const onlyCounts = (state: Awaited<ReturnType<typeof stored>>) => ({
    entities: state.entities.map((row) => ({
      id: row.id,
      sourceCount: row.sourceCount,
      independentSourceCount: row.independentSourceCount,
      first: row.first,
      last: row.last,
    })),
    relations: state.relations.map((row) => ({
      id: row.id,
      sourceCount: row.sourceCount,
      independentSourceCount: row.independentSourceCount,
      first: row.first,
      last: row.last,
    })),
  });

  const FORGET_COUNTS = [
    'MATCH (n:Entity) REMOVE n.sourceCount, n.independentSourceCount, n.firstReportedAt, n.lastReportedAt, n.status, n.disputed',
    `MATCH ()-[r]->() WHERE type(r) IN ${JSON.stringify(RELATION_TYPES)} REMOVE r.sourceCount, r.independentSourceCount, r.firstReportedAt, r.lastReportedAt, r.status, r.disputed`,
    'MATCH ()-[rb:REPORTED_BY]->() REMOVE rb.origin',
    'MATCH (d:Document) REMOVE d.voiceOrigin',
    'MATCH (c:Claim) REMOVE c.refreshed',
    "MATCH (m:Migration {id: 'corroboration'}) DELETE m",
    // Nor did it have the tally of counts.
    'MATCH (t:SourceTally) DELETE t',
    "MATCH (m:Migration {id: 'source-tallies'}) DELETE m",
  ];

  it('restores the same counts, origins and voices after they are removed, and a second run does nothing', async () => {
    // No group is left by the tests before (a group is an admin's word, which the backfill keeps anyway).
    const [grouped] = await db().read<{ n: number }>('MATCH (s:Source) WHERE s.independenceGroup IS NOT NULL RETURN count(s) AS n');
    expect(Number(grouped!.n)).toBe(0);
    // Mark the backfill of the graph this file wrote as done, as migrate would have at start.
    await db().write("MERGE (:Migration {id: 'corroboration'})");
    const before = await stored();
    expect(before.entities.length).toBeGreaterThan(10);
    for (const statement of FORGET_COUNTS) await db().write(statement);
    const [left] = await db().read<{ n: number }>('MATCH (n:Entity) WHERE n.sourceCount IS NOT NULL RETURN count(n) AS n');
    expect(Number(left!.n)).toBe(0);

    await migrate(db());
    expect(await stored()).toEqual(before);

    const settled = await graphSnapshot(db());
    await migrate(db());
    expect(await graphSnapshot(db())).toEqual(settled);
    expect(await backfillCorroboration(db())).toBeNull();
  });

  it('finishes on a graph holding a claim whose relationship is gone, instead of looking at it forever', async () => {
    await db().write("CREATE (:Claim {relationId: 'orphan-claim', type: 'MEMBER_OF', from: 'identity-person', to: 'no-such-entity'})");
    await db().write("MATCH (m:Migration {id: 'corroboration'}) DELETE m");
    await db().write("MATCH (n:Entity {id: 'identity-person'}) REMOVE n.sourceCount");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const outcome = await Promise.race([
      backfillCorroboration(db()).then(() => 'done'),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('still running after 20 s'), 20_000);
      }),
    ]);
    clearTimeout(timer);
    expect(outcome).toBe('done');
    expect(await backfillCorroboration(db())).toBeNull();
    await db().write("MATCH (c:Claim {relationId: 'orphan-claim'}) DELETE c");
  });

  it('gives a graph written before any of issue 16 (no source keys, no text bands, no copies found) the counts ingest gives', async () => {
    const before = onlyCounts(await stored());
    for (const statement of [
      ...FORGET_COUNTS,
      'MATCH (s:Source) REMOVE s.key, s.independenceGroup',
      'MATCH (d:Document) REMOVE d.minhash, d.wire, d.copyOf',
      'MATCH (b:TextBand) DETACH DELETE b',
    ]) {
      await db().write(statement);
    }
    await migrate(db());
    expect(onlyCounts(await stored())).toEqual(before);
  });
});

describe('totals under minSources, kept at write time', () => {
  it('take out a deleted entity, and one merged away, at once with other writes', async () => {
    const total = async () =>
      (await api.data<{ entities: { totalCount: number } }>('{ entities(minSources: 1, first: 1) { totalCount } }')).entities.totalCount;
    const sourced = await api.data<{ entities: { edges: Array<{ node: { id: string; type: string } }> } }>(
      '{ entities(minSources: 1, first: 50) { edges { node { id type } } } }',
    );
    const nodes = sourced.entities.edges.map((edge) => edge.node);
    const kept = nodes.find((node) => nodes.filter((other) => other.type === node.type).length >= 3);
    const [partner, doomed] = nodes.filter((node) => node.type === kept?.type && node.id !== kept.id);
    expect(kept && partner && doomed).toBeTruthy();
    const before = await total();
    const answers = await Promise.all([
      api.query('mutation($id: ID!) { deleteEntity(id: $id) }', { id: doomed!.id }),
      api.query('mutation($keep: ID!, $merge: ID!) { mergeEntities(keepId: $keep, mergeId: $merge) { id } }', { keep: kept!.id, merge: partner!.id }),
    ]);
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(await total()).toBe(before - 2);
  });
});
