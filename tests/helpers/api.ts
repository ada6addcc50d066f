import { afterAll, beforeAll, inject } from 'vitest';
import { ExtractionEngine } from '../../src/extract/extraction-engine.js';
import { createNlpEngine } from '../../src/nlp/nlp-engine.js';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import { createNewsgraphYoga, type NewsgraphYoga } from '../../src/server/yoga.js';
import { openTestDatabase, TEST_KEYS, wipe, type TestDatabase } from './neo4j.js';
import { gql, type GraphQLResponse } from './yoga.js';

export type Caller = keyof typeof TEST_KEYS | 'anonymous';

export interface SeededApi {
  db: TestDatabase;
  yoga: NewsgraphYoga;
  /** As an admin, unless `as` says otherwise. */
  query<T = Record<string, unknown>>(source: string, variables?: Record<string, unknown>, as?: Caller): Promise<GraphQLResponse<T>>;
  /** Like query, but fails the test on any GraphQL error. */
  data<T = Record<string, unknown>>(source: string, variables?: Record<string, unknown>): Promise<T>;
}

/** The API on a fresh seed graph, for a test file. */
export function authorization(as: Caller): Record<string, string> {
  return as === 'anonymous' ? {} : { authorization: `Bearer ${TEST_KEYS[as]}` };
}

/** `extraction`: serve extractDraft with the run's CoreNLP service (tests/setup/global-corenlp.ts). */
export function seededApi(extraConfig: Record<string, string> = {}, options: { extraction?: boolean } = {}): SeededApi {
  const db = openTestDatabase(options.extraction ? { NEWSGRAPH_CORENLP_URL: inject('corenlpUrl'), ...extraConfig } : extraConfig);
  const extraction = options.extraction ? new ExtractionEngine(createNlpEngine(db.config, db.log), db.config.nlp.requestTimeoutMs, db.log) : undefined;
  const yoga = createNewsgraphYoga({ executor: db.executor, log: db.log, security: db.config.security, extraction });
  beforeAll(async () => {
    await wipe(db.executor);
    await loadSeedIfEmpty(db.executor, db.log);
  });
  afterAll(() => db.close());
  const query = <T>(source: string, variables: Record<string, unknown> = {}, as: Caller = 'admin') => gql<T>(yoga, source, variables, authorization(as));
  return {
    db,
    yoga,
    query,
    async data<T>(source: string, variables: Record<string, unknown> = {}) {
      const response = await query<T>(source, variables);
      if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
      return response.data as T;
    },
  };
}
