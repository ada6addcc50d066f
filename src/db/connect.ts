import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createDriver } from './driver.js';
import type { EmbeddedOptions } from './embedded.js';
import { Executor } from './executor.js';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j } from './supervised-neo4j.js';

export interface Database {
  driver: Driver;
  executor: Executor;
  /** Where the data lives, for logs: the given URI or the embedded one. */
  uri: string;
  mode: 'given' | 'embedded';
  /** The embedded Neo4j's current process, when it is ours. */
  embedded?: SupervisedNeo4j;
  close(): Promise<void>;
}

/** The embedded Neo4j's settings from the config; its store lives in `<data dir>/neo4j`. */
export function embeddedOptions(config: Config, log: Logger): EmbeddedOptions {
  return {
    dataDir: join(resolve(config.embedded.dataDir), 'neo4j'),
    port: config.embedded.port,
    heap: config.embedded.heap,
    pageCache: config.embedded.pageCache,
    javaHome: config.embedded.javaHome,
    log,
  };
}

/**
 * The rule every entry point follows: a given NEO4J_URI is used as is;
 * otherwise the embedded Neo4j starts on the persistent data folder.
 */
export async function connectDatabase(config: Config, log: Logger): Promise<Database> {
  let embedded: SupervisedNeo4j | undefined;
  let target = { uri: config.neo4j.uri ?? '', username: config.neo4j.username, password: config.neo4j.password };
  if (!config.neo4j.uri) {
    embedded = await superviseEmbeddedNeo4j(embeddedOptions(config, log));
    target = { ...target, uri: embedded.uri };
  }
  const driver = createDriver(target, config.neo4j);
  const executor = new Executor(driver, config.neo4j.database, log, config.neo4j.queryTimeoutMs, config.neo4j.maxConcurrentWrites);
  return {
    driver,
    executor,
    uri: target.uri,
    mode: embedded ? 'embedded' : 'given',
    embedded,
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
}
