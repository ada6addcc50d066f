import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CountingTransaction } from '../../src/db/executor.js';
import { resolveRelations } from '../../src/ingest/resolve.js';
import { WRITE_ENTITY_REPORTS, writeRelations } from '../../src/ingest/write.js';
import type { BundleRelation } from '../../src/model/bundle-schema.js';
import { RELATION_OF_CLAIM } from '../../src/repositories/support/records.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';

/**
 * A lookup of one relation must not read all of a hub's relationships,
 * whichever end the hub is on. At 1M entities the ingest's same-fact lookup
 * did (one plan for the whole batch expanded the hub and filtered the other
 * end), and each record cost the hub's degree. These statements run under
 * PROFILE in a transaction that is rolled back, and their db hits must stay
 * far below the hub's degree.
 */

const DEGREE = 2000;
const BOUND = DEGREE / 10;
const db = openTestDatabase();
afterAll(() => db.close());

beforeAll(async () => {
  await wipe(db.executor);
  // A hub with DEGREE relationships of one type on each side, their claims, and DEGREE reports from one source.
  await db.executor.write(
    `CREATE (hub:Entity:Country {id: 'hub', type: 'COUNTRY', name: 'Hub'})
     CREATE (source:Source {id: 'wire', name: 'Wire', kind: 'agency'})
     CREATE (:Entity:Location {id: 'in-new', type: 'LOCATION', name: 'In new'}), (:Entity:Location {id: 'out-new', type: 'LOCATION', name: 'Out new'})
     WITH hub, source
     UNWIND range(1, $degree) AS i
     CREATE (a:Entity:Location {id: 'in-' + i, type: 'LOCATION', name: 'In ' + i})-[:LOCATED_IN {id: 'rel-in-' + i}]->(hub)
     CREATE (hub)-[:LOCATED_IN {id: 'rel-out-' + i}]->(:Entity:Location {id: 'out-' + i, type: 'LOCATION', name: 'Out ' + i})
     CREATE (:Claim {relationId: 'rel-in-' + i, type: 'LOCATED_IN', from: 'in-' + i, to: 'hub'})
     CREATE (:Claim {relationId: 'rel-out-' + i, type: 'LOCATED_IN', from: 'hub', to: 'out-' + i})
     CREATE (a)-[:REPORTED_BY {id: 'doc/r' + i}]->(source)`,
    { degree: neo4j.int(DEGREE) },
  );
});

interface Profiled {
  /** Every statement run here is PROFILEd and its db hits counted. */
  tx: CountingTransaction;
  /** The same transaction, uncounted: for checks of what the statements did. */
  plain: CountingTransaction;
}

const sumHits = (plan: ProfiledPlan): number => plan.dbHits + plan.children.reduce((sum, child) => sum + sumHits(child), 0);

/** Runs `work` with a transaction that PROFILEs every statement, then rolls everything back. */
async function profiled<T>(work: (profile: Profiled) => Promise<T>): Promise<{ result: T; dbHits: number }> {
  const session = db.driver.session({ database: db.target.database });
  const tx = session.beginTransaction();
  let hits = 0;
  const profile: Profiled = {
    tx: {
      run: async (cypher, params) => {
        const result = await tx.run(`PROFILE ${cypher}`, params);
        hits += sumHits(result.summary.profile as ProfiledPlan);
        return result;
      },
    } as CountingTransaction,
    plain: tx as CountingTransaction,
  };
  try {
    const result = await work(profile);
    return { result, dbHits: hits };
  } finally {
    await tx.rollback();
    await session.close();
  }
}

const relation = (id: string, from: string, to: string): BundleRelation => ({ id, type: 'LOCATED_IN', from, to });
// New and existing relations, with the hub at either end, in one batch: one plan serves them all.
const BATCH = [
  relation('rel-in-new', 'in-new', 'hub'),
  relation('rel-out-new', 'hub', 'out-new'),
  relation('restated-in', 'in-7', 'hub'),
  relation('restated-out', 'hub', 'out-7'),
];

describe('lookups next to a hub read only the relation asked for', () => {
  it('resolves relations to and from a hub without walking it', async () => {
    const { result, dbHits } = await profiled(({ tx }) => resolveRelations(tx, BATCH));
    expect(Object.fromEntries(result.ids)).toEqual({
      'rel-in-new': 'rel-in-new',
      'rel-out-new': 'rel-out-new',
      'restated-in': 'rel-in-7',
      'restated-out': 'rel-out-7',
    });
    expect(result.created).toBe(2);
    expect(dbHits).toBeLessThan(BOUND);
  });

  it('writes relations to and from a hub without walking it', async () => {
    const { result, dbHits } = await profiled(async ({ tx, plain }) => {
      await writeRelations(tx, BATCH.slice(0, 2), new Map());
      return plain.run("MATCH (:Entity {id: 'hub'})-[r:LOCATED_IN]-() RETURN count(r) AS degree");
    });
    expect(result.records[0]!.get('degree')).toBe(2 * DEGREE + 2);
    expect(dbHits).toBeLessThan(BOUND);
  });

  it('reads a relation by its claim without walking the hub at either end', async () => {
    const { result, dbHits } = await profiled(({ tx }) =>
      tx.run(`UNWIND $ids AS id MATCH (c:Claim {relationId: id}) ${RELATION_OF_CLAIM} RETURN r.id AS id, startNode(r).id AS from, endNode(r).id AS to`, {
        ids: ['rel-in-9', 'rel-out-9'],
      }),
    );
    expect(result.records.map((record) => record.toObject())).toEqual([
      { id: 'rel-in-9', from: 'in-9', to: 'hub' },
      { id: 'rel-out-9', from: 'hub', to: 'out-9' },
    ]);
    expect(dbHits).toBeLessThan(BOUND);
  });

  it('writes a report to a source that already has many without walking the source', async () => {
    const rows = [
      {
        id: 'doc/new',
        subject: 'in-3',
        source: 'wire',
        quote: 'q',
        start: neo4j.int(0),
        end: neo4j.int(1),
        reportedAt: null,
        document: 'doc',
        attributedTo: null,
        values: {},
      },
    ];
    const { dbHits } = await profiled(({ tx }) => tx.run(WRITE_ENTITY_REPORTS, { rows }));
    expect(dbHits).toBeLessThan(BOUND);
  });
});
