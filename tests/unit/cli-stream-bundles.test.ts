import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { streamBundles } from '../../src/cli/stream-bundles.js';
import { validateBundle } from '../../src/model/validate-bundle.js';
import { generateStream } from '../../tools/generate/generate.js';

/** `newsgraph ingest --api` sends a stream as bundles: each must pass the API's validator, and together they carry every record. */
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-stream-bundles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a stream cut into bundles for the API', () => {
  it('gives valid bundles, one per document plus the records no report names, that carry every record of the stream', async () => {
    const lines = [...generateStream({ entities: 1500, seed: 7 })].map((generated) => generated.line);
    const file = join(dir, 'generated.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const records = lines.slice(1).map((line) => JSON.parse(line) as { record: string; id: string; document?: string });
    const documents = records.filter((record) => record.record === 'document').map((record) => record.id);

    const bundles = await streamBundles(file);
    const carried = new Set<string>();
    for (const { bundle } of bundles) {
      expect(() => validateBundle(bundle)).not.toThrow();
      carried.add(`document:${bundle.document.id}`);
      for (const source of bundle.sources) carried.add(`source:${source.id}`);
      for (const entity of bundle.entities) carried.add(`entity:${entity.id}`);
      for (const relation of bundle.relations) carried.add(`relation:${relation.id}`);
      for (const report of bundle.reports) carried.add(`report:${bundle.document.id}/${report.id}`);
    }
    const expected = records.map((record) => (record.record === 'report' ? `report:${record.document}/${record.id}` : `${record.record}:${record.id}`));
    expect([...carried].sort()).toEqual([...new Set(expected)].sort());
    // One bundle per document, in the stream's order, then the extra ones.
    expect(bundles.slice(0, documents.length).map(({ bundle }) => bundle.document.id)).toEqual(documents);
    // Each record is counted once, however many bundles repeat it.
    expect(bundles.reduce((sum, { records: count }) => sum + count, 0)).toBe(records.length);
  });

  it('refuses a stream without a document, which no bundle could carry', async () => {
    const file = join(dir, 'no-document.ndjson');
    const lines = [
      { record: 'header', format: 'newsgraph.bundle', version: 1 },
      { record: 'entity', id: 'lone', type: 'PERSON', name: 'Lone Person', aliases: [] },
    ];
    writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));
    await expect(streamBundles(file)).rejects.toThrow(`${file} has no document: the API takes bundles`);
  });
});
