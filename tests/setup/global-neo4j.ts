import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { startEmbeddedNeo4j } from '../../src/db/embedded.js';
import { freePort } from '../../src/project.js';
import { Executor } from '../../src/db/executor.js';
import { migrate } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import type { TestNeo4j } from '../helpers/neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

const DOCKER_PROBE_MS = 5000;

async function dockerAnswers(): Promise<boolean> {
  if (process.env.NEWSGRAPH_TEST_DOCKER === 'false') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), DOCKER_PROBE_MS));
    await Promise.race([getContainerRuntimeClient(), timeout]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Picks the database the way the service does: NEO4J_URI if set, else a
 * Testcontainers Neo4j when Docker answers, else the embedded launcher on a
 * free port with a fresh temporary store.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const cleanups: Array<() => Promise<void>> = [];
  let target: TestNeo4j;

  if (process.env.NEO4J_URI) {
    target = {
      mode: 'given',
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? 'password',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    };
  } else if (await dockerAnswers()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer('neo4j:5.26-community').withPassword('password').start();
    cleanups.push(async () => void (await container.stop()));
    target = { mode: 'testcontainers', uri: container.getBoltUri(), username: 'neo4j', password: 'password', database: 'neo4j' };
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-test-neo4j-'));
    const embedded = await startEmbeddedNeo4j({ dataDir, port: await freePort(), heap: '1g', pageCache: '256m', log });
    cleanups.push(async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    target = { mode: 'embedded', uri: embedded.uri, username: 'neo4j', password: 'password', database: 'neo4j', embeddedPid: embedded.pid };
  }
  console.log(`[newsgraph tests] Neo4j: ${target.mode} at ${target.uri}`);

  const config = loadConfig({ NEO4J_URI: target.uri });
  const driver = createDriver(target, config.neo4j);
  try {
    await migrate(new Executor(driver, target.database, log, 30_000));
  } finally {
    await driver.close();
  }
  project.provide('neo4j', target);
  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}
