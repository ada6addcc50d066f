import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project.js';
import type { Executor } from './executor.js';
import { backfillCorroboration } from '../claims/backfill.js';
import { buildSourceTallies } from '../claims/source-tally.js';

export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');
const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.cypher$/;

export interface Migration {
  file: string;
  statements: string[];
}

/** Splits a .cypher file into statements: `;` ends a statement, `//` lines are comments. */
export function parseStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export function loadMigrations(dir = CYPHER_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => ({ file, statements: parseStatements(readFileSync(join(dir, file), 'utf8')) }));
}

/**
 * Applies every schema statement. Each one is written `IF NOT EXISTS`, so
 * running them again is a no-op; schema changes go one per transaction
 * because Neo4j forbids mixing them with other writes.
 */
export async function migrate(executor: Executor, dir = CYPHER_DIR): Promise<{ statements: number }> {
  let statements = 0;
  for (const migration of loadMigrations(dir)) {
    for (const statement of migration.statements) {
      await executor.write(statement, {}, { name: `migrate ${migration.file}`, timeoutMs: 120_000, outbox: false });
      statements += 1;
    }
  }
  await executor.read('CALL db.awaitIndexes(300)', {}, { name: 'await indexes', timeoutMs: 310_000 });
  // Data written before a stored property existed gets it once, after the indexes its statements use are online.
  await backfillCorroboration(executor);
  await buildSourceTallies(executor);
  return { statements };
}
