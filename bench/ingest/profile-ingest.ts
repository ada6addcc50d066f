import neo4j from 'neo4j-driver';
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { Executor } from '../../src/db/executor.js';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
import { capturingDriver, type CapturingDriver } from '../capture.js';
import { inProcessPost, type ContenderName } from '../contenders.js';
import type { BenchDatabase } from '../db.js';
import { wipeAll } from '../db.js';
import { createNeo4jGraphqlYoga } from '../neo4j-graphql/app.js';
import { sumDbHits, withProfile } from '../profile.js';
import { neo4jGraphqlIngestBatches } from './neo4j-graphql-ingest.js';
import { rawIngest } from './raw-ingest.js';
import { recordsLoaded } from './records.js';

/**
 * What each ingest path asks of the database: every statement it sends is
 * run under PROFILE (which executes it for real), on the same short stream
 * loaded into an empty graph; statements and db hits per 1000 records, and
 * the heaviest statements.
 */

export interface IngestCost {
  records: number;
  statementsPer1000: number;
  dbHitsPerRecord: number;
  /** The statements with the most db hits in total, by their first line. */
  heaviest: Array<{ statement: string; count: number; dbHits: number }>;
}

function tally(capture: CapturingDriver): Map<string, { count: number; dbHits: number }> {
  const byStatement = new Map<string, { count: number; dbHits: number }>();
  capture.rewrite = withProfile;
  capture.onSummary = (statement, summary) => {
    const key = statement.cypher
      .trim()
      .replace(/^CYPHER 5\s*/, '')
      .split('\n')
      .slice(0, 3)
      .join(' ')
      .replace(/\s+/g, ' ')
      .slice(0, 110);
    const entry = byStatement.get(key) ?? { count: 0, dbHits: 0 };
    entry.count += 1;
    entry.dbHits += summary.profile ? sumDbHits(summary.profile) : 0;
    byStatement.set(key, entry);
  };
  return byStatement;
}

async function load(name: ContenderName, db: BenchDatabase, capture: CapturingDriver, path: string, batchSize: number): Promise<number> {
  if (name === 'raw') return rawIngest(capture.driver, db.database, path, batchSize);
  if (name === 'neo4j-graphql') return neo4jGraphqlIngestBatches(inProcessPost(await createNeo4jGraphqlYoga(capture.driver, db.database)), path, batchSize);
  const report = await loadNdjsonFile(new Executor(capture.driver, db.database, db.log, 120_000), path, { batchSize });
  return recordsLoaded(report);
}

export async function profileIngest(db: BenchDatabase, path: string, batchSize: number): Promise<Record<ContenderName, IngestCost>> {
  const costs = {} as Record<ContenderName, IngestCost>;
  for (const name of ['newsgraph', 'raw', 'neo4j-graphql'] as ContenderName[]) {
    await wipeAll(db.driver, db.database);
    // newsgraph and raw use the driver settings newsgraph uses; the library gets a default driver, as in its server.
    const inner =
      name === 'neo4j-graphql'
        ? neo4j.driver(db.uri, neo4j.auth.basic(db.username, db.password))
        : createDriver({ uri: db.uri, username: db.username, password: db.password }, loadConfig({ NEO4J_URI: db.uri }).neo4j);
    try {
      const capture = capturingDriver(inner);
      const byStatement = tally(capture);
      const records = await load(name, db, capture, path, batchSize);
      const all = [...byStatement.values()];
      const statements = all.reduce((sum, entry) => sum + entry.count, 0);
      const dbHits = all.reduce((sum, entry) => sum + entry.dbHits, 0);
      costs[name] = {
        records,
        statementsPer1000: Math.round((statements / records) * 1000 * 10) / 10,
        dbHitsPerRecord: Math.round((dbHits / records) * 10) / 10,
        heaviest: [...byStatement.entries()]
          .map(([statement, entry]) => ({ statement, ...entry }))
          .sort((a, b) => b.dbHits - a.dbHits)
          .slice(0, 4),
      };
    } finally {
      await inner.close();
    }
  }
  await wipeAll(db.driver, db.database);
  return costs;
}
