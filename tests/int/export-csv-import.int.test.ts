import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedNeo4j } from '../../src/db/embedded.js';
import { freePort } from '../../src/project.js';
import { runExport } from '../../src/export/run-export.js';
import { ingestBundle } from '../../src/ingest/ingest.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import { seedBundle, smallBundle } from '../helpers/bundles.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';

/**
 * The CSV export loaded by the Neo4j import tool itself: the export's own
 * import.sh runs `neo4j-admin database import full` (the AdminTool of the
 * Neo4j jars the embedded launcher is built with) into a new store, which a
 * second embedded Neo4j then opens; what it holds is compared with the graph
 * exported, names with quotes, <&>, CJK and a CR LF description included.
 */

const db = openTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-csv-import-'));
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const CLASSPATH = fileURLToPath(new URL('../../tools/neo4j-embedded/target/classpath.txt', import.meta.url));
const TRICKY_NAME = `Tom & Jerry's <"Best">, Qīngtóngxiá 青铜峡`;
const TRICKY_TEXT = 'He said, "hi"\r\nthen left; <now> & then';

function trickyBundle(): Bundle {
  const bundle = smallBundle({ documentId: 'doc-tricky', prefix: 't-' });
  bundle.entities[0]!.description = TRICKY_TEXT;
  bundle.entities[1]!.name = TRICKY_NAME;
  bundle.relations[0]!.role = 'lead & "chief" of <team>, east';
  return bundle;
}

/** A `neo4j-admin` on PATH for import.sh: the Neo4j jars' AdminTool, with a home of its own. */
function adminTool(home: string): Record<string, string> {
  const bin = join(dir, 'bin');
  mkdirSync(join(home, 'conf'), { recursive: true });
  mkdirSync(bin, { recursive: true });
  const classpath = readFileSync(CLASSPATH, 'utf8').trim();
  writeFileSync(join(bin, 'neo4j-admin'), `#!/bin/sh\nexec java -Xmx512m -cp '${classpath}' org.neo4j.cli.AdminTool "$@"\n`);
  chmodSync(join(bin, 'neo4j-admin'), 0o755);
  return { ...process.env, PATH: `${bin}:${process.env.PATH}`, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') } as Record<string, string>;
}

const ENTITIES = `MATCH (e:Entity) RETURN e.id AS id, COLLECT { UNWIND labels(e) AS label RETURN label ORDER BY label } AS labels, e.name AS name, coalesce(e.aliases, []) AS aliases, e.aliasText AS aliasText,
  e.description AS description, e.title AS title, e.sourceCount AS sourceCount, e.independentSourceCount AS independentSourceCount, e.status AS status ORDER BY id`;
const RELATIONS = `MATCH (a:Entity)-[r]->(b:Entity) RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.role AS role,
  r.sourceCount AS sourceCount, r.independentSourceCount AS independentSourceCount, r.status AS status ORDER BY id`;
const TOTALS = 'RETURN COUNT { MATCH (:Document) } AS documents, COUNT { ()-[:REPORTED_BY]->() } AS reports, COUNT { (:NameKey)-[:NAMES]->() } AS names';

describe('export csv, loaded by neo4j-admin database import', () => {
  it.runIf(existsSync(CLASSPATH) || process.env.CI)(
    "imports with the export's import.sh into a store holding the same graph, aliasText made again after",
    async () => {
      expect(existsSync(CLASSPATH), 'the embedded launcher is built (npm run newsgraph -- db build)').toBe(true);
      await wipe(db.executor);
      await ingestBundle(db.executor, seedBundle());
      await ingestBundle(db.executor, trickyBundle());
      const out = join(dir, 'csv');
      await runExport(db.executor, { format: 'csv', out, pageSize: 5 });

      const home = join(dir, 'home');
      const log = execFileSync('sh', [join(out, 'import.sh')], { cwd: out, env: adminTool(home), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(log).toContain('IMPORT DONE');

      const imported = await startEmbeddedNeo4j({ dataDir: home, port: await freePort(), heap: '512m', pageCache: '64m', log: db.log });
      const driver = neo4j.driver(imported.uri, undefined, { disableLosslessIntegers: true });
      try {
        const read = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: 'neo4j' })).records.map((record) => record.toObject());
        const original = async (cypher: string) => db.executor.read<Record<string, unknown>>(cypher);
        // What the CSV files carry (bookkeeping such as a change feed is not exported).
        expect(await read(TOTALS)).toEqual(await original(TOTALS));
        expect(await read(RELATIONS)).toEqual(await original(RELATIONS));
        const before = await original(ENTITIES);
        // The export leaves aliasText out; the import has none until after-import.cypher makes it again.
        expect((await read(ENTITIES)).map((row) => row.aliasText)).toEqual(before.map(() => null));
        // As cypher-shell runs it: in an implicit transaction, which CALL ... IN TRANSACTIONS needs.
        const session = driver.session({ database: 'neo4j' });
        try {
          await session.run(readFileSync(join(out, 'after-import.cypher'), 'utf8').replace(/;\s*$/, ''));
        } finally {
          await session.close();
        }
        const after = await read(ENTITIES);
        expect(after).toEqual(before);
        expect(after.find((row) => row.id === 't-alpha-corp')!.name).toBe(TRICKY_NAME);
        expect(after.find((row) => row.id === 't-jane-roe')).toMatchObject({ description: TRICKY_TEXT, aliases: ['J. Roe'], aliasText: 'J. Roe' });
      } finally {
        await driver.close();
        await imported.stop();
      }
    },
    240_000,
  );
});
