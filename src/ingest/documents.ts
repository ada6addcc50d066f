import type { CountingTransaction } from '../db/executor.js';
import type { BundleDocument } from '../model/bundle-schema.js';
import { DocumentText } from '../model/quotes.js';
import { DocumentConflictError, type DocumentField } from './document-conflict.js';

/**
 * A document id names one text for good: every stored report points into it
 * by offsets. So a document already stored is accepted again only when the
 * text and every metadata field given are the same (it is then left as it
 * is); anything else is refused, unless the caller asks for a replacement,
 * which must keep every stored quote true at its offsets.
 */

export interface DocumentOptions {
  /** Replace stored documents whose text or metadata differ (an admin's decision). */
  replaceDocuments?: boolean;
  /** Report ids (`<document>/<report>`) this ingest writes; their stored quotes are about to be replaced too. */
  rewrittenReports?: ReadonlySet<string>;
}

interface StoredDocument {
  id: string;
  text: string;
  title: string | null;
  publishedAt: string | null;
  url: string | null;
  publisher: string | null;
}

// A new id is created from the row; an existing one is locked, so an ingest and a replacement of one document run one after the other.
const CLAIM_DOCUMENTS = `
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.title = row.title, d.publishedAt = row.publishedAt, d.url = row.url, d.publisher = row.publisher, d.text = row.text, d.ingestedAt = datetime()
SET d._lock = true
REMOVE d._lock
RETURN d.id AS id, d.text AS text, d.title AS title, d.publishedAt AS publishedAt, d.url AS url, d.publisher AS publisher`;

const READ_STORED = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.text AS text, d.title AS title, d.publishedAt AS publishedAt, d.url AS url, d.publisher AS publisher`;

const STORED_QUOTES = `
UNWIND $ids AS id
MATCH ()-[rb:REPORTED_BY {documentId: id}]->()
WHERE rb.quote IS NOT NULL AND rb.start IS NOT NULL AND rb.end IS NOT NULL
RETURN id AS documentId, rb.id AS reportId, rb.quote AS quote, rb.start AS start, rb.end AS end`;

// `+=` with a null value removes the property: a replacement that gives `url: null` clears the url.
const REPLACE_DOCUMENTS = `
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d += row.props`;

const METADATA: readonly DocumentField[] = ['title', 'publishedAt', 'url', 'publisher'];

/** The fields the bundle gives that differ from the stored document; omitted metadata keeps the stored value. */
function differences(given: BundleDocument, stored: StoredDocument): DocumentField[] {
  const fields: DocumentField[] = given.text === stored.text ? [] : ['text'];
  for (const field of METADATA) {
    const value = given[field];
    if (value !== undefined && value !== stored[field]) fields.push(field);
  }
  return fields;
}

function replacementProps(given: BundleDocument, fields: readonly DocumentField[]): Record<string, string | null> {
  return Object.fromEntries(fields.map((field) => [field, given[field] ?? null]));
}

async function checkStoredQuotes(tx: CountingTransaction, replaced: ReadonlyMap<string, string>, rewritten: ReadonlySet<string>): Promise<void> {
  if (replaced.size === 0) return;
  const result = await tx.run<{ documentId: string; reportId: string; quote: string; start: number; end: number }>(STORED_QUOTES, {
    ids: [...replaced.keys()],
  });
  const texts = new Map([...replaced].map(([id, text]) => [id, new DocumentText(text)]));
  const broken = new Map<string, string[]>();
  for (const record of result.records) {
    const { documentId, reportId, quote, start, end } = record.toObject();
    if (rewritten.has(reportId) || texts.get(documentId)!.slice(start, end) === quote) continue;
    broken.set(documentId, [...(broken.get(documentId) ?? []), reportId]);
  }
  const [first] = broken;
  if (first) throw DocumentConflictError.brokenQuotes(first[0], first[1].sort());
}

function conflictsOf(stored: readonly StoredDocument[], given: ReadonlyMap<string, BundleDocument>) {
  return stored.flatMap((document) => {
    const fields = differences(given.get(document.id)!, document);
    return fields.length > 0 ? [{ documentId: document.id, fields }] : [];
  });
}

const textsOf = (conflicts: ReadonlyArray<{ documentId: string; fields: DocumentField[] }>, given: ReadonlyMap<string, BundleDocument>) =>
  new Map(conflicts.filter((conflict) => conflict.fields.includes('text')).map(({ documentId }) => [documentId, given.get(documentId)!.text]));

/**
 * The same checks, read-only, for a whole stream before its first batch is
 * written, so a conflict refuses the file instead of stopping it half-way.
 * claimDocuments checks again under lock, for ingests racing this one.
 */
export async function preflightDocuments(
  tx: CountingTransaction,
  documents: readonly BundleDocument[],
  options: DocumentOptions,
  rewritten: ReadonlySet<string>,
): Promise<void> {
  if (documents.length === 0) return;
  const result = await tx.run<StoredDocument>(READ_STORED, { ids: documents.map((document) => document.id) });
  const given = new Map(documents.map((document) => [document.id, document]));
  const conflicts = conflictsOf(
    result.records.map((record) => record.toObject()),
    given,
  );
  if (conflicts.length === 0) return;
  if (!options.replaceDocuments) throw DocumentConflictError.differs(conflicts);
  await checkStoredQuotes(tx, textsOf(conflicts, given), rewritten);
}

/**
 * Writes the batch's new documents and checks the stored ones, before
 * anything else of the batch is written. Returns every document's stored
 * publishedAt (the default date of its reports).
 */
export async function claimDocuments(
  tx: CountingTransaction,
  documents: readonly BundleDocument[],
  options: DocumentOptions,
  rewritten: ReadonlySet<string>,
): Promise<Map<string, string | null>> {
  const publishedAt = new Map<string, string | null>();
  if (documents.length === 0) return publishedAt;
  const rows = documents.map((d) => ({
    id: d.id,
    title: d.title ?? null,
    publishedAt: d.publishedAt ?? null,
    url: d.url ?? null,
    publisher: d.publisher ?? null,
    text: d.text,
  }));
  const stored = (await tx.run<StoredDocument>(CLAIM_DOCUMENTS, { rows })).records.map((record) => record.toObject());
  for (const document of stored) publishedAt.set(document.id, document.publishedAt);
  const given = new Map(documents.map((document) => [document.id, document]));
  const conflicts = conflictsOf(stored, given);
  if (conflicts.length === 0) return publishedAt;
  if (!options.replaceDocuments) throw DocumentConflictError.differs(conflicts);

  await checkStoredQuotes(tx, textsOf(conflicts, given), rewritten);
  await tx.run(REPLACE_DOCUMENTS, {
    rows: conflicts.map(({ documentId, fields }) => ({ id: documentId, props: replacementProps(given.get(documentId)!, fields) })),
  });
  for (const { documentId, fields } of conflicts) {
    if (fields.includes('publishedAt')) publishedAt.set(documentId, given.get(documentId)!.publishedAt ?? null);
  }
  return publishedAt;
}
