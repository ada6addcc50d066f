import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import { seededApi } from '../helpers/api.js';
import { wipe } from '../helpers/neo4j.js';
import type { GraphQLResponse } from '../helpers/yoga.js';

/**
 * Issue 16, "Done when": the seed plus four more outlets' reports of the same
 * exercise (tests/fixtures/corroboration/, written for this test, naming the
 * seed's entities only by name or alias):
 *
 * - A, Steppe Defense Review, 2021-08-09: the exercise runs 2021-08-09 to 2021-08-13; Liu Xiaowu commands it as
 *   "commanding officer of the Chinese participating troops"; China and Russia take part; it is in Qingtongxia (a fact
 *   the seed does not give: the seed places it at the Qingtongxia army facility).
 * - B, Caspian Monitor, 2021-08-11: starts 2021-08-10 (against A's 2021-08-09), ends 2021-08-13; Liu Xiaowu commands
 *   it as "PLA commander for the drills"; China takes part.
 * - C, Harbor Evening Post, 2021-08-20: the Russian Eastern Military District (new) takes part and is a command of
 *   the Russian Armed Forces; Russia takes part.
 * - D, Northern Daily Digest, 2021-08-10: a syndicated copy of A (another headline, A's last sentence cut).
 *
 * The seed (2021-08-03) reports Liu Xiaowu commanding the exercise through MSN News only, and dates the exercise
 * 2021-08 to 2021-08, which is compatible with every day of August.
 */

const api = seededApi();

const FIXTURES = new URL('../fixtures/corroboration/', import.meta.url);
const BUNDLES = {
  A: 'a-steppe-defense-review.bundle.json',
  B: 'b-caspian-monitor.bundle.json',
  C: 'c-harbor-evening-post.bundle.json',
  D: 'd-northern-daily-digest.bundle.json',
} as const;
type Story = keyof typeof BUNDLES;
const bundle = (story: Story): unknown => JSON.parse(readFileSync(new URL(BUNDLES[story], FIXTURES), 'utf8'));

const EXERCISE = 'zapad-interaction-2021';
const LIU = 'liu-xiaowu';
const EMD = 'eastern-military-district';
const OUTLET = { A: 'steppe-defense-review', B: 'caspian-monitor', C: 'harbor-evening-post', D: 'northern-daily-digest' } as const;

const INGEST = `mutation($b: JSON!) { ingestBundle(bundle: $b) {
  documents reports createdEntityIds entities { created matched ambiguous } relations { created matched ambiguous }
  matches { id matchedId by } ambiguities { id candidates } } }`;

interface IngestResult {
  ingestBundle: {
    documents: number;
    reports: number;
    createdEntityIds: string[];
    entities: { created: number; matched: number; ambiguous: number };
    relations: { created: number; matched: number; ambiguous: number };
    matches: Array<{ id: string; matchedId: string; by: string }>;
    ambiguities: Array<{ id: string; candidates: string[] }>;
  };
}

interface Counts {
  sourceCount: number;
  independentSourceCount: number;
  status: string;
  disputed: string[];
  firstReportedAt: string | null;
  lastReportedAt: string | null;
}
interface Report {
  origin: string;
  reportedAt: string | null;
  source: { id: string };
  document: { id: string } | null;
}
interface Relation extends Counts {
  id: string;
  type: string;
  from: { id: string };
  to: { id: string };
  role: string | null;
  roles: Array<{ value: string; reportCount: number; independentSourceCount: number }>;
  reportedBy: Report[];
}
interface Alternative {
  property: string;
  value: unknown;
  preferred: boolean;
  sources: Array<{ id: string }>;
  reports: Array<{ source: { id: string }; origin: string }>;
}
interface Entity extends Counts {
  id: string;
  startDate?: string | null;
  endDate?: string | null;
  alternatives: Alternative[];
  reportedBy: Report[];
  relations: { totalCount: number; edges: Array<{ node: Relation }> };
}

const COUNTS = 'sourceCount independentSourceCount status disputed firstReportedAt lastReportedAt';
const REPORT = 'origin reportedAt source { id } document { id }';
const RELATION = `id type from { id } to { id } role roles { value reportCount independentSourceCount } ${COUNTS} reportedBy { ${REPORT} }`;
const ENTITY = `id ${COUNTS} ... on Event { startDate endDate }
  alternatives { property value preferred sources { id } reports { source { id } origin } }
  reportedBy { ${REPORT} }
  relations(first: 100) { totalCount edges { node { ${RELATION} } } }`;

async function ingest(story: Story): Promise<GraphQLResponse<IngestResult>> {
  return api.query<IngestResult>(INGEST, { b: bundle(story) });
}

async function entity(id: string): Promise<Entity> {
  const data = await api.data<{ entity: Entity | null }>(`query($id: ID!) { entity(id: $id) { ${ENTITY} } }`, { id });
  expect(data.entity, id).not.toBeNull();
  return data.entity!;
}

const key = (relation: Pick<Relation, 'type' | 'from' | 'to'>) => `${relation.type} ${relation.from.id} -> ${relation.to.id}`;
/** The exercise's relations by fact (type and endpoints), not by id: a relation first written by A or by D has either's id. */
function relationsByFact(of: Entity): Map<string, Relation[]> {
  const facts = new Map<string, Relation[]>();
  for (const { node } of of.relations.edges) facts.set(key(node), [...(facts.get(key(node)) ?? []), node]);
  return facts;
}
function only(of: Entity, fact: string): Relation {
  const found = relationsByFact(of).get(fact) ?? [];
  expect(
    found.map((relation) => relation.id),
    fact,
  ).toHaveLength(1);
  return found[0]!;
}
const sourcesOf = (reports: Report[]) => [...new Set(reports.map((report) => report.source.id))].sort();
const counts = (of: Counts): Counts => ({
  sourceCount: of.sourceCount,
  independentSourceCount: of.independentSourceCount,
  status: of.status,
  disputed: [...of.disputed].sort(),
  firstReportedAt: of.firstReportedAt,
  lastReportedAt: of.lastReportedAt,
});

const COMMANDS = `COMMANDS ${LIU} -> ${EXERCISE}`;
const IN_QINGTONGXIA = `LOCATED_IN ${EXERCISE} -> qingtongxia`;
const CHINA_TAKES_PART = `PARTICIPATES_IN china -> ${EXERCISE}`;
const RUSSIA_TAKES_PART = `PARTICIPATES_IN russia -> ${EXERCISE}`;
const EMD_TAKES_PART = `PARTICIPATES_IN ${EMD} -> ${EXERCISE}`;
const EMD_IN_ARMED_FORCES = `MEMBER_OF ${EMD} -> russian-armed-forces`;

/**
 * What must not depend on ingest order or repetition: counts, statuses, disputes, dates, wordings, alternatives
 * and the sources of every fact around the exercise, keyed by fact rather than by id.
 */
async function snapshot(): Promise<unknown> {
  const exercise = await entity(EXERCISE);
  const people = await Promise.all([LIU, EMD, 'china', 'russia', 'qingtongxia', 'russian-armed-forces'].map((id) => entity(id)));
  const emd = people[1]!;
  const stats = await api.data<{ stats: unknown }>('{ stats { entities relations sources documents } }');
  const relation = (r: Relation) => ({
    fact: key(r),
    ...counts(r),
    role: r.role,
    roles: [...r.roles].sort((x, y) => x.value.localeCompare(y.value)),
    sources: sourcesOf(r.reportedBy),
    reports: r.reportedBy.length,
  });
  return {
    stats: stats.stats,
    exercise: {
      ...counts(exercise),
      startDate: exercise.startDate,
      endDate: exercise.endDate,
      alternatives: exercise.alternatives
        .map((alt) => ({
          property: alt.property,
          value: alt.value,
          preferred: alt.preferred,
          sources: alt.sources.map((s) => s.id).sort(),
          reports: alt.reports.length,
        }))
        .sort((x, y) => `${x.property} ${JSON.stringify(x.value)}`.localeCompare(`${y.property} ${JSON.stringify(y.value)}`)),
      relations: exercise.relations.edges.map(({ node }) => relation(node)).sort((x, y) => x.fact.localeCompare(y.fact)),
    },
    entities: people.map((e) => ({ id: e.id, ...counts(e), sources: sourcesOf(e.reportedBy) })),
    emdRelations: emd.relations.edges.map(({ node }) => relation(node)).sort((x, y) => x.fact.localeCompare(y.fact)),
  };
}

/** The seed alone, before any outlet: what the counts of seed facts grow from. */
let seedOnly: { exercise?: Entity; china?: Relation; russia?: Relation; liu?: Entity };
const ingested: Partial<Record<Story, GraphQLResponse<IngestResult>>> = {};

beforeAll(async () => {
  // Tolerant reads: a missing field fails the tests that need it, not the whole file.
  const response = await api.query<{ entity: Entity | null }>(`query($id: ID!) { entity(id: $id) { ${ENTITY} } }`, { id: EXERCISE });
  const exercise = response.data?.entity ?? undefined;
  const liu = (await api.query<{ entity: Entity | null }>(`query($id: ID!) { entity(id: $id) { ${ENTITY} } }`, { id: LIU })).data?.entity ?? undefined;
  seedOnly = {
    exercise,
    liu,
    china: exercise ? relationsByFact(exercise).get(CHINA_TAKES_PART)?.[0] : undefined,
    russia: exercise ? relationsByFact(exercise).get(RUSSIA_TAKES_PART)?.[0] : undefined,
  };
  for (const story of ['A', 'B', 'C', 'D'] as const) ingested[story] = await ingest(story);
});

describe('four outlets report the seed exercise', () => {
  it('ingests A, B, C and D, joining them to the seed by name and alias only', () => {
    for (const story of ['A', 'B', 'C', 'D'] as const) expect(ingested[story]?.errors, story).toBeUndefined();
    const matched = (story: Story) => Object.fromEntries((ingested[story]?.data?.ingestBundle.matches ?? []).map((m) => [m.id, m.matchedId]));
    for (const story of ['A', 'D'] as const) {
      const p = story.toLowerCase();
      expect(matched(story)).toEqual({
        [`${p}-exercise`]: EXERCISE,
        [`${p}-liu`]: LIU,
        [`${p}-china`]: 'china',
        [`${p}-russia`]: 'russia',
        [`${p}-qingtongxia`]: 'qingtongxia',
      });
      expect(ingested[story]?.data?.ingestBundle.createdEntityIds).toEqual([]);
    }
    // B names the exercise by its alias West/Interaction-2021.
    expect(matched('B')).toEqual({ 'b-exercise': EXERCISE, 'b-liu': LIU, 'b-china': 'china' });
    expect(matched('C')).toEqual({ 'c-exercise': EXERCISE, 'c-russia': 'russia', 'c-russian-armed-forces': 'russian-armed-forces' });
    expect(ingested.C?.data?.ingestBundle.createdEntityIds).toEqual([EMD]);
    for (const story of ['A', 'B', 'C', 'D'] as const) expect(ingested[story]?.data?.ingestBundle.ambiguities, story).toEqual([]);
  });

  it('keeps one COMMANDS relation from Liu Xiaowu to the exercise whatever the role wording, with every report', async () => {
    const liu = await entity(LIU);
    const commands = liu.relations.edges.filter(({ node }) => node.type === 'COMMANDS');
    expect(commands.map(({ node }) => key(node))).toEqual([COMMANDS]);
    expect(only(await entity(EXERCISE), COMMANDS).id).toBe(commands[0]!.node.id);
    const relation = commands[0]!.node;
    expect(sourcesOf(relation.reportedBy)).toEqual(['caspian-monitor', 'msn-news', 'northern-daily-digest', 'steppe-defense-review']);
    expect(relation.reportedBy).toHaveLength(4);
    expect([...relation.roles].sort((x, y) => (x.value < y.value ? -1 : 1))).toEqual([
      { value: 'PLA commander for the drills', reportCount: 1, independentSourceCount: 1 },
      { value: 'commanding officer of Chinese troops', reportCount: 1, independentSourceCount: 1 },
      // A and its syndicated copy D: two reports, one independent source.
      { value: 'commanding officer of the Chinese participating troops', reportCount: 2, independentSourceCount: 1 },
    ]);
    expect(relation.roles.map((wording) => wording.value)).toContain(relation.role);
  });

  it('counts the COMMANDS relation: the syndicated copy D adds a source but no independent source', async () => {
    const relation = only(await entity(EXERCISE), COMMANDS);
    expect(counts(relation)).toEqual({
      sourceCount: 4,
      independentSourceCount: 3,
      status: 'CORROBORATED',
      disputed: [],
      firstReportedAt: '2021-08-03',
      lastReportedAt: '2021-08-11',
    });
    const origin = (source: string) => relation.reportedBy.filter((report) => report.source.id === source).map((report) => report.origin);
    expect(origin(OUTLET.D)).toEqual(origin(OUTLET.A));
    expect(new Set(relation.reportedBy.map((report) => report.origin)).size).toBe(3);
    expect(seedOnly.liu && counts(only(seedOnly.liu, COMMANDS))).toMatchObject({ sourceCount: 1, independentSourceCount: 1, status: 'SINGLE_SOURCE' });
  });

  it('keeps a fact reported only by A and its copy D single-source', async () => {
    const relation = only(await entity(EXERCISE), IN_QINGTONGXIA);
    expect(counts(relation)).toEqual({
      sourceCount: 2,
      independentSourceCount: 1,
      status: 'SINGLE_SOURCE',
      disputed: [],
      firstReportedAt: '2021-08-09',
      lastReportedAt: '2021-08-10',
    });
    expect(new Set(relation.reportedBy.map((report) => report.origin)).size).toBe(1);
  });

  it('counts Liu Xiaowu, reported by MSN News, A, B and D', async () => {
    const liu = await entity(LIU);
    expect(sourcesOf(liu.reportedBy)).toEqual(['caspian-monitor', 'msn-news', 'northern-daily-digest', 'steppe-defense-review']);
    expect(counts(liu)).toEqual({
      sourceCount: 4,
      independentSourceCount: 3,
      status: 'CORROBORATED',
      disputed: [],
      firstReportedAt: '2021-08-03',
      lastReportedAt: '2021-08-11',
    });
  });

  it('counts the participations the outlets repeat, the copy once', async () => {
    const exercise = await entity(EXERCISE);
    // China: the seed's sources, then A, D (one origin) and B.
    const china = only(exercise, CHINA_TAKES_PART);
    expect(sourcesOf(china.reportedBy)).toEqual(expect.arrayContaining([OUTLET.A, OUTLET.B, OUTLET.D]));
    expect(sourcesOf(china.reportedBy)).not.toContain(OUTLET.C);
    expect(china.sourceCount).toBe((seedOnly.china?.sourceCount ?? NaN) + 3);
    expect(china.independentSourceCount).toBe((seedOnly.china?.independentSourceCount ?? NaN) + 2);
    expect(china.status).toBe('CORROBORATED');
    expect(china.lastReportedAt).toBe('2021-08-11');
    // Russia: the seed's sources, then A, D (one origin) and C.
    const russia = only(exercise, RUSSIA_TAKES_PART);
    expect(sourcesOf(russia.reportedBy)).toEqual(expect.arrayContaining([OUTLET.A, OUTLET.C, OUTLET.D]));
    expect(sourcesOf(russia.reportedBy)).not.toContain(OUTLET.B);
    expect(russia.sourceCount).toBe((seedOnly.russia?.sourceCount ?? NaN) + 3);
    expect(russia.independentSourceCount).toBe((seedOnly.russia?.independentSourceCount ?? NaN) + 2);
    expect(russia.lastReportedAt).toBe('2021-08-20');
  });

  it('counts the exercise and marks it DISPUTED on its start date alone', async () => {
    const exercise = await entity(EXERCISE);
    // The seed reports the exercise through four sources (Wu Qian, The National Interest, Global Times, the article).
    expect(seedOnly.exercise?.sourceCount).toBe(4);
    expect(exercise.sourceCount).toBe(8);
    expect(exercise.independentSourceCount).toBe((seedOnly.exercise?.independentSourceCount ?? NaN) + 3);
    expect(sourcesOf(exercise.reportedBy)).toEqual(expect.arrayContaining(Object.values(OUTLET)));
    // DISPUTED wins over CORROBORATED; the end date is not in dispute (2021-08-13 from A, B and D, 2021-08 from the seed).
    expect(exercise.status).toBe('DISPUTED');
    expect(exercise.disputed).toEqual(['startDate']);
    expect(exercise.firstReportedAt).toBe('2021-08-03');
    expect(exercise.lastReportedAt).toBe('2021-08-20');
  });

  it('shows both start dates with their sources; the seed 2021-08 is compatible with both, not a third side', async () => {
    const exercise = await entity(EXERCISE);
    const starts = exercise.alternatives.filter((alt) => alt.property === 'startDate');
    const byValue = Object.fromEntries(starts.map((alt) => [String(alt.value), alt]));
    expect(Object.keys(byValue).sort()).toEqual(expect.arrayContaining(['2021-08-09', '2021-08-10']));
    // Only the seed's month may stand beside them.
    for (const value of Object.keys(byValue)) expect(['2021-08', '2021-08-09', '2021-08-10']).toContain(value);
    expect(byValue['2021-08-09']!.sources.map((s) => s.id).sort()).toEqual([OUTLET.D, OUTLET.A].sort());
    expect(byValue['2021-08-09']!.reports.map((r) => r.source.id).sort()).toEqual([OUTLET.D, OUTLET.A].sort());
    expect(byValue['2021-08-10']!.sources.map((s) => s.id)).toEqual([OUTLET.B]);
    expect(byValue['2021-08-10']!.reports.map((r) => r.source.id)).toEqual([OUTLET.B]);
    // One preferred value per property, and it is the one shown.
    expect(starts.filter((alt) => alt.preferred)).toHaveLength(1);
    expect(exercise.startDate).toBe(starts.find((alt) => alt.preferred)!.value);
    const ends = exercise.alternatives.filter((alt) => alt.property === 'endDate');
    expect(ends.map((alt) => String(alt.value)).sort()).toEqual(expect.arrayContaining(['2021-08-13']));
    for (const alt of ends) expect(['2021-08', '2021-08-13']).toContain(String(alt.value));
    expect(
      ends
        .find((alt) => alt.value === '2021-08-13')!
        .sources.map((s) => s.id)
        .sort(),
    ).toEqual([OUTLET.B, OUTLET.D, OUTLET.A].sort());
    expect(ends.filter((alt) => alt.preferred)).toHaveLength(1);
    expect(exercise.endDate).toBe(ends.find((alt) => alt.preferred)!.value);
  });

  it('keeps the facts only C reports single-source, first reported on 2021-08-20', async () => {
    const emd = await entity(EMD);
    const c = { sourceCount: 1, independentSourceCount: 1, status: 'SINGLE_SOURCE', disputed: [], firstReportedAt: '2021-08-20', lastReportedAt: '2021-08-20' };
    expect(counts(emd)).toEqual(c);
    expect(counts(only(emd, EMD_TAKES_PART))).toEqual(c);
    expect(counts(only(emd, EMD_IN_ARMED_FORCES))).toEqual(c);
    expect(sourcesOf(emd.reportedBy)).toEqual([OUTLET.C]);
  });
});

type Subgraph = {
  nodes: Array<{ id: string; independentSourceCount: number }>;
  relations: Array<{ type: string; from: { id: string }; to: { id: string }; independentSourceCount: number }>;
};
/** The exercise's neighbourhood under the filters; `withCounts` also reads the independent counts of what it shows. */
async function neighborhood(
  variables: { asOf?: string | null; minSources?: number | null },
  withCounts = false,
): Promise<{ nodes: string[]; facts: string[]; graph: Subgraph }> {
  const count = withCounts ? 'independentSourceCount' : '';
  const data = await api.data<{ neighborhood: Subgraph | null }>(
    `query($id: ID!, $asOf: Date, $minSources: Int) { neighborhood(id: $id, asOf: $asOf, minSources: $minSources) {
      nodes { id ${count} } relations { type from { id } to { id } ${count} } } }`,
    { id: EXERCISE, asOf: null, minSources: null, ...variables },
  );
  expect(data.neighborhood).not.toBeNull();
  const graph = data.neighborhood!;
  return { nodes: graph.nodes.map((node) => node.id).sort(), facts: graph.relations.map(key).sort(), graph };
}

describe('asOf: the graph as it was known on a date', () => {
  it('hides on 2021-08-15 the Eastern Military District and its relations, which only C (2021-08-20) reports', async () => {
    const entityAsOf = `query($id: ID!, $asOf: Date) { entity(id: $id, asOf: $asOf) { id } }`;
    expect((await api.data<{ entity: unknown }>(entityAsOf, { id: EMD, asOf: '2021-08-15' })).entity).toBeNull();
    expect((await api.data<{ entity: unknown }>(entityAsOf, { id: EMD, asOf: null })).entity).toEqual({ id: EMD });
    expect((await api.data<{ entity: unknown }>(entityAsOf, { id: EMD, asOf: '2021-08-20' })).entity).toEqual({ id: EMD });

    const before = await neighborhood({ asOf: '2021-08-15' });
    expect(before.nodes).not.toContain(EMD);
    expect(before.facts).not.toContain(EMD_TAKES_PART);
    expect(before.facts).toEqual(expect.arrayContaining([COMMANDS, IN_QINGTONGXIA, CHINA_TAKES_PART, RUSSIA_TAKES_PART]));
    const now = await neighborhood({ asOf: null });
    expect(now.nodes).toContain(EMD);
    expect(now.facts).toContain(EMD_TAKES_PART);

    const relationsAsOf = `query($id: ID!, $asOf: Date) { entity(id: $id) { relations(first: 100, asOf: $asOf) { edges { node { type from { id } to { id } } } } } }`;
    type Rels = { entity: { relations: { edges: Array<{ node: Relation }> } } };
    const listed = async (asOf: string | null) =>
      (await api.data<Rels>(relationsAsOf, { id: EXERCISE, asOf })).entity.relations.edges.map(({ node }) => key(node));
    expect(await listed('2021-08-15')).not.toContain(EMD_TAKES_PART);
    expect(await listed(null)).toContain(EMD_TAKES_PART);
    const armedForces = async (asOf: string | null) =>
      (await api.data<Rels>(relationsAsOf, { id: 'russian-armed-forces', asOf })).entity.relations.edges.map(({ node }) => key(node));
    expect(await armedForces('2021-08-15')).not.toContain(EMD_IN_ARMED_FORCES);
    expect(await armedForces(null)).toContain(EMD_IN_ARMED_FORCES);

    const search = `query($asOf: Date) { search(query: "Eastern Military District", asOf: $asOf) { entity { id } } }`;
    type Hits = { search: Array<{ entity: { id: string } }> };
    expect((await api.data<Hits>(search, { asOf: '2021-08-15' })).search.map((hit) => hit.entity.id)).not.toContain(EMD);
    expect((await api.data<Hits>(search, { asOf: null })).search.map((hit) => hit.entity.id)).toContain(EMD);
  });

  it('hides on 2021-08-05 what only the August outlets report, and keeps what the seed reported', async () => {
    const early = await neighborhood({ asOf: '2021-08-05' });
    expect(early.facts).not.toContain(IN_QINGTONGXIA);
    expect(early.facts).toEqual(expect.arrayContaining([COMMANDS, CHINA_TAKES_PART, RUSSIA_TAKES_PART]));
    expect(early.nodes).toContain('qingtongxia-army-facility');
    expect(early.nodes).not.toContain('qingtongxia');
    expect((await neighborhood({ asOf: '2021-08-09' })).facts).toContain(IN_QINGTONGXIA);
  });
});

describe('minSources: only corroborated facts', () => {
  it('keeps on the exercise only what has two independent sources or more', async () => {
    const all = await neighborhood({});
    expect(all.facts).toEqual(expect.arrayContaining([COMMANDS, IN_QINGTONGXIA, EMD_TAKES_PART]));
    const corroborated = await neighborhood({ minSources: 2 }, true);
    expect(corroborated.facts).toContain(COMMANDS);
    expect(corroborated.facts).not.toContain(EMD_TAKES_PART);
    // A and its copy D are one independent source.
    expect(corroborated.facts).not.toContain(IN_QINGTONGXIA);
    expect(corroborated.nodes).not.toContain(EMD);
    expect(corroborated.nodes).toContain(LIU);
    for (const node of corroborated.graph.nodes) expect(node.independentSourceCount, node.id).toBeGreaterThanOrEqual(2);
    for (const relation of corroborated.graph.relations) expect(relation.independentSourceCount, key(relation)).toBeGreaterThanOrEqual(2);
  });

  it('counts, with asOf, only the reports dated by then, and the copy D never twice', async () => {
    // By 2021-08-05 only MSN News reported the command.
    expect((await neighborhood({ asOf: '2021-08-05', minSources: 2 })).facts).not.toContain(COMMANDS);
    // By 2021-08-10: MSN News, A and its copy D: two independent sources, not three.
    expect((await neighborhood({ asOf: '2021-08-10', minSources: 2 })).facts).toContain(COMMANDS);
    expect((await neighborhood({ asOf: '2021-08-10', minSources: 3 })).facts).not.toContain(COMMANDS);
    // B on 2021-08-11 makes three.
    expect((await neighborhood({ asOf: '2021-08-11', minSources: 3 })).facts).toContain(COMMANDS);
  });

  it('answers, under asOf, the counts, status and reports the graph had then: not disputed before B', async () => {
    const asOf = async (date: string) => {
      const response = await api.query<{ entity: Entity }>(
        `query($id: ID!, $asOf: Date) { entity(id: $id, asOf: $asOf) {
        ${COUNTS} alternatives { property value preferred sources { id } reports { source { id } origin } } reportedBy { ${REPORT} } } }`,
        { id: EXERCISE, asOf: date },
      );
      return response.data!.entity;
    };
    const [today, before] = [await entity(EXERCISE), await asOf('2021-08-10')];
    // Seed, A and its copy D by 2021-08-10: the month and 2021-08-09 agree; B's 2021-08-10 came a day later.
    expect(today.status).toBe('DISPUTED');
    expect(before.status).toBe('CORROBORATED');
    expect(before.disputed).toEqual([]);
    expect(before.independentSourceCount).toBe(today.independentSourceCount - 2);
    expect(before.sourceCount).toBe(today.sourceCount - 2);
    expect(before.lastReportedAt).toBe('2021-08-10');
    expect(before.reportedBy.every((report) => report.reportedAt !== null && report.reportedAt <= '2021-08-10')).toBe(true);
    expect(sourcesOf(before.reportedBy)).not.toContain(OUTLET.B);
    expect(before.alternatives.map((alternative) => alternative.value)).not.toContain('2021-08-10');
  });
});

describe('the same reports in another order or twice', () => {
  let inOrder: unknown;

  it('ingesting the same bundles again changes no count', async () => {
    inOrder = await snapshot();
    for (const story of ['A', 'B', 'C', 'D'] as const) {
      const again = await ingest(story);
      expect(again.errors, story).toBeUndefined();
      expect(again.data?.ingestBundle.createdEntityIds, story).toEqual([]);
      expect(again.data?.ingestBundle.relations.created, story).toBe(0);
    }
    expect(await snapshot()).toEqual(inOrder);
  });

  it('ingesting D before A (all four in reverse) gives the same counts as A before D', async () => {
    expect(inOrder).toBeDefined();
    await wipe(api.db.executor);
    await loadSeedIfEmpty(api.db.executor, api.db.log);
    for (const story of ['D', 'C', 'B', 'A'] as const) expect((await ingest(story)).errors, story).toBeUndefined();
    expect(await snapshot()).toEqual(inOrder);
  });
});
