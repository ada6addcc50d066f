import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/repositories/support/cursor.js';
import { authorization, seededApi } from '../helpers/api.js';
import { recountSourceTallies } from '../helpers/source-tallies.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';
import { HOSTILE } from '../helpers/hostile-strings.js';

/**
 * Cypher and Lucene syntax, very long strings and odd Unicode in every string
 * argument of every query and mutation. Each one is data: reads of ids that do
 * not exist give null or nothing, writes refuse with BAD_USER_INPUT (slug
 * rules, lengths, unknown references) or store the string as given, and no
 * injection deletes or changes anything else in the graph.
 */

const api = seededApi();

const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'NOT_FOUND', 'BAD_REQUEST']);
const CODELESS = [/^Variable "\$[A-Za-z0-9_]+" /, /^Syntax Error: /];
const LEAKS = [
  /\n\s*at |\s{4}at \S/,
  /\b(MATCH|UNWIND|MERGE|RETURN|DETACH DELETE|CREATE|CALL|SET)\s+[($\w{[]/,
  /neo4j|Neo\.(ClientError|TransientError)|bolt:\/\//i,
  /\/work\/|node_modules/,
];

interface Answer<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string; argumentName?: string } }>;
}

/** One operation with the hostile string in a variable; checks the answer is safe whatever it says. */
async function send<T = Record<string, unknown>>(hostile: string, query: string, variables: Record<string, unknown>): Promise<Answer<T>> {
  const response = await api.yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization('admin') },
    body: JSON.stringify({ query, variables }),
  });
  const answer = { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
  expect(answer.status, query).toBeLessThan(500);
  for (const error of answer.errors ?? []) {
    const code = error.extensions?.code;
    expect(code ? KNOWN_CODES.has(code) : CODELESS.some((pattern) => pattern.test(error.message)), `${query}: ${JSON.stringify(error).slice(0, 500)}`).toBe(
      true,
    );
    // Messages may quote the input back, whole or shortened; what is left must not be Cypher, driver text, a stack or a path.
    let rest = `${error.message} ${JSON.stringify(error.extensions ?? {})}`;
    for (const echo of [hostile, JSON.stringify(hostile).slice(1, -1)]) if (echo) rest = rest.split(echo).join('');
    rest = rest.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    for (const leak of LEAKS) expect(rest, `${query}: ${rest.slice(0, 500)}`).not.toMatch(leak);
  }
  return answer;
}

const codeOf = (answer: Answer<unknown>) => answer.errors?.[0]?.extensions?.code;

/** Counts of what the seed graph had: everything but name keys and what this file created (ids, or claim endpoints, starting with inj-). */
async function seedCounts(): Promise<{ nodes: number; relationships: number }> {
  const mine = (n: string) => `(coalesce(${n}.id, ${n}.relationId, ${n}.from, '') STARTS WITH 'inj-' OR ${n}.to STARTS WITH 'inj-' OR ${n}:NameKey)`;
  const [nodes] = await api.db.executor.read<{ n: number }>(`MATCH (n) WHERE NOT ${mine('n')} RETURN count(n) AS n`);
  const [relationships] = await api.db.executor.read<{ n: number }>(`MATCH (a)-[r]->(b) WHERE NOT ${mine('a')} AND NOT ${mine('b')} RETURN count(r) AS n`);
  return { nodes: Number(nodes!.n), relationships: Number(relationships!.n) };
}

const trimmedLength = (text: string) => text.trim().length;
/**
 * Names are one line of visible text (docs/bundle-format.md): no controls or line separators, no bidirectional
 * controls, no invisible formatting characters (the rule's one exception, a joiner inside a word of a joining
 * script, is in none of the hostile strings).
 */
const visibleLine = (text: string) => !/[\p{Cc}\p{Zl}\p{Zp}\p{Cf}]/u.test(text);
const fitsName = (text: string, max: number) => trimmedLength(text) >= 1 && trimmedLength(text) <= max && visibleLine(text);
/** Free text (descriptions, quotes) carries no NUL. */
const noNul = (text: string) => !text.includes('\u0000');

/** A bundle (docs/bundle-format.md) as this file builds it, before a hostile string is put in. */
interface DraftBundle {
  format: string;
  version: number;
  document: { id: string; title: string; text: string };
  sources: Array<{ id: string; name: string; kind: string }>;
  entities: Array<{ id: string; type: string; name: string }>;
  reports: Array<{ id: string; subject: { entity: string }; source: string; quote: string; start: number; end: number }>;
}

describe('hostile strings in every string argument', () => {
  let before: Awaited<ReturnType<typeof graphSnapshot>>;
  let baseline: { nodes: number; relationships: number };

  beforeAll(async () => {
    before = await graphSnapshot(api.db.executor);
    baseline = await seedCounts();
    expect(baseline.nodes).toBeGreaterThan(0);
    // Endpoints for relations, owned by this file.
    await api.data(
      'mutation { a: upsertEntity(input: {id: "inj-person", type: PERSON, name: "Inj Person"}) { id } b: upsertEntity(input: {id: "inj-org", type: ORGANIZATION, name: "Inj Org"}) { id } }',
    );
  });

  afterAll(async () => {
    // Remove what this file created; the rest of the graph must be exactly as it was.
    await api.db.executor.write("MATCH (n) WHERE coalesce(n.id, n.relationId, n.from, '') STARTS WITH 'inj-' OR n.to STARTS WITH 'inj-' DETACH DELETE n");
    await api.db.executor.write('MATCH (k:NameKey) WHERE NOT (k)-[:NAMES]->() DELETE k');
    // The documents' text bands (claims/syndication.ts) that no remaining document is filed under.
    await api.db.executor.write('MATCH (b:TextBand) WHERE NOT (b)<-[:FILED_UNDER]-() DELETE b');
    // Deleted behind the API's back: the tally of source counts is counted again, as migrate does for an older graph.
    await recountSourceTallies(api.db.executor);
    const after = await graphSnapshot(api.db.executor);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
  });

  it.each(HOSTILE.map((hostile, index) => [index, JSON.stringify(hostile.length > 40 ? `${hostile.slice(0, 40)}…` : hostile), hostile] as const))(
    '#%i %s is data',
    { timeout: 60_000 },
    async (index, _label, s) => {
      const id = `inj-${index}`;
      const cursor = encodeCursor(s);

      // --- reads: an id that does not exist is null or nothing, never an error
      const reads = await send(
        s,
        `query($s: ID!) {
          entity(id: $s) { id } neighborhood(id: $s, depth: 3) { nodes { id } } timeline(entityId: $s) { id }
          source(id: $s) { id } document(id: $s) { id } relation(id: $s) { id }
          fromIt: shortestPath(from: $s, to: "china") { length } toIt: shortestPath(from: "china", to: $s) { length } itself: shortestPath(from: $s, to: $s) { length }
        }`,
        { s },
      );
      expect(reads.errors).toBeUndefined();
      expect(reads.data).toEqual({
        entity: null,
        neighborhood: null,
        timeline: [],
        source: null,
        document: null,
        relation: null,
        fromIt: null,
        toIt: null,
        itself: null,
      });
      expect((await send(s, 'mutation($s: ID!) { deleteEntity(id: $s) }', { s })).data).toEqual({ deleteEntity: false });

      // --- dates: refused as dates, whatever else they contain
      const dates = await send(s, 'query($from: Date, $to: Date) { timeline(from: $from, to: $to) { id } }', { from: s, to: s });
      expect(dates.errors?.map((error) => error.message)).toEqual([expect.stringMatching(/Invalid Date/), expect.stringMatching(/Invalid Date/)]);

      // --- search: any text is a search (or too long), never a Lucene error
      const search = await send<{ search: Array<{ entity: { id: string } }> }>(
        s,
        'query($s: String!) { search(query: $s, first: 100) { score entity { id } } }',
        { s },
      );
      if (s.length > 500) expect(search.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'query' });
      else expect(search.errors).toBeUndefined();

      // --- cursors: garbage is refused as a cursor, in each of the four connections; a well-formed cursor around the string pages from it
      // (entities and sources are non-null at the root, where one error nulls the whole answer, so they go one by one)
      const connections = [
        'entities(after: $s) { edges { node { id } } }',
        'sources(after: $s) { edges { node { id } } }',
        'entity(id: "china") { relations(after: $s) { edges { node { id } } } } source(id: "msn-news") { reports(after: $s) { edges { node { quote } } } }',
      ];
      for (const [i, selection] of connections.entries()) {
        const garbage = await send(s, `query($s: String) { ${selection} }`, { s });
        expect(garbage.errors, selection).toHaveLength(i === 2 ? 2 : 1);
        for (const error of garbage.errors!) expect(error.extensions, selection).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
      }
      expect((await send(s, `query($s: String) { ${connections.join(' ')} }`, { s: cursor })).errors).toBeUndefined();

      // --- ids of writes follow the slug rule; unknown references are named
      const badId = await send(s, 'mutation($s: ID!) { upsertEntity(input: {id: $s, type: PERSON, name: "X"}) { id } }', { s });
      expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      const relation = 'mutation($input: RelationInput!) { upsertRelation(input: $input) { id role } }';
      const base = { type: 'MEMBER_OF', from: 'inj-person', to: 'inj-org' };
      expect((await send(s, relation, { input: { ...base, id: s } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect((await send(s, relation, { input: { ...base, from: s } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
      expect((await send(s, relation, { input: { ...base, to: s } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      for (const [keepId, mergeId, field] of [
        [s, 'inj-person', 'keepId'],
        ['inj-person', s, 'mergeId'],
      ]) {
        const merge = await send(s, 'mutation($keepId: ID!, $mergeId: ID!) { mergeEntities(keepId: $keepId, mergeId: $mergeId) { id } }', { keepId, mergeId });
        expect(merge.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field });
      }
      const upsert =
        'mutation($input: EntityInput!) { upsertEntity(input: $input) { id name aliases description ... on Person { title } ... on Organization { category } reportedBy { quote } } }';
      for (const report of [{ sourceId: s }, { sourceId: 'msn-news', documentId: s }, { sourceId: 'msn-news', attributedTo: s }]) {
        const field = `reports[0].${Object.keys(report).at(-1)}`;
        expect((await send(s, upsert, { input: { id, type: 'PERSON', name: 'Inj', reports: [report] } })).errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field,
        });
      }
      expect(codeOf(await send(s, upsert, { input: { id: `${id}-org`, type: 'ORGANIZATION', name: 'Inj', category: s } }))).toBe('BAD_USER_INPUT');
      expect((await send(s, upsert, { input: { id: `${id}-event`, type: 'EVENT', name: 'Inj', startDate: s } })).errors?.[0]?.message).toMatch(/Invalid Date/);

      // --- text fields: stored exactly as given, or refused for their length or characters
      type Stored = {
        id: string;
        name: string;
        aliases: string[];
        description: string | null;
        title?: string | null;
        reportedBy: Array<{ quote: string | null }>;
      };
      const read = async () =>
        (
          await send<{ entity: Stored }>(
            s,
            `query($id: ID!) { entity(id: $id) { id name aliases description ... on Person { title } reportedBy { quote } } }`,
            { id },
          )
        ).data?.entity;
      const textCases: Array<[string, Record<string, unknown>, boolean, (stored: Stored) => unknown, unknown]> = [
        ['name', { name: s }, fitsName(s, 500), (e) => e.name, s],
        ['aliases', { name: 'Inj Alias Probe', aliases: [s] }, fitsName(s, 500), (e) => e.aliases, [s.trim()]],
        ['description', { name: 'Inj', description: s }, trimmedLength(s) >= 1 && trimmedLength(s) <= 20_000 && noNul(s), (e) => e.description, s],
        ['title', { name: 'Inj', title: s }, fitsName(s, 200), (e) => e.title, s],
      ];
      for (const [field, fields, accepted, pick, expected] of textCases) {
        const answer = await send<{ upsertEntity: Stored }>(s, upsert, { input: { id, type: 'PERSON', ...fields } });
        if (!accepted) {
          expect(answer.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field: field === 'aliases' ? 'aliases.0' : field });
          continue;
        }
        expect(answer.errors, field).toBeUndefined();
        expect(pick(answer.data!.upsertEntity), field).toEqual(expected);
        expect(pick((await read())!), `${field} read back`).toEqual(expected);
      }
      // A quote is at most 20,000 characters, as in bundles, and is compared verbatim (not trimmed).
      const quoted = await send<{ upsertEntity: Stored }>(s, upsert, {
        input: { id, type: 'PERSON', name: 'Inj', reports: [{ sourceId: 'msn-news', quote: s }] },
      });
      if (s.length > 20_000 || !noNul(s)) expect(quoted.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports[0].quote' });
      else {
        expect(quoted.errors).toBeUndefined();
        expect((await read())!.reportedBy.map((r) => r.quote)).toContain(s);
      }

      const role = await send<{ upsertRelation: { id: string; role: string } }>(s, relation, { input: { ...base, role: s } });
      if (!fitsName(s, 200)) expect(role.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
      else {
        expect(role.errors).toBeUndefined();
        const stored = await send<{ relation: { role: string } }>(s, 'query($id: ID!) { relation(id: $id) { role } }', { id: role.data!.upsertRelation.id });
        expect(stored.data?.relation.role).toBe(s);
      }

      // --- a bundle: slugs refused, text fields stored (trimmed, as bundles are)
      const text = 'Inj Wire reported that the place exists.';
      const QUOTE = 'the place exists';
      const bundle = (patch: (b: DraftBundle) => void) => {
        const b: DraftBundle = {
          format: 'newsgraph.bundle',
          version: 1,
          document: { id: `${id}-doc`, title: 'Inj doc', text },
          sources: [{ id: `${id}-wire`, name: 'Inj Wire', kind: 'outlet' }],
          entities: [{ id: `${id}-place`, type: 'LOCATION', name: `Inj Place ${index}` }],
          reports: [
            {
              id: 'r1',
              subject: { entity: `${id}-place` },
              source: `${id}-wire`,
              quote: QUOTE,
              start: text.indexOf(QUOTE),
              end: text.indexOf(QUOTE) + QUOTE.length,
            },
          ],
        };
        patch(b);
        return b;
      };
      const ingest = 'mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { createdEntityIds matches { id matchedId } } }';
      const slugPatches: Array<(b: DraftBundle) => void> = [
        (b) => (b.document.id = s),
        (b) => (b.sources[0]!.id = s),
        (b) => (b.entities[0]!.id = s),
        (b) => (b.reports[0]!.quote = s),
      ];
      for (const patch of slugPatches) expect(codeOf(await send(s, ingest, { bundle: bundle(patch) }))).toBe('BAD_USER_INPUT');
      const fits = fitsName(s, 500);
      const ingested = await send<{ ingestBundle: { createdEntityIds: string[]; matches: Array<{ id: string; matchedId: string }> } }>(s, ingest, {
        bundle: bundle((b) => {
          b.entities[0]!.name = s;
          b.sources[0]!.name = s;
          b.document.title = s;
        }),
      });
      if (!fits) expect(codeOf(ingested)).toBe('BAD_USER_INPUT');
      else {
        expect(ingested.errors).toBeUndefined();
        const report = ingested.data!.ingestBundle;
        const entityId = report.createdEntityIds.includes(`${id}-place`) ? `${id}-place` : report.matches.find((m) => m.id === `${id}-place`)!.matchedId;
        const stored = await send<{ entity: { name: string; aliases: string[] }; source: { name: string }; document: { title: string } }>(
          s,
          'query($e: ID!, $s: ID!, $d: ID!) { entity(id: $e) { name aliases } source(id: $s) { name } document(id: $d) { title } }',
          { e: entityId, s: `${id}-wire`, d: `${id}-doc` },
        );
        expect([stored.data!.entity.name, ...stored.data!.entity.aliases]).toContain(s.trim());
        expect(stored.data!.source.name).toBe(s.trim());
        expect(stored.data!.document.title).toBe(s.trim());
      }

      // --- and after all of it, nothing of the seed graph is gone
      expect(await seedCounts()).toEqual(baseline);
    },
  );

  it('a string Neo4j cannot store (an unpaired surrogate) is refused, not stored altered', async () => {
    const s = 'lone \ud800 surrogate';
    const upsert = await send<{ upsertEntity: { name: string } }>(s, 'mutation($input: EntityInput!) { upsertEntity(input: $input) { name } }', {
      input: { id: 'inj-surrogate', type: 'PERSON', name: s },
    });
    if (upsert.errors) expect(['BAD_REQUEST', 'BAD_USER_INPUT']).toContain(codeOf(upsert));
    else expect(upsert.data?.upsertEntity.name).toBe(s);
    const read = await send<{ entity: { name: string } | null }>(s, '{ entity(id: "inj-surrogate") { name } }', {});
    if (read.data?.entity) expect(read.data.entity.name).toBe(s);
  });

  it('the same strings as inline literals are data too', async () => {
    for (const s of HOSTILE.filter((text) => text.length <= 500)) {
      const literal = JSON.stringify(s);
      expect((await send(s, `{ entity(id: ${literal}) { id } source(id: ${literal}) { id } }`, {})).data).toEqual({ entity: null, source: null });
      expect((await send(s, `{ search(query: ${literal}) { score } }`, {})).errors).toBeUndefined();
    }
    expect(await seedCounts()).toEqual(baseline);
  });
});
