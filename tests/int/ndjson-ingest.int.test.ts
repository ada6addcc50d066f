import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestBundle } from '../../src/ingest/ingest.js';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import { BundleValidationError } from '../../src/model/validate-bundle.js';
import { seedBundle, smallBundle } from '../helpers/bundles.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';

const db = openTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-ndjson-'));
afterAll(() => db.close());
beforeEach(() => wipe(db.executor));

function toLines(bundles: Bundle[]): string[] {
  const lines: unknown[] = [{ record: 'header', format: 'newsgraph.bundle', version: 1 }];
  for (const b of bundles) {
    lines.push({ record: 'document', ...b.document });
    for (const source of b.sources) lines.push({ record: 'source', ...source });
    for (const entity of b.entities) lines.push({ record: 'entity', ...entity });
    for (const relation of b.relations) lines.push({ record: 'relation', ...relation });
    for (const report of b.reports) lines.push({ record: 'report', document: b.document.id, ...report });
  }
  return lines.map((line) => JSON.stringify(line));
}

function writeStream(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('NDJSON streams', () => {
  it('load in small batches to the same graph as the bundles themselves', async () => {
    await ingestBundle(db.executor, seedBundle());
    await ingestBundle(db.executor, smallBundle());
    const expected = await graphSnapshot(db.executor);
    await wipe(db.executor);

    const report = await loadNdjsonFile(db.executor, writeStream('two.ndjson', toLines([seedBundle(), smallBundle()])), { batchSize: 7 });
    expect(report.entities.created).toBe(seedBundle().entities.length + smallBundle().entities.length);
    expect(await graphSnapshot(db.executor)).toEqual(expected);
  });

  it('write nothing when one line near the end is bad, and name that line', async () => {
    const lines = toLines([seedBundle()]);
    const last = JSON.parse(lines[lines.length - 1]!) as { end: number };
    last.end += 1;
    lines[lines.length - 1] = JSON.stringify(last);
    lines.splice(5, 0, '{"record": "entity", "id": "broken"');
    const failure = await loadNdjsonFile(db.executor, writeStream('bad.ndjson', lines), { batchSize: 5 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BundleValidationError);
    const paths = (failure as BundleValidationError).issues.map((issue) => issue.path);
    expect(paths).toContain('line 6');
    expect(paths).toContain(`line ${lines.length}.quote`);
    expect((await graphSnapshot(db.executor)).nodes).toEqual([]);
  });

  it('reject a stream without its header, and records that refer forward', async () => {
    const lines = toLines([smallBundle()]);
    const noHeader = await loadNdjsonFile(db.executor, writeStream('noheader.ndjson', lines.slice(1))).catch((error: unknown) => error);
    expect((noHeader as BundleValidationError).issues[0]).toEqual({ path: 'line 1', message: expect.stringMatching(/first record must be the header/) });
    const relationFirst = [lines[0]!, lines.find((line) => line.includes('"record":"relation"'))!, ...lines.slice(1)];
    const forward = await loadNdjsonFile(db.executor, writeStream('forward.ndjson', relationFirst)).catch((error: unknown) => error);
    expect((forward as BundleValidationError).issues.map((issue) => issue.path)).toContain('line 2.from');
  });
});
