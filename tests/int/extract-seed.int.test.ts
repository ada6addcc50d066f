import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ingestBundle } from '../../src/ingest/ingest.js';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import { validateBundle } from '../../src/model/validate-bundle.js';
import { bundleJsonSchemaValidator } from '../helpers/bundle-json-schema.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';

const run = promisify(execFile);
// Each case runs the CLI and CoreNLP on a whole article: on a loaded 2-core machine that takes minutes, not the int tier's minute.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });
const SEED_TEXT = 'data/seed/000_d42a34f1ce22f931.txt';
const db = openTestDatabase();
afterAll(() => db.close());

/** The CLI as a user runs it, on the run's CoreNLP service rather than a second JVM. */
async function extractWithCli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('npx', ['tsx', 'src/cli/main.ts', 'extract', ...args], {
    env: { ...process.env, NEWSGRAPH_CORENLP_URL: inject('corenlpUrl'), LOG_LEVEL: 'warn' },
    maxBuffer: 32 * 1024 * 1024,
    timeout: 240_000,
  });
}

async function entitiesPerNameKey(): Promise<Array<{ key: string; ids: string[] }>> {
  return db.executor.read<{ key: string; ids: string[] }>(
    `MATCH (k:NameKey)-[:NAMES]->(e:Entity) WITH k, collect(e.id) AS ids WHERE size(ids) > 1 RETURN k.key AS key, ids`,
    {},
  );
}

describe('newsgraph extract on the seed article', () => {
  let draft: Bundle;

  beforeAll(async () => {
    const { stdout } = await extractWithCli(SEED_TEXT, '--published', '2021-08-03');
    const printed: unknown = JSON.parse(stdout);
    const validate = await bundleJsonSchemaValidator();
    expect(validate(printed), JSON.stringify(validate.errors)).toBe(true);
    draft = validateBundle(printed);
  });

  it('prints a valid draft whose document is the seed text, every report extracted with a rule and an exact quote', () => {
    expect(draft.document.id).toBe('000-d42a34f1ce22f931');
    expect(draft.document.text).toBe(readFileSync(SEED_TEXT, 'utf8'));
    expect(draft.entities.length).toBeGreaterThan(5);
    expect(draft.relations.length).toBeGreaterThan(3);
    const points = Array.from(draft.document.text);
    for (const report of draft.reports) {
      expect(report.method).toBe('extracted');
      expect(report.rule).toBeTruthy();
      expect(points.slice(report.start!, report.end!).join('')).toBe(report.quote);
    }
  });

  it('anchors "in August" to the publication year at its precision, not to the dateline the text begins with', () => {
    const exercise = draft.entities.find((entity) => entity.type === 'EVENT' && /Interaction-2021/.test(entity.name));
    expect(exercise).toMatchObject({ startDate: '2021-08' });
    for (const relation of draft.relations) expect(relation.startDate ?? '2021-08').toMatch(/^2021-08$/);
  });

  it('ingests into a graph holding the seed without duplicating any of its entities', async () => {
    await wipe(db.executor);
    await loadSeedIfEmpty(db.executor, db.log);
    const seedIds = new Set((await db.executor.read<{ id: string }>('MATCH (e:Entity) RETURN e.id AS id', {})).map((row) => row.id));
    const report = await ingestBundle(db.executor, draft);
    expect(report.matches.length).toBeGreaterThan(5);
    expect(await entitiesPerNameKey()).toEqual([]);
    // The draft names the seed's document source by the document id (it was given no title): the stored name stays.
    const [source] = await db.executor.read<{ name: string }>('MATCH (s:Source {id: $id}) RETURN s.name AS name', { id: 'document-000-d42a34f1ce22f931' });
    expect(source!.name).toBe('Joint Military Exercise Between China and Russia (article, 2021-08-03)');
    for (const created of report.createdEntityIds) expect(seedIds.has(created)).toBe(false);
  });

  it('reads the same article again as the same draft', async () => {
    const { stdout } = await extractWithCli(SEED_TEXT, '--published', '2021-08-03');
    expect(JSON.parse(stdout)).toEqual(draft);
  });

  it('reports a missing file and a French article clearly, and still extracts the others', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsgraph-extract-'));
    const error = await extractWithCli('no-such-file.txt', 'tests/fixtures/articles/french.txt', SEED_TEXT, '--published', '2021-08-03', '--out', out).catch(
      (failure: { stderr: string; code: number }) => failure,
    );
    expect(error).toMatchObject({ code: 1 });
    const { stderr } = error as { stderr: string };
    expect(stderr).toMatch(/no-such-file\.txt: cannot read it \(ENOENT\)/);
    expect(stderr).toMatch(/french\.txt: Unsupported language: .*fra/);
    expect(stderr).toMatch(/1 of 3 file\(s\) extracted/);
    expect(JSON.parse(readFileSync(join(out, '000_d42a34f1ce22f931.bundle.json'), 'utf8'))).toEqual(draft);
  });
});
