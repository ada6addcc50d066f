import { describe, expect, it } from 'vitest';
import type { Executor } from '../../src/db/executor.js';
import { claimPage, entityPage, nameKeyPage, relationPage, reportPage, sourcePage } from '../../src/export/graph-queries.js';
import {
  claimFilterParams,
  claimVisible,
  entityVisible,
  NO_CLAIM_FILTER,
  relationPasses,
  relationVisible,
  type ClaimFilter,
} from '../../src/repositories/support/claim-filter-cypher.js';
import { EntityRepository } from '../../src/repositories/entity-repository.js';
import { GraphRepository } from '../../src/repositories/graph-repository.js';
import { RelationRepository, type RelationsOfRequest } from '../../src/repositories/relation-repository.js';
import { claimFilterOf } from '../../src/schema/support/claim-filter-args.js';

interface Sent {
  cypher: string;
  params: Record<string, unknown>;
}

/** Every statement the graph reads send, under one filter, to an executor that records them and answers nothing. */
async function statementsUnder(filter: ClaimFilter): Promise<Sent[]> {
  const sent: Sent[] = [];
  const db = {
    read: async (cypher: string, params: Record<string, unknown>) => {
      sent.push({ cypher, params });
      return [];
    },
  } as unknown as Executor;
  const entities = new EntityRepository(db);
  const graph = new GraphRepository(db);
  const relations = new RelationRepository(db);
  await entities.byIds(['a'], filter);
  await entities.page(null, 5, null, true, filter);
  await entities.page('PERSON', 5, 'x', true, filter);
  await entities.search('china', ['PERSON'], 5, new Set(['name']), filter);
  for (const depth of [1, 2, 3]) await graph.neighborhood('a', depth, [], 100, undefined, filter);
  await graph.shortestPath('a', 'b', 4, ['COMMANDS'], undefined, filter);
  await graph.shortestPath('a', 'a', 4, [], undefined, filter);
  await graph.timeline(null, null, null, 500, filter);
  await graph.timeline('x', '2021', '2022', 500, filter);
  for (const direction of ['OUT', 'IN', 'BOTH'] as const) {
    for (const withTotal of [true, false]) {
      const request: RelationsOfRequest = {
        types: [],
        direction,
        first: 5,
        after: null,
        withTotal,
        withReports: true,
        endpointProperties: ['name'],
        relationProperties: ['role'],
        reportProperties: ['quote'],
        sourceProperties: ['name'],
        reportLookups: [],
        filter,
      };
      await relations.relationsOf(['a'], request);
    }
  }
  return sent;
}

// Predicates, not projections: the records read the stored counts whatever the filter.
const FILTER_WORDS = /\$asOf|\$minSources|counted|firstReportedAt <=/;

describe('the read filters', () => {
  it('leave every statement and its parameters as they were when neither is given', async () => {
    for (const { cypher, params } of await statementsUnder(NO_CLAIM_FILTER)) {
      expect(cypher).not.toMatch(FILTER_WORDS);
      expect(Object.keys(params)).not.toContain('asOf');
      expect(Object.keys(params)).not.toContain('minSources');
    }
    for (const cypher of [
      entityPage(false),
      entityPage(true),
      relationPage('COMMANDS', false),
      reportPage(NO_CLAIM_FILTER),
      claimPage(NO_CLAIM_FILTER),
      nameKeyPage(NO_CLAIM_FILTER),
      sourcePage(NO_CLAIM_FILTER),
    ]) {
      expect(cypher).not.toMatch(/\$asOf|\$minSources|firstReportedAt <=/);
    }
    expect([
      entityVisible('n', NO_CLAIM_FILTER),
      relationPasses('r', NO_CLAIM_FILTER),
      relationVisible('r', 'a', 'b', NO_CLAIM_FILTER),
      claimVisible('c', NO_CLAIM_FILTER),
    ]).toEqual(['', '', '', '']);
    expect(claimFilterParams(NO_CLAIM_FILTER)).toEqual({});
  });

  it('are spliced into every statement, with their values only as parameters', async () => {
    const filter = { asOf: '2021-08', minSources: 2 };
    for (const { cypher, params } of await statementsUnder(filter)) {
      expect(cypher).toMatch(/\$asOf/);
      expect(cypher).toMatch(/\$minSources/);
      expect(cypher).not.toContain('2021-08');
      expect(params.asOf).toBe('2021-08-31');
      expect(Number(params.minSources)).toBe(2);
    }
  });

  it('use the stored count without asOf, and count the reports dated by asOf with it', () => {
    expect(entityVisible('n', { asOf: null, minSources: 2 })).toBe('coalesce(n.independentSourceCount, 0) >= $minSources');
    expect(entityVisible('n', { asOf: '2021', minSources: null })).toBe('n.firstReportedAt <= $asOf');
    const both = entityVisible('n', { asOf: '2021', minSources: 3 });
    expect(both).toContain('n.firstReportedAt <= $asOf AND COUNT {');
    expect(both).toContain('counted.reportedAt <= $asOf');
    expect(both).toContain('RETURN DISTINCT counted.origin } >= $minSources');
    expect(relationVisible('r', 'a', 'b', { asOf: null, minSources: 2 })).toBe(
      'coalesce(r.independentSourceCount, 0) >= $minSources AND coalesce(a.independentSourceCount, 0) >= $minSources AND coalesce(b.independentSourceCount, 0) >= $minSources',
    );
    // A partial asOf means the end of its period; a stored '2021-08' sorts before every day of it.
    expect(claimFilterParams({ asOf: '2021-02', minSources: null })).toEqual({ asOf: '2021-02-28' });
    expect(claimFilterParams({ asOf: '2021', minSources: null })).toEqual({ asOf: '2021-12-31' });
  });

  it("take a parent's filter for an argument left out, and refuse minSources outside 1 to 1000", () => {
    const parent = { asOf: '2021-08', minSources: 2 };
    expect(claimFilterOf({}, parent)).toEqual(parent);
    expect(claimFilterOf({ minSources: null }, parent)).toEqual({ asOf: '2021-08', minSources: null });
    expect(claimFilterOf({ asOf: '2022', minSources: 5 }, parent)).toEqual({ asOf: '2022', minSources: 5 });
    for (const bad of [0, -1, 1001, 1.5]) {
      expect(() => claimFilterOf({ minSources: bad })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
    expect(claimFilterOf({ minSources: 1000 }).minSources).toBe(1000);
  });
});
