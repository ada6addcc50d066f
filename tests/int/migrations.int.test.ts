import { afterAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { openTestDatabase } from '../helpers/neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());

async function schemaNames(): Promise<string[]> {
  const constraints = await db.executor.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name');
  const indexes = await db.executor.read<{ name: string }>(
    "SHOW INDEXES YIELD name, type, owningConstraint WHERE owningConstraint IS NULL AND type <> 'LOOKUP' RETURN name",
  );
  return [...constraints, ...indexes].map((row) => row.name).sort();
}

describe('migrations', () => {
  it('create every named constraint and index, and a second run changes nothing', async () => {
    await migrate(db.executor);
    const first = await schemaNames();
    await migrate(db.executor);
    expect(await schemaNames()).toEqual(first);
    const declared = loadMigrations()
      .flatMap((migration) => migration.statements)
      .map((statement) => /(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS/.exec(statement)?.[1]);
    for (const name of declared) expect(first).toContain(name);
  });

  it('enforce the entity id constraint and the full-text index', async () => {
    await db.executor.write("CREATE (:Entity {id: 'fts-1', name: 'Liu Xiaowu', aliasText: 'General Liu'})");
    await db.executor.read('CALL db.awaitIndexes(60)');
    const hits = await db.executor.read<{ id: string }>("CALL db.index.fulltext.queryNodes('entity_names', 'xiaowu') YIELD node RETURN node.id AS id");
    expect(hits.map((hit) => hit.id)).toContain('fts-1');
  });
});
