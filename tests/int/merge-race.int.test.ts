import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';
import type { GraphQLResponse } from '../helpers/yoga.js';

/**
 * Issue 14, item 1: writes to an entity while it is merged away. Every write
 * acknowledged before, during or after the merge must end up on the kept
 * entity; a refused one must be refused with a typed error and store nothing.
 */
const api = seededApi();

const UPSERT_RELATION = 'mutation($i: RelationInput!) { upsertRelation(input: $i) { id from { id } to { id } } }';
const UPSERT_ENTITY = 'mutation($i: EntityInput!) { upsertEntity(input: $i) { id } }';
const MERGE = 'mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { id } }';
const INGEST = 'mutation($b: JSON!) { ingestBundle(bundle: $b) { createdEntityIds matches { id matchedId by } } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const acknowledged = (response: GraphQLResponse, field: string) => !response.errors?.length && response.data?.[field] != null;
const codes = (responses: GraphQLResponse[]) => responses.flatMap((response) => (response.errors ?? []).map((error) => String(error.extensions?.code)));

function bundle(documentId: string, entities: unknown[]) {
  return {
    format: 'newsgraph.bundle',
    version: 1,
    document: { id: documentId, text: `Merge race ${documentId}.` },
    sources: [],
    entities,
    relations: [],
    reports: [],
  };
}

async function membershipsOf(id: string): Promise<string[]> {
  const rows = await api.db.executor.read<{ to: string }>('MATCH (:Entity {id: $id})-[:MEMBER_OF]->(t:Entity) RETURN t.id AS to ORDER BY to', { id });
  return rows.map((row) => row.to);
}

async function reportQuotesOf(id: string): Promise<string[]> {
  const rows = await api.db.executor.read<{ quote: string }>(
    'MATCH (:Entity {id: $id})-[rb:REPORTED_BY]->() WHERE rb.quote STARTS WITH "race " RETURN rb.quote AS quote ORDER BY quote',
    { id },
  );
  return rows.map((row) => row.quote);
}

const RETRYABLE = new Set(['QUERY_TIMEOUT', 'DATABASE_BUSY']);

/** The first run of a statement compiles it, which can take seconds on a loaded machine: the rounds should race warm statements. */
async function warmUp(): Promise<void> {
  await api.data(INGEST, {
    b: bundle('race-warm-doc', [
      { id: 'race-warm-a', type: 'ORGANIZATION', name: 'Racewarm A', aliases: [] },
      { id: 'race-warm-b', type: 'ORGANIZATION', name: 'Racewarm B', aliases: [] },
    ]),
  });
  const steps: Array<[string, Record<string, unknown>]> = [
    [UPSERT_RELATION, { i: { type: 'MEMBER_OF', from: 'race-warm-a', to: 'peoples-liberation-army' } }],
    [UPSERT_ENTITY, { i: { id: 'race-warm-a', type: 'ORGANIZATION', name: 'Racewarm A', reports: [{ sourceId: 'global-times', quote: 'warm' }] } }],
    [MERGE, { k: 'race-warm-b', m: 'race-warm-a' }],
    [UPSERT_RELATION, { i: { type: 'MEMBER_OF', from: 'race-warm-a', to: 'peoples-liberation-army' } }],
  ];
  for (const [query, variables] of steps) {
    for (let attempt = 1; attempt <= 3; attempt++) if (codes([await api.query(query, variables)]).every((code) => !RETRYABLE.has(code))) break;
  }
}

describe('mergeEntities racing writes to the merged entity', () => {
  it('loses no acknowledged relation or report, stores nothing it refused, and never answers DATABASE_ERROR (4 rounds)', async () => {
    await warmUp();
    for (let round = 1; round <= 4; round++) {
      const a = `race-a-${round}`;
      const b = `race-b-${round}`;
      const targets = Array.from({ length: 30 }, (_, i) => `race-target-${round}-${i}`);
      await api.data(INGEST, {
        b: bundle(`race-doc-${round}`, [
          { id: a, type: 'ORGANIZATION', name: `Racegone Round ${round}`, aliases: [] },
          { id: b, type: 'ORGANIZATION', name: `Racekeep Round ${round}`, aliases: [] },
          ...targets.map((id, i) => ({ id, type: 'ORGANIZATION', name: `Racetarget ${round} Number ${i}`, aliases: [] })),
        ]),
      });

      // Relations and reported entity edits on A go out a few milliseconds apart; the merge starts among them, later each round.
      const relationCalls = targets.map((to, i) => sleep(i * 4).then(() => api.query(UPSERT_RELATION, { i: { type: 'MEMBER_OF', from: a, to } }, 'editor')));
      const entityCalls = Array.from({ length: 10 }, (_, i) =>
        sleep(i * 10).then(() =>
          api.query(
            UPSERT_ENTITY,
            { i: { id: a, type: 'ORGANIZATION', name: `Racegone Round ${round}`, reports: [{ sourceId: 'global-times', quote: `race ${round} ${i}` }] } },
            'editor',
          ),
        ),
      );
      const merge = sleep(20 * round).then(() => api.query(MERGE, { k: b, m: a }));
      const [relations, entities, first] = await Promise.all([Promise.all(relationCalls), Promise.all(entityCalls), merge]);
      // A merge that timed out waiting for the writers' locks is sent again, as a client would; one that went through is final.
      const merged = codes([first]).every((code) => RETRYABLE.has(code)) && first.errors ? await api.query(MERGE, { k: b, m: a }) : first;

      expect(merged.errors).toBeUndefined();
      expect(await api.data(`{ entity(id: "${a}") { id } }`)).toEqual({ entity: null });
      // Everything acknowledged is on B, and nothing refused was stored: the two sets are equal.
      const acknowledgedTargets = targets.filter((_, i) => acknowledged(relations[i]!, 'upsertRelation')).sort();
      expect(await membershipsOf(b)).toEqual(acknowledgedTargets);
      const acknowledgedQuotes = entities.flatMap((response, i) => (acknowledged(response, 'upsertEntity') ? [`race ${round} ${i}`] : [])).sort();
      expect(await reportQuotesOf(b)).toEqual(acknowledgedQuotes);
      // A refusal says the entity was merged, and where to (or, on a loaded machine, that the write timed out behind the merge's lock): never DATABASE_ERROR.
      for (const code of codes([...relations, ...entities])) expect(['ENTITY_MERGED', ...RETRYABLE]).toContain(code);
      const mergedRefusals = [...relations, ...entities].filter((response) => response.errors?.[0]?.extensions?.code === 'ENTITY_MERGED');
      for (const response of mergedRefusals) expect(response.errors![0]!.extensions).toMatchObject({ mergedInto: b });
    }
  });

  it('refuses a later write naming the merged id with ENTITY_MERGED, and ingest resolves it to the kept entity', async () => {
    await api.data(INGEST, {
      b: bundle('after-merge-doc', [
        { id: 'after-a', type: 'PERSON', name: 'Aftergone Person', aliases: [] },
        { id: 'after-b', type: 'PERSON', name: 'Afterkeep Person', aliases: [] },
      ]),
    });
    await api.data(MERGE, { k: 'after-b', m: 'after-a' });

    const relation = await api.query(UPSERT_RELATION, { i: { type: 'MEMBER_OF', from: 'after-a', to: 'peoples-liberation-army' } }, 'editor');
    expect(relation.errors?.[0]?.extensions).toMatchObject({ code: 'ENTITY_MERGED', field: 'from', mergedInto: 'after-b' });
    expect(relation.status).toBe(409);
    const entity = await api.query(UPSERT_ENTITY, { i: { id: 'after-a', type: 'PERSON', name: 'Aftergone Person' } }, 'editor');
    expect(entity.errors?.[0]?.extensions).toMatchObject({ code: 'ENTITY_MERGED', mergedInto: 'after-b' });
    expect(await api.data('{ entity(id: "after-a") { id } }')).toEqual({ entity: null });
    expect(await membershipsOf('after-b')).toEqual([]);

    // A bundle that still uses the old id (say, a re-ingest of an older export) lands on the kept entity instead of reviving the old one.
    const again = await api.data<{ ingestBundle: { createdEntityIds: string[]; matches: Array<{ id: string; matchedId: string; by: string }> } }>(INGEST, {
      b: bundle('after-merge-doc-2', [{ id: 'after-a', type: 'PERSON', name: 'Aftergone Person', aliases: [] }]),
    });
    expect(again.ingestBundle.createdEntityIds).toEqual([]);
    expect(again.ingestBundle.matches).toEqual([{ id: 'after-a', matchedId: 'after-b', by: 'merged' }]);
    expect(await api.data('{ entity(id: "after-a") { id } }')).toEqual({ entity: null });

    // Merged again, the chain follows: after-a and after-b now both point at the seed's liu-xiaowu.
    await api.data(MERGE, { k: 'liu-xiaowu', m: 'after-b' });
    const chained = await api.query(UPSERT_RELATION, { i: { type: 'MEMBER_OF', from: 'after-a', to: 'peoples-liberation-army' } }, 'editor');
    expect(chained.errors?.[0]?.extensions).toMatchObject({ code: 'ENTITY_MERGED', mergedInto: 'liu-xiaowu' });
  });
});
