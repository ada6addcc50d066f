import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadConfig, type Config } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { Executor } from '../../src/db/executor.js';
import { createLogger, type Logger } from '../../src/logger.js';

export interface TestNeo4j {
  mode: 'given' | 'testcontainers' | 'embedded';
  uri: string;
  username: string;
  password: string;
  database: string;
  embeddedPid?: number;
}

export interface TestDatabase {
  target: TestNeo4j;
  config: Config;
  driver: Driver;
  executor: Executor;
  log: Logger;
  close(): Promise<void>;
}

/** API keys the test config accepts, one per role. */
export const TEST_KEYS = {
  reader: 'test-reader-key-0123456789',
  editor: 'test-editor-key-0123456789',
  admin: 'test-admin-key-01234567890',
} as const;

/** A config pointing at the run's test database, as a user would set it in the environment. */
export function testConfig(extra: Record<string, string> = {}): Config {
  const target = inject('neo4j');
  return loadConfig({
    NEO4J_URI: target.uri,
    NEO4J_USERNAME: target.username,
    NEO4J_PASSWORD: target.password,
    NEO4J_DATABASE: target.database,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    NEWSGRAPH_API_KEYS: Object.entries(TEST_KEYS)
      .map(([role, key]) => `${role}:${key}`)
      .join(','),
    ...extra,
  });
}

export function openTestDatabase(extra: Record<string, string> = {}): TestDatabase {
  const target = inject('neo4j');
  const config = testConfig(extra);
  const log = createLogger(config.logLevel);
  const driver = createDriver(target, config.neo4j);
  const executor = new Executor(driver, target.database, log, config.neo4j.queryTimeoutMs, config.neo4j.maxConcurrentWrites);
  return { target, config, driver, executor, log, close: () => driver.close() };
}

/** Removes all data but keeps constraints and indexes. */
export async function wipe(executor: Executor): Promise<void> {
  await executor.write('MATCH (n) DETACH DELETE n', {}, { name: 'test wipe', timeoutMs: 120_000 });
}
