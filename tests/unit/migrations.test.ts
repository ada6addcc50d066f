import { describe, expect, it } from 'vitest';
import { loadMigrations, parseStatements } from '../../src/db/migrate.js';

describe('migrations', () => {
  it('splits statements and drops comment lines', () => {
    expect(parseStatements('// intro\nCREATE A;\n// between\nCREATE B\n  ON X;\n')).toEqual(['CREATE A', 'CREATE B\n  ON X']);
  });

  it('only ships idempotent schema statements', () => {
    const statements = loadMigrations().flatMap((migration) => migration.statements);
    expect(statements.length).toBeGreaterThan(5);
    for (const statement of statements) expect(statement).toMatch(/IF NOT EXISTS/);
  });
});
