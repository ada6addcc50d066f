import { afterAll, describe, expect, it } from 'vitest';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { authorization, seededApi } from '../helpers/api.js';
import { openTestDatabase } from '../helpers/neo4j.js';
import { gql, type GraphQLResponse } from '../helpers/yoga.js';

/**
 * Issue 14, item 2: parallel ingests naming one new entity under different
 * ids. Resolution by name is serialized in the database, so the result is
 * the one a sequential run gives: one entity per name, one relation.
 */
const api = seededApi();
// A second API instance with its own driver and executor (so its own in-process queues), as a second process would have.
const other = openTestDatabase();
const otherYoga = createNewsgraphYoga({ executor: other.executor, log: other.log, security: other.config.security });
afterAll(() => other.close());

const INGEST =
  'mutation($b: JSON!) { ingestBundle(bundle: $b) { entities { created matched ambiguous } relations { created matched } createdEntityIds ambiguities { id } } }';

interface IngestAnswer {
  ingestBundle: {
    entities: { created: number; matched: number; ambiguous: number };
    relations: { created: number; matched: number };
    createdEntityIds: string[];
    ambiguities: unknown[];
  };
}

function membershipBundle(tag: string, i: number, person: string, organization: string) {
  const text = `${person} joined the ${organization} in the spring.`;
  return {
    format: 'newsgraph.bundle',
    version: 1,
    document: { id: `${tag}-doc-${i}`, title: `Parallel ingest ${i}`, publishedAt: '2024-05-06', text },
    sources: [{ id: `${tag}-wire`, name: 'Parallel Wire', kind: 'outlet' }],
    entities: [
      { id: `${tag}-person-${i}`, type: 'PERSON', name: person, aliases: [] },
      { id: `${tag}-org-${i}`, type: 'ORGANIZATION', name: organization, aliases: [], category: 'other' },
    ],
    relations: [{ id: `${tag}-rel-${i}`, type: 'MEMBER_OF', from: `${tag}-person-${i}`, to: `${tag}-org-${i}` }],
    reports: [{ id: 'r1', subject: { relation: `${tag}-rel-${i}` }, source: `${tag}-wire`, quote: text, start: 0, end: [...text].length }],
  };
}

async function named(type: string, name: string): Promise<string[]> {
  const rows = await api.db.executor.read<{ id: string }>('MATCH (e:Entity {type: $type, name: $name}) RETURN e.id AS id', { type, name });
  return rows.map((row) => row.id);
}

async function memberships(from: string[], to: string[]): Promise<number> {
  const [row] = await api.db.executor.read<{ n: number }>(
    'MATCH (a:Entity)-[r:MEMBER_OF]->(b:Entity) WHERE a.id IN $from AND b.id IN $to RETURN count(r) AS n',
    { from, to },
  );
  return row!.n;
}

describe('parallel ingests of one new name', () => {
  it('20 parallel ingestBundle calls, on two API instances, give one person, one organization and one MEMBER_OF', async () => {
    const person = 'Maren Quillfeather Halvorsen';
    const organization = 'Quillfeather Salvage Cooperative';
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const variables = { b: membershipBundle('par', i, person, organization) };
        return i % 2 === 0 ? api.query<IngestAnswer>(INGEST, variables, 'editor') : gql<IngestAnswer>(otherYoga, INGEST, variables, authorization('editor'));
      }),
    );
    expect(answers.flatMap((answer: GraphQLResponse<IngestAnswer>) => answer.errors ?? [])).toEqual([]);
    const persons = await named('PERSON', person);
    const organizations = await named('ORGANIZATION', organization);
    expect(persons).toHaveLength(1);
    expect(organizations).toHaveLength(1);
    expect(await memberships(persons, organizations)).toBe(1);
    // Exactly one ingest created them; the other 19 matched by name, none was ambiguous.
    const reports = answers.map((answer) => answer.data!.ingestBundle);
    expect(reports.filter((report) => report.entities.created === 2)).toHaveLength(1);
    expect(reports.filter((report) => report.entities.matched === 2 && report.relations.matched === 1)).toHaveLength(19);
    expect(reports.every((report) => report.ambiguities.length === 0)).toBe(true);

    const next = await api.data<IngestAnswer>(INGEST, { b: membershipBundle('par', 99, person, organization) });
    expect(next.ingestBundle.entities).toEqual({ created: 0, matched: 2, ambiguous: 0 });
  });

  it('the same bundle ingested 20 times in parallel is idempotent', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.query<IngestAnswer>(INGEST, { b: membershipBundle('same', 0, 'Ottilie Brannigan', 'Brannigan Ferry Union') }, 'editor'),
      ),
    );
    expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
    expect(await named('PERSON', 'Ottilie Brannigan')).toEqual(['same-person-0']);
    expect(await named('ORGANIZATION', 'Brannigan Ferry Union')).toEqual(['same-org-0']);
    expect(await memberships(['same-person-0'], ['same-org-0'])).toBe(1);
  });
});
