import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { createDriver } from '../src/db/driver.js';
import { Executor } from '../src/db/executor.js';
import type { Logger } from '../src/logger.js';
import { createNewsgraphYoga } from '../src/server/yoga.js';
import { capturingDriver, type CapturedStatement, type CapturingDriver } from './capture.js';
import { graphqlContender, inProcessPost, type Contender, type ContenderName } from './contenders.js';
import { createNeo4jGraphqlYoga } from './neo4j-graphql/app.js';
import { profileAll } from './profile.js';
import type { Params, Workload } from './workloads.js';

/**
 * Round trips and database hits: each GraphQL contender runs in this process
 * on a driver that records its statements (capture.ts); each recorded
 * statement is then run again under PROFILE. The raw contender sends exactly
 * its one statement.
 */

export interface StatementEvidence {
  cypher: string;
  dbHits: number;
  plan: string[];
}

export interface CostFigures {
  roundTrips: number;
  dbHits: number;
  /** The statements of the first profiled parameter, with their plans: the evidence for the report. */
  evidence: StatementEvidence[];
}

export interface CaptureSetup {
  contenders: Array<{ contender: Contender; capture: CapturingDriver }>;
  close(): Promise<void>;
}

export async function captureSetup(uri: string, username: string, password: string, database: string, log: Logger): Promise<CaptureSetup> {
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, NODE_ENV: 'production' });
  const newsgraphDriver = createDriver({ uri, username, password }, config.neo4j);
  const newsgraphCapture = capturingDriver(newsgraphDriver);
  const executor = new Executor(newsgraphCapture.driver, database, log, config.neo4j.queryTimeoutMs);
  const newsgraph = graphqlContender('newsgraph', inProcessPost(createNewsgraphYoga({ executor, log, security: config.security })));
  const { default: neo4j } = await import('neo4j-driver');
  const libraryDriver = neo4j.driver(uri, neo4j.auth.basic(username, password));
  const libraryCapture = capturingDriver(libraryDriver);
  const library = graphqlContender('neo4j-graphql', inProcessPost(await createNeo4jGraphqlYoga(libraryCapture.driver, database)));
  return {
    contenders: [
      { contender: newsgraph, capture: newsgraphCapture },
      { contender: library, capture: libraryCapture },
    ],
    async close() {
      await newsgraphDriver.close();
      await libraryDriver.close();
    },
  };
}

async function figuresFor(driver: Driver, database: string, runs: CapturedStatement[][]): Promise<CostFigures> {
  let dbHits = 0;
  let evidence: StatementEvidence[] = [];
  for (const [index, statements] of runs.entries()) {
    const profiled = await profileAll(driver, database, statements);
    dbHits += profiled.dbHits;
    if (index === 0) evidence = profiled.statements.map((s) => ({ cypher: s.cypher.trim(), dbHits: s.dbHits, plan: s.plan }));
  }
  const roundTrips = runs.reduce((sum, statements) => sum + statements.length, 0) / runs.length;
  return { roundTrips: Math.round(roundTrips * 100) / 100, dbHits: Math.round(dbHits / runs.length), evidence };
}

/**
 * Round trips and db hits per operation, over the first `count` parameter
 * values, for the contenders named in `measured` (those whose answers were
 * checked: one that failed would fail here again).
 */
export async function measureCosts(
  setup: CaptureSetup,
  driver: Driver,
  database: string,
  workload: Workload,
  params: Params[],
  count: number,
  measured: ReadonlySet<ContenderName>,
): Promise<Partial<Record<ContenderName, CostFigures>>> {
  const chosen = params.slice(0, count);
  const results: Partial<Record<ContenderName, CostFigures>> = {};
  for (const { contender, capture } of setup.contenders.filter(({ contender }) => measured.has(contender.name))) {
    await contender.ask(workload, chosen[0]!); // first-request work (the library's version check) is not the workload's
    const runs: CapturedStatement[][] = [];
    for (const p of chosen) {
      capture.statements.length = 0;
      await contender.ask(workload, p);
      runs.push([...capture.statements]);
    }
    results[contender.name] = await figuresFor(driver, database, runs);
  }
  if (measured.has('raw')) {
    results.raw = await figuresFor(
      driver,
      database,
      chosen.map((p) => [{ cypher: workload.raw.cypher(p), params: workload.raw.params(p) }]),
    );
  }
  return results;
}
