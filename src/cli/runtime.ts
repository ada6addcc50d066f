import { existsSync } from 'node:fs';
import { loadConfig, ConfigError, type Config } from '../config.js';
import { connectDatabase, type Database } from '../db/connect.js';
import { EmbeddedNeo4jError } from '../db/embedded.js';
import { DatabaseError } from '../db/errors.js';
import { createLogger, type Logger } from '../logger.js';
import { NlpInputError, NlpUnavailableError } from '../nlp/corenlp-client.js';
import { CoreNlpServiceError } from '../nlp/corenlp-service.js';
import { assertEmbeddedFree, claimEmbedded, EmbeddedBusyError } from './embedded-busy.js';
import { ApiError } from './ingest-api.js';

/** A command used wrongly (options that do not go together): one line, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Runtime {
  config: Config;
  log: Logger;
}

export function loadRuntime(): Runtime {
  // A .env file in the working directory fills in variables the shell did not set.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  return { config, log: createLogger(config.logLevel) };
}

/**
 * Opens the database for a command and always closes it (stopping an embedded Neo4j). On the embedded
 * Neo4j it records itself as the store's user, so that another command can say who holds it.
 */
export async function withDatabase<T>(runtime: Runtime, work: (db: Database) => Promise<T>, command = process.argv[2] ?? 'command'): Promise<T> {
  // A busy embedded store is said now, not after Neo4j's start fails with "Address already in use".
  await assertEmbeddedFree(runtime.config);
  const db = await connectDatabase(runtime.config, runtime.log);
  const release = db.mode === 'embedded' ? claimEmbedded(runtime.config, { command, bolt: db.uri }) : undefined;
  try {
    return await work(db);
  } finally {
    await db.close();
    release?.();
  }
}

/** Runs `shutdown` once on SIGINT or SIGTERM; a second signal exits at once. */
export function onShutdownSignal(log: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    log.info({ signal }, 'shutting down');
    shutdown()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Known failures print one clear line; anything else prints its stack. */
export function reportFatal(error: unknown): never {
  const known = [
    ConfigError,
    EmbeddedNeo4jError,
    EmbeddedBusyError,
    CoreNlpServiceError,
    NlpUnavailableError,
    NlpInputError,
    DatabaseError,
    ApiError,
    UsageError,
  ];
  if (error instanceof Error && known.some((type) => error instanceof type)) {
    console.error(`newsgraph: ${error.message}`);
  } else {
    console.error('newsgraph: unexpected failure:', error);
  }
  process.exit(1);
}
