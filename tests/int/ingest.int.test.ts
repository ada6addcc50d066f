import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestBundle } from '../../src/ingest/ingest.js';
import { BundleValidationError } from '../../src/model/validate-bundle.js';
import { seedBundle, smallBundle } from '../helpers/bundles.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());
beforeEach(() => wipe(db.executor));

describe('bundle ingest', () => {
  it('writes the seed bundle and is idempotent: a second load leaves the graph identical', async () => {
    const first = await ingestBundle(db.executor, seedBundle());
    expect(first.entities.created).toBe(seedBundle().entities.length);
    const before = await graphSnapshot(db.executor);
    const second = await ingestBundle(db.executor, seedBundle());
    expect(second.entities).toEqual({ created: 0, matched: seedBundle().entities.length, ambiguous: 0 });
    expect(second.matches.every((match) => match.by === 'id')).toBe(true);
    expect(await graphSnapshot(db.executor)).toEqual(before);
  });

  it('writes nothing from a bundle with one bad record', async () => {
    const bundle = seedBundle();
    bundle.reports[bundle.reports.length - 1]!.start += 3;
    await expect(ingestBundle(db.executor, bundle)).rejects.toBeInstanceOf(BundleValidationError);
    expect((await graphSnapshot(db.executor)).nodes).toEqual([]);
  });

  it('rolls back everything when the database rejects a record mid-transaction', async () => {
    await ingestBundle(db.executor, smallBundle());
    const before = await graphSnapshot(db.executor);
    // Valid on its own, but its relation id already names another fact in the graph.
    const clash = smallBundle({ documentId: 'doc-clash', prefix: 'x-' });
    clash.relations[0]!.id = 'jane-roe-member-of-alpha-corp';
    clash.reports[3]!.subject = { relation: 'jane-roe-member-of-alpha-corp' };
    clash.entities[0]!.name = 'Somebody Else';
    clash.entities[0]!.aliases = [];
    clash.entities[1]!.name = 'Other Org';
    const failure = await ingestBundle(db.executor, clash).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BundleValidationError);
    expect((failure as BundleValidationError).issues[0]?.message).toMatch(/already names jane-roe -MEMBER_OF-> alpha-corp/);
    expect(await graphSnapshot(db.executor)).toEqual(before);
  });

  it('resolves an unknown id to an existing entity by normalized name or alias, and reports it', async () => {
    await ingestBundle(db.executor, seedBundle());
    const text = 'ZAPAD/INTERACTION-2021 began. Qingtongxia hosted it. J. Roe watched.';
    const report = await ingestBundle(db.executor, {
      format: 'newsgraph.bundle',
      version: 1,
      document: { id: 'doc-followup', title: 'Follow-up', publishedAt: '2021-08-09', text },
      sources: [{ id: 'followup-wire', name: 'Follow-up Wire', kind: 'outlet' }],
      entities: [
        { id: 'the-drill', type: 'EVENT', name: 'ZAPAD/INTERACTION-2021', aliases: [] },
        { id: 'qtx', type: 'LOCATION', name: 'qingtongxia', aliases: [] },
        { id: 'qingtongxia-country', type: 'COUNTRY', name: 'Qingtongxia', aliases: [] },
      ],
      relations: [{ id: 'drill-in-qtx', type: 'LOCATED_IN', from: 'the-drill', to: 'qtx' }],
      reports: [
        { id: 'r1', subject: { entity: 'the-drill' }, source: 'followup-wire', quote: 'ZAPAD/INTERACTION-2021 began', start: 0, end: 28 },
        { id: 'r2', subject: { relation: 'drill-in-qtx' }, source: 'followup-wire', quote: 'Qingtongxia hosted it', start: 30, end: 51 },
      ],
    });
    expect(report.matches).toContainEqual({ id: 'the-drill', matchedId: 'zapad-interaction-2021', by: 'name', value: 'ZAPAD/INTERACTION-2021' });
    expect(report.matches).toContainEqual({ id: 'qtx', matchedId: 'qingtongxia', by: 'name', value: 'qingtongxia' });
    // Same name, other type: no match.
    expect(report.createdEntityIds).toEqual(['qingtongxia-country']);
    const rows = await db.executor.read<{ ids: string[]; reports: number; aliases: string[] }>(
      `MATCH (e:Entity {id: 'zapad-interaction-2021'})
       OPTIONAL MATCH (e)-[rb:REPORTED_BY]->()
       RETURN e.aliases AS aliases, count(rb) AS reports, [x IN COLLECT { MATCH (d:Entity) WHERE d.id IN ['the-drill', 'qtx'] RETURN d.id } | x] AS ids`,
    );
    expect(rows[0]?.ids).toEqual([]);
    expect(rows[0]?.aliases).toContain('ZAPAD/INTERACTION-2021');
    const located = await db.executor.read<{ n: number }>(
      "MATCH (:Event {id: 'zapad-interaction-2021'})-[r:LOCATED_IN]->(:Location {id: 'qingtongxia'}) RETURN count(r) AS n",
    );
    expect(located[0]?.n).toBe(1);
  });

  it('never merges an ambiguous match silently', async () => {
    await ingestBundle(db.executor, smallBundle());
    await ingestBundle(db.executor, { ...smallBundle({ documentId: 'doc-2', prefix: 'b-' }) });
    // b-jane-roe matched jane-roe by name; now add a second, distinct "Jane Roe" by id and alias.
    const third = smallBundle({ documentId: 'doc-3', prefix: 'c-' });
    third.entities[0]!.name = 'Jane R.';
    third.entities[0]!.aliases = [];
    await ingestBundle(db.executor, third);
    await db.executor.write("MATCH (k:NameKey {key: 'PERSON:janeroe'}), (e:Entity {id: 'c-jane-roe'}) MERGE (k)-[:NAMES]->(e)");
    const fourth = smallBundle({ documentId: 'doc-4', prefix: 'd-' });
    const report = await ingestBundle(db.executor, fourth);
    expect(report.ambiguities).toEqual([{ id: 'd-jane-roe', name: 'Jane Roe', candidates: ['c-jane-roe', 'jane-roe'] }]);
    expect(report.createdEntityIds).toContain('d-jane-roe');
  });

  it('survives concurrent ingest of overlapping bundles without duplicates', async () => {
    const bundles = Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? seedBundle() : smallBundle({ documentId: `doc-${i}` })));
    await Promise.all(bundles.map((bundle) => ingestBundle(db.executor, bundle)));
    const [counts] = await db.executor.read<{ entities: number; distinctIds: number; relations: number; reports: number }>(
      `MATCH (e:Entity) WITH count(e) AS entities, count(DISTINCT e.id) AS distinctIds
       CALL { MATCH ()-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]->() RETURN count(r) AS relations }
       CALL { MATCH ()-[rb:REPORTED_BY]->() RETURN count(rb) AS reports }
       RETURN entities, distinctIds, relations, reports`,
    );
    const seed = seedBundle();
    const small = smallBundle();
    expect(counts).toEqual({
      entities: seed.entities.length + small.entities.length,
      distinctIds: seed.entities.length + small.entities.length,
      relations: seed.relations.length + small.relations.length,
      // The small bundle's reports are scoped by document, so each of its three documents adds its own.
      reports: seed.reports.length + 3 * small.reports.length,
    });
  });
});
