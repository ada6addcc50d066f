import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';
import { seedBundle, smallBundle } from '../helpers/bundles.js';

const api = seededApi();

async function count(cypher: string): Promise<number> {
  const [row] = await api.db.executor.read<{ n: number }>(cypher);
  return row!.n;
}

describe('concurrent writes', () => {
  it('100 parallel upsertEntity calls for one id leave exactly one node, and none fails', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.query('mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }', {
          input: { id: 'contested', type: 'PERSON', name: 'Contested Person', aliases: [`alias ${i % 7}`], reports: [{ sourceId: 'msn-news' }] },
        }),
      ),
    );
    expect(responses.flatMap((response) => response.errors ?? [])).toEqual([]);
    expect(await count("MATCH (e:Entity {id: 'contested'}) RETURN count(e) AS n")).toBe(1);
    expect(await count("MATCH (:NameKey {key: 'PERSON:contestedperson'})-[l:NAMES]->() RETURN count(l) AS n")).toBe(1);
    expect(await count("MATCH (:Entity {id: 'contested'})-[rb:REPORTED_BY]->() RETURN count(rb) AS n")).toBe(1);
  });

  it('parallel upserts of one relation fact leave one relationship', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        api.query(
          'mutation { upsertRelation(input: {type: MEMBER_OF, from: "wu-qian", to: "peoples-liberation-army", role: "officer", reports: [{sourceId: "global-times"}]}) { id } }',
        ),
      ),
    );
    expect(responses.flatMap((response) => response.errors ?? [])).toEqual([]);
    expect(new Set(responses.map((response) => JSON.stringify(response.data))).size).toBe(1);
    expect(await count("MATCH (:Entity {id: 'wu-qian'})-[r:MEMBER_OF]->(:Entity {id: 'peoples-liberation-army'}) RETURN count(r) AS n")).toBe(1);
  });

  it('parallel ingests of overlapping bundles through the API leave no duplicates', async () => {
    const before = await count('MATCH (e:Entity) RETURN count(e) AS n');
    const bundles = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? seedBundle() : smallBundle({ documentId: `doc-parallel-${i}` })));
    const responses = await Promise.all(bundles.map((bundle) => api.query('mutation($b: JSON!) { ingestBundle(bundle: $b) { reports } }', { b: bundle })));
    expect(responses.flatMap((response) => response.errors ?? [])).toEqual([]);
    expect(await count('MATCH (e:Entity) RETURN count(e) AS n')).toBe(before + smallBundle().entities.length);
    expect(await count('MATCH (e:Entity) WITH e.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n')).toBe(0);
    expect(await count('MATCH (k:NameKey)-[:NAMES]->(e) WITH k, e, count(*) AS c WHERE c > 1 RETURN count(k) AS n')).toBe(0);
  });
});
