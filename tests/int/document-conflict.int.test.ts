import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import { seededApi } from '../helpers/api.js';
import { seedBundle, smallBundle } from '../helpers/bundles.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';

/**
 * Issue 14, item 3: a document id already stored is never overwritten
 * silently. Same text and metadata: accepted, nothing changes. Other text or
 * metadata: refused with DOCUMENT_CONFLICT, unless an admin asks for a
 * replacement, which must keep every stored quote true at its offsets.
 */
const api = seededApi();
/** Every report of the seed bundle is stored with its document. */
const SEED_REPORTS = seedBundle().reports.length;
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-document-conflict-'));

const INGEST = 'mutation($b: JSON!, $replace: Boolean) { ingestBundle(bundle: $b, replaceDocument: $replace) { documents reports } }';
const SEED_ID = seedBundle().document.id;

function bare(document: Partial<Bundle['document']>): unknown {
  return { format: 'newsgraph.bundle', version: 1, document, sources: [], entities: [], relations: [], reports: [] };
}

async function storedDocument(id: string) {
  const [row] = await api.db.executor.read<{
    text: string;
    title: string | null;
    publishedAt: string | null;
    url: string | null;
    ingestedAt: string;
    reports: number;
  }>(
    `MATCH (d:Document {id: $id})
     RETURN d.text AS text, d.title AS title, d.publishedAt AS publishedAt, d.url AS url, toString(d.ingestedAt) AS ingestedAt,
            COUNT { ()-[rb:REPORTED_BY {documentId: $id}]->() } AS reports`,
    { id },
  );
  return row;
}

describe('re-ingesting a stored document id', () => {
  it('refuses other text, names the document, and changes nothing', async () => {
    const before = await graphSnapshot(api.db.executor);
    const answer = await api.query(INGEST, { b: bare({ id: SEED_ID, text: 'nothing' }) }, 'editor');
    expect(answer.data).toBeNull();
    expect(answer.status).toBe(409);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'DOCUMENT_CONFLICT', documentId: SEED_ID, fields: ['text'] });
    expect(answer.errors?.[0]?.message).toContain(SEED_ID);
    expect(await graphSnapshot(api.db.executor)).toEqual(before);
    expect(await storedDocument(SEED_ID)).toMatchObject({ publishedAt: '2021-08-03', reports: SEED_REPORTS });
  });

  it('refuses the same text with other metadata, even from an admin who did not ask for a replacement', async () => {
    const seed = seedBundle().document;
    const answer = await api.query(INGEST, { b: bare({ ...seed, publishedAt: '2021-08-04', title: 'Another title' }) });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'DOCUMENT_CONFLICT', documentId: SEED_ID, fields: ['title', 'publishedAt'] });
    expect(await storedDocument(SEED_ID)).toMatchObject({ title: seed.title, publishedAt: '2021-08-03' });
  });

  it('accepts the same document again, whole or with its metadata omitted, and changes nothing', async () => {
    const before = await graphSnapshot(api.db.executor);
    const stored = await storedDocument(SEED_ID);
    const seed = seedBundle().document;
    for (const document of [seed, { id: seed.id, text: seed.text }]) {
      const answer = await api.query(INGEST, { b: bare(document) }, 'editor');
      expect(answer.errors).toBeUndefined();
    }
    expect((await api.query(INGEST, { b: seedBundle() }, 'editor')).errors).toBeUndefined();
    expect(await graphSnapshot(api.db.executor)).toEqual(before);
    expect(await storedDocument(SEED_ID)).toEqual(stored);
  });

  it('keeps replacement for admins, and refuses one that would leave a stored quote pointing at other text', async () => {
    const editor = await api.query(INGEST, { b: bare({ id: SEED_ID, text: 'nothing' }), replace: true }, 'editor');
    expect(editor.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const before = await graphSnapshot(api.db.executor);
    const shifted = `Preface. ${seedBundle().document.text}`;
    const refused = await api.query(INGEST, { b: bare({ id: SEED_ID, text: shifted }), replace: true });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'DOCUMENT_CONFLICT', documentId: SEED_ID });
    expect((refused.errors?.[0]?.extensions?.reports as unknown[]).length).toBe(SEED_REPORTS);
    expect(await graphSnapshot(api.db.executor)).toEqual(before);

    // Text appended after every quote keeps the stored offsets true: the replacement goes through.
    const extended = `${seedBundle().document.text}Correction: the exercise ended on 13 August.`;
    const accepted = await api.query(INGEST, { b: bare({ id: SEED_ID, text: extended, publishedAt: '2021-08-04' }), replace: true });
    expect(accepted.errors).toBeUndefined();
    expect(await storedDocument(SEED_ID)).toMatchObject({
      text: extended,
      publishedAt: '2021-08-04',
      title: seedBundle().document.title,
      reports: SEED_REPORTS,
    });
  });

  it('lets a replacement carry its own corrected reports', async () => {
    const bundle = smallBundle({ documentId: 'doc-corrected', prefix: 'corr-' });
    expect((await api.query(INGEST, { b: bundle }, 'editor')).errors).toBeUndefined();
    const shift = 'Update: '.length;
    const corrected = structuredClone(bundle);
    corrected.document.text = `Update: ${bundle.document.text}`;
    for (const report of corrected.reports) Object.assign(report, { start: report.start + shift, end: report.end + shift });
    expect((await api.query(INGEST, { b: corrected }, 'editor')).errors?.[0]?.extensions).toMatchObject({ code: 'DOCUMENT_CONFLICT' });
    expect((await api.query(INGEST, { b: corrected, replace: true })).errors).toBeUndefined();
    expect(await storedDocument('doc-corrected')).toMatchObject({ text: corrected.document.text, reports: bundle.reports.length });
  });

  it('20 parallel ingests of one new document id with two texts store one text, and refuse every other one', async () => {
    const base = smallBundle({ documentId: 'doc-contested', prefix: 'cont-' });
    const variant = structuredClone(base);
    variant.document.text = `${base.document.text} More.`;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => api.query(INGEST, { b: i % 2 === 0 ? base : variant }, 'editor')));
    const stored = (await storedDocument('doc-contested'))!;
    const winner = stored.text === base.document.text ? 0 : 1;
    answers.forEach((answer, i) => {
      if (i % 2 === winner) expect(answer.errors).toBeUndefined();
      else expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'DOCUMENT_CONFLICT', documentId: 'doc-contested' });
    });
  });

  it('applies the same rule to NDJSON streams: a conflicting document is refused unless replacement is asked for', async () => {
    const seed = seedBundle();
    const lines = [
      { record: 'header', format: 'newsgraph.bundle', version: 1 },
      { record: 'document', id: seed.document.id, text: 'nothing at all' },
    ].map((line) => JSON.stringify(line));
    const path = join(dir, 'conflict.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const before = await storedDocument(SEED_ID);
    const failure = await loadNdjsonFile(api.db.executor, path).catch((error: unknown) => error);
    expect((failure as { extensions?: unknown }).extensions).toMatchObject({ code: 'DOCUMENT_CONFLICT', documentId: SEED_ID });
    expect(await storedDocument(SEED_ID)).toEqual(before);
    // Asked for, the replacement still checks the stored quotes.
    const refused = await loadNdjsonFile(api.db.executor, path, { replaceDocuments: true }).catch((error: unknown) => error);
    expect((refused as { extensions?: unknown }).extensions).toMatchObject({ code: 'DOCUMENT_CONFLICT', documentId: SEED_ID });
    expect(await storedDocument(SEED_ID)).toEqual(before);
  });
});
