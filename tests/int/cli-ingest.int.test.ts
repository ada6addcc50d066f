import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/project.js';
import { closeServer, listen } from '../../src/server/http.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { smallBundle } from '../helpers/bundles.js';
import { bundlesToNdjson, runCli, stackLines, testDatabaseEnv, writeJson } from '../helpers/cli.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';
import { openTestDatabase, TEST_KEYS, wipe } from '../helpers/neo4j.js';
import { generateStream } from '../../tools/generate/generate.js';

/** `newsgraph ingest` as a user runs it: the real CLI in a child process, on the run's Neo4j through NEO4J_URI. */
const db = openTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-ingest-'));
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function graphSize(): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.executor.read<{ nodes: number; relationships: number }>(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return row!;
}

async function storedDocuments(ids: string[]): Promise<string[]> {
  const rows = await db.executor.read<{ id: string }>('MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id ORDER BY id', { ids });
  return rows.map((row) => row.id);
}

const progressLines = (stderr: string, file: string) => stderr.split('\n').filter((line) => line.startsWith(`newsgraph: progress ${file} `));

describe('newsgraph ingest --dry-run', () => {
  it('validates every file, says what it would write, and writes nothing', async () => {
    const json = writeJson(dir, 'dry.json', smallBundle({ documentId: 'cli-dry-doc', prefix: 'cli-dry-' }));
    const stream = join(dir, 'dry.ndjson');
    writeFileSync(stream, bundlesToNdjson([smallBundle({ documentId: 'cli-dry-stream', prefix: 'cli-drys-' })]));
    const before = await graphSize();
    const run = await runCli(['ingest', '--dry-run', json, stream]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${json}: valid JSON bundle; would write 1 document, 1 source, 3 entity records, 1 relation record, 4 reports`);
    expect(run.stdout).toContain(`${stream}: valid NDJSON stream; would write 1 document, 1 source, 3 entity records, 1 relation record, 4 reports`);
    expect(run.stdout).toContain('dry run, nothing written: 2 of 2 files valid (20 records would be written)');
    expect(await graphSize()).toEqual(before);
    expect(await storedDocuments(['cli-dry-doc', 'cli-dry-stream'])).toEqual([]);
  });

  it('needs no database: it runs with NEO4J_URI pointing where nothing listens', async () => {
    const json = writeJson(dir, 'dry-nodb.json', smallBundle({ documentId: 'cli-dry-nodb' }));
    const run = await runCli(['ingest', '--dry-run', json], { NEO4J_URI: `bolt://127.0.0.1:${await freePort()}` });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 of 1 file valid');
  });

  it('names a missing file without a stack trace, still checks the others, and exits 1', async () => {
    const json = writeJson(dir, 'dry-good.json', smallBundle({ documentId: 'cli-dry-good' }));
    const missing = join(dir, 'typo.json');
    const run = await runCli(['ingest', '--dry-run', missing, json]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`newsgraph: cannot read ${missing}: no such file`);
    expect(stackLines(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout).toContain(`${json}: valid JSON bundle`);
    expect(run.stdout).toContain(`1 of 2 files valid (10 records would be written), 1 failed: ${missing}`);
  });
});

describe('newsgraph ingest into the database', () => {
  it('loads the good files around a missing one, names it without a stack, and exits 1', async () => {
    const first = writeJson(dir, 'good-1.json', smallBundle({ documentId: 'cli-good-1', prefix: 'cli-g1-' }));
    const stream = join(dir, 'good-2.ndjson');
    writeFileSync(stream, bundlesToNdjson([smallBundle({ documentId: 'cli-good-2', prefix: 'cli-g2-' })]));
    const missing = join(dir, 'missing.json');
    const run = await runCli(['ingest', first, missing, stream]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`newsgraph: cannot read ${missing}: no such file`);
    expect(stackLines(run.stdout + run.stderr)).toEqual([]);
    expect(run.stdout).toContain(`newsgraph: 2 of 3 files ingested (20 records), 1 failed: ${missing}`);
    expect(await storedDocuments(['cli-good-1', 'cli-good-2'])).toEqual(['cli-good-1', 'cli-good-2']);
  });

  it('reports a file that is not JSON and a bundle that breaks the rules, each by name, and loads the good one', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "newsgraph.bundle", ');
    const wrong = smallBundle({ documentId: 'cli-wrong', prefix: 'cli-w-' });
    wrong.reports[0]!.quote = 'not in the text';
    const invalid = writeJson(dir, 'invalid.json', wrong);
    const good = writeJson(dir, 'good-3.json', smallBundle({ documentId: 'cli-good-3', prefix: 'cli-g3-' }));
    const run = await runCli(['ingest', broken, invalid, good]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`newsgraph: ${broken} is not valid JSON:`);
    expect(run.stderr).toMatch(
      new RegExp(`newsgraph: ${invalid} is invalid \\(1 problem\\); nothing from it was written:\\n  reports\\[0\\]\\.quote: quote does not match`),
    );
    expect(stackLines(run.stdout + run.stderr)).toEqual([]);
    expect(await storedDocuments(['cli-wrong', 'cli-good-3'])).toEqual(['cli-good-3']);
  });

  it('shows progress on stderr for a JSON bundle and an NDJSON stream, one plain line per update, and none with --quiet', async () => {
    const json = writeJson(dir, 'progress.json', smallBundle({ documentId: 'cli-progress-1', prefix: 'cli-p1-' }));
    const stream = join(dir, 'progress.ndjson');
    writeFileSync(stream, bundlesToNdjson([smallBundle({ documentId: 'cli-progress-2', prefix: 'cli-p2-' })]));
    const run = await runCli(['ingest', json, stream]);
    expect(run.code).toBe(0);
    const jsonLines = progressLines(run.stderr, json);
    expect(jsonLines.some((line) => /^newsgraph: progress \S+ read \d+% \(.+ of .+\) \d+ s$/.test(line))).toBe(true);
    expect(jsonLines.some((line) => / write \d+ s$/.test(line))).toBe(true);
    const streamLines = progressLines(run.stderr, stream);
    expect(streamLines.some((line) => / validate \d+% \(.+\) \d+ records \d+ s$/.test(line))).toBe(true);
    expect(streamLines.some((line) => / write \d+% \(.+\) \d+ records \d+ s$/.test(line))).toBe(true);
    // A pipe gets whole lines, never a terminal's carriage returns.
    expect(run.stderr).not.toContain('\r');

    const quiet = await runCli(['ingest', '--quiet', json]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain('progress');
  });
});

describe('newsgraph ingest --api, into a running service over HTTP', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const yoga = createNewsgraphYoga({ executor: db.executor, log: db.log, security: db.config.security });
    server = await listen(yoga, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => closeServer(server));
  // No NEO4J_URI: the CLI must not need the database when it loads through the service.
  const noDatabase = { NEO4J_URI: '' };

  it('loads a bundle and a stream of two documents through ingestBundle with an editor key', async () => {
    const json = writeJson(dir, 'api.json', smallBundle({ documentId: 'cli-api-1', prefix: 'cli-a1-' }));
    const stream = join(dir, 'api.ndjson');
    const lonely = { id: 'cli-a2-lonely', type: 'PERSON', name: 'Lonely Reporterless', aliases: [] };
    writeFileSync(
      stream,
      bundlesToNdjson([smallBundle({ documentId: 'cli-api-2', prefix: 'cli-a2-' }), smallBundle({ documentId: 'cli-api-3', prefix: 'cli-a2-' })], {
        entities: [lonely],
      }),
    );
    const run = await runCli(['ingest', '--api', base, '--key', TEST_KEYS.editor, json, stream], noDatabase);
    expect(run.stderr).not.toContain('newsgraph: cannot');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 of 2 files ingested');
    expect(progressLines(run.stderr, stream).some((line) => / send \d+% \(\d+ of 3 bundles\) \d+ records sent \d+ s$/.test(line))).toBe(true);
    expect(await storedDocuments(['cli-api-1', 'cli-api-2', 'cli-api-3'])).toEqual(['cli-api-1', 'cli-api-2', 'cli-api-3']);
    // Every report of both documents (the entities they name may have been matched by name to earlier tests' ones),
    // and the entity no report names, sent in a bundle of its own.
    const [stored] = await db.executor.read<{ reports: number; relationReports: number; lonely: number }>(
      `CALL { MATCH ()-[r:REPORTED_BY]->() WHERE r.documentId IN ['cli-api-2', 'cli-api-3'] RETURN count(r) AS reports }
       CALL { MATCH (:Claim)-[r:REPORTED_BY]->() WHERE r.documentId IN ['cli-api-2', 'cli-api-3'] RETURN count(r) AS relationReports }
       CALL { MATCH (e:Entity {id: 'cli-a2-lonely'}) RETURN count(e) AS lonely }
       RETURN reports, relationReports, lonely`,
    );
    expect(stored).toEqual({ reports: 8, relationReports: 2, lonely: 1 });
  });

  it('refuses a wrong key clearly, before any file is sent', async () => {
    const json = writeJson(dir, 'api-wrong-key.json', smallBundle({ documentId: 'cli-api-wrong', prefix: 'cli-aw-' }));
    const run = await runCli(['ingest', '--api', base, '--key', 'not-a-key-of-this-service', json], noDatabase);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/newsgraph: the service refused the API key \(HTTP 401, UNAUTHENTICATED\)/);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(await storedDocuments(['cli-api-wrong'])).toEqual([]);
  });

  it('says that a reader key may not write, per file', async () => {
    const json = writeJson(dir, 'api-reader.json', smallBundle({ documentId: 'cli-api-reader', prefix: 'cli-ar-' }));
    const run = await runCli(['ingest', '--api', base, json], { ...noDatabase, NEWSGRAPH_API_KEY: TEST_KEYS.reader });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`newsgraph: the service refused ${json}: the key may not write (HTTP 403, FORBIDDEN)`);
    expect(await storedDocuments(['cli-api-reader'])).toEqual([]);
  });

  it('says that a key is needed when none is given, naming the file', async () => {
    const json = writeJson(dir, 'api-no-key.json', smallBundle({ documentId: 'cli-api-no-key', prefix: 'cli-ank-' }));
    const run = await runCli(['ingest', '--api', base, json], noDatabase);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`newsgraph: the service refused ${json}: it needs an API key (HTTP 401, UNAUTHENTICATED)`);
    expect(run.stderr).toContain('Give an editor key with --key or NEWSGRAPH_API_KEY.');
    expect(await storedDocuments(['cli-api-no-key'])).toEqual([]);
  });

  it('reports a 409 document conflict by file and goes on with the next', async () => {
    const changed = smallBundle({ documentId: 'cli-api-1', prefix: 'cli-a1-' });
    changed.document.title = 'Another title';
    const conflicting = writeJson(dir, 'api-conflict.json', changed);
    const next = writeJson(dir, 'api-next.json', smallBundle({ documentId: 'cli-api-4', prefix: 'cli-a4-' }));
    const run = await runCli(['ingest', '--api', base, '--key', TEST_KEYS.editor, conflicting, next], noDatabase);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `newsgraph: the service refused ${conflicting} (HTTP 409, DOCUMENT_CONFLICT): Document "cli-api-1" is already stored with a different title`,
    );
    expect(await storedDocuments(['cli-api-4'])).toEqual(['cli-api-4']);
  });

  it('gives a generated stream the same graph as loading it into the database does', { timeout: 240_000 }, async () => {
    const stream = join(dir, 'generated.ndjson');
    writeFileSync(stream, `${[...generateStream({ entities: 300, seed: 11 })].map((generated) => generated.line).join('\n')}\n`);
    await wipe(db.executor);
    const through = await runCli(['ingest', '--quiet', '--api', base, '--key', TEST_KEYS.editor, stream], noDatabase);
    expect(through.stderr).toBe('');
    const viaApi = await graphSnapshot(db.executor);
    await wipe(db.executor);
    const direct = await runCli(['ingest', '--quiet', stream]);
    expect(direct.code).toBe(0);
    const intoDatabase = await graphSnapshot(db.executor);
    // The change feed records who wrote and when, and a migration marker is the direct load's own: the graph is the rest.
    const graphOnly = ({ nodes, relationships }: { nodes: string[]; relationships: string[] }) => ({
      nodes: nodes.filter((node) => !/^(Change|ChangeCounter|Migration) /.test(node)),
      relationships,
    });
    expect(graphOnly(viaApi).nodes.length).toBeGreaterThan(300);
    expect(graphOnly(viaApi)).toEqual(graphOnly(intoDatabase));
  });

  it('says so when no service answers at the URL', async () => {
    const json = writeJson(dir, 'api-nobody.json', smallBundle({ documentId: 'cli-api-nobody' }));
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await runCli(['ingest', '--api', url, '--key', TEST_KEYS.editor, json], testDatabaseEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`newsgraph: cannot reach the service at ${url}/graphql: connection refused`);
  });
});
