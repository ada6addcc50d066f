import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Executor } from '../db/executor.js';
import {
  documentSchema,
  entitySchema,
  ndjsonHeaderSchema,
  ndjsonReportSchema,
  relationSchema,
  sourceSchema,
  type BundleDocument,
  type BundleEntity,
  type BundleRelation,
  type BundleSource,
  type NdjsonReport,
} from '../model/bundle-schema.js';
import { ReferenceChecker, type ValidationIssue } from '../model/references.js';
import { BundleValidationError, zodIssues } from '../model/validate-bundle.js';
import { addReports, batchSize, emptyBatch, emptyReport, type Batch, type IngestReport } from './batch.js';
import { preflightDocuments } from './documents.js';
import { INGEST_TIMEOUT_MS, newIngestState, writeBatch } from './ingest.js';
import { storedReportId } from './write.js';

/**
 * The bulk path: an NDJSON stream of bundle records, read twice. The first
 * pass validates everything (keeping only ids, not records), so an invalid
 * file writes nothing; the second streams the records into UNWIND batches,
 * one transaction each, so memory stays flat however long the file is.
 */

export type NdjsonRecord =
  | { kind: 'header' }
  | { kind: 'document'; value: BundleDocument }
  | { kind: 'source'; value: BundleSource }
  | { kind: 'entity'; value: BundleEntity }
  | { kind: 'relation'; value: BundleRelation }
  | { kind: 'report'; value: NdjsonReport };

const SCHEMAS = {
  document: documentSchema,
  source: sourceSchema,
  entity: entitySchema,
  relation: relationSchema,
  report: ndjsonReportSchema,
} as const;

const MAX_ISSUES = 1000;

/** Records per transaction of a stream when no batch size is given (`newsgraph ingest --batch-size`). */
export const DEFAULT_BATCH_SIZE = 2000;

/** Parses one line; returns the record or the issues that name the line. */
export function parseNdjsonLine(line: string, lineNumber: number): NdjsonRecord | ValidationIssue[] {
  const at = `line ${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return [{ path: at, message: `invalid JSON: ${(error as Error).message}` }];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path: at, message: 'expected a JSON object' }];
  const { record: kind, ...rest } = value as Record<string, unknown>;
  if (kind === 'header') {
    const header = ndjsonHeaderSchema.safeParse(value);
    return header.success ? { kind: 'header' } : zodIssues(header.error, `${at}: `);
  }
  if (typeof kind !== 'string' || !(kind in SCHEMAS)) {
    return [{ path: `${at}: record`, message: `unknown record ${JSON.stringify(kind)}; expected one of header, ${Object.keys(SCHEMAS).join(', ')}` }];
  }
  const parsed = SCHEMAS[kind as keyof typeof SCHEMAS].safeParse(rest);
  if (!parsed.success) return zodIssues(parsed.error, `${at}: `);
  return { kind, value: parsed.data } as NdjsonRecord;
}

export interface StreamProgress {
  bytesRead: number;
  totalBytes: number;
  records: number;
}

/** How often the readers report progress: often enough for a display that updates every second, whatever the record size. */
const PROGRESS_EVERY_MS = 200;

export async function* readRecords(
  path: string,
  onProgress?: (progress: StreamProgress) => void,
): AsyncGenerator<{ record: NdjsonRecord | ValidationIssue[]; line: number }> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const totalBytes = statSync(path).size;
  let line = 0;
  let records = 0;
  let reportedAt = Date.now();
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    records += 1;
    // By time, not by count: 10,000 records of large documents took minutes between two updates.
    if (onProgress && Date.now() - reportedAt >= PROGRESS_EVERY_MS) {
      reportedAt = Date.now();
      onProgress({ bytesRead: stream.bytesRead, totalBytes, records });
    }
    yield { record: parseNdjsonLine(text, line), line };
  }
  onProgress?.({ bytesRead: totalBytes, totalBytes, records });
}

/** What pass one keeps for the document checks: the documents, and (only when replacing) every report id. */
export interface StreamContents {
  documents: BundleDocument[];
  reportIds?: Set<string>;
}

/** How many records of each kind a stream holds (its header aside). */
export type StreamCounts = Record<Exclude<NdjsonRecord['kind'], 'header'>, number>;

export function emptyStreamCounts(): StreamCounts {
  return { document: 0, source: 0, entity: 0, relation: 0, report: 0 };
}

/** Pass one: every line parsed and cross-checked; returns the issues (at most 1000). `counts`, when given, counts the valid records. */
export async function validateNdjsonFile(
  path: string,
  onProgress?: (progress: StreamProgress) => void,
  contents?: StreamContents,
  counts?: StreamCounts,
): Promise<ValidationIssue[]> {
  const checker = new ReferenceChecker();
  const issues = checker.found as ValidationIssue[];
  let sawHeader = false;
  for await (const { record, line } of readRecords(path, onProgress)) {
    if (issues.length >= MAX_ISSUES) break;
    if (Array.isArray(record)) {
      issues.push(...record);
      continue;
    }
    const at = `line ${line}`;
    if (!sawHeader) {
      sawHeader = true;
      if (record.kind !== 'header')
        issues.push({ path: at, message: 'the first record must be the header {"record":"header","format":"newsgraph.bundle","version":1}' });
      if (record.kind === 'header') continue;
    }
    if (record.kind !== 'header' && counts) counts[record.kind] += 1;
    if (record.kind === 'header') issues.push({ path: at, message: 'a second header' });
    else if (record.kind === 'document') {
      checker.addDocument(record.value, at);
      contents?.documents.push(record.value);
    } else if (record.kind === 'source') checker.addSource(record.value, at);
    else if (record.kind === 'entity') checker.addEntity(record.value, at);
    else if (record.kind === 'relation') checker.addRelation(record.value, at);
    else {
      checker.addReport(record.value, record.value.document, at);
      contents?.reportIds?.add(storedReportId(record.value.document, record.value.id));
    }
  }
  if (!sawHeader) issues.push({ path: 'line 1', message: 'the stream is empty' });
  return checker.finish().slice(0, MAX_ISSUES);
}

function addToBatch(batch: Batch, record: Exclude<NdjsonRecord, { kind: 'header' }>): void {
  if (record.kind === 'document') batch.documents.push(record.value);
  else if (record.kind === 'source') batch.sources.push(record.value);
  else if (record.kind === 'entity') batch.entities.push(record.value);
  else if (record.kind === 'relation') batch.relations.push(record.value);
  else batch.reports.push(record.value);
}

export interface NdjsonLoadOptions {
  batchSize?: number;
  /** Replace stored documents whose text or metadata differ, when every stored quote stays true (an admin's decision). */
  replaceDocuments?: boolean;
  onProgress?: (progress: StreamProgress & { phase: 'validate' | 'write' }) => void;
}

/** Validates the whole file, then writes it in batches. Throws BundleValidationError before any write. */
export async function loadNdjsonFile(executor: Executor, path: string, options: NdjsonLoadOptions = {}): Promise<IngestReport> {
  const contents: StreamContents = { documents: [], reportIds: options.replaceDocuments ? new Set() : undefined };
  const issues = await validateNdjsonFile(path, options.onProgress && ((p) => options.onProgress!({ ...p, phase: 'validate' })), contents);
  if (issues.length > 0) throw new BundleValidationError(issues);
  // A report of a replaced document may come batches later: the stored quotes it corrects are those of the whole file.
  const documentOptions = { replaceDocuments: options.replaceDocuments ?? false, rewrittenReports: contents.reportIds ?? new Set<string>() };
  // A conflicting document refuses the file before its first batch; writeBatch checks again under lock.
  await executor.transaction('READ', (tx) => preflightDocuments(tx, contents.documents, documentOptions, documentOptions.rewrittenReports), {
    name: 'ingest stream documents',
    timeoutMs: INGEST_TIMEOUT_MS,
  });
  // Pass two holds no texts, so memory stays flat however many documents the file has.
  contents.documents.length = 0;
  const limit = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const total = emptyReport();
  let state = newIngestState();
  let batch = emptyBatch();
  const flush = async () => {
    if (batchSize(batch) === 0) return;
    const current = batch;
    batch = emptyBatch();
    const written = await executor.transaction('WRITE', (tx) => writeBatch(tx, current, state, documentOptions), {
      name: 'ingest stream batch',
      timeoutMs: INGEST_TIMEOUT_MS,
    });
    state = written.state;
    addReports(total, written.report);
  };
  const progress = options.onProgress && ((p: StreamProgress) => options.onProgress!({ ...p, phase: 'write' }));
  for await (const { record } of readRecords(path, progress)) {
    if (Array.isArray(record) || record.kind === 'header') continue;
    addToBatch(batch, record);
    if (batchSize(batch) >= limit) await flush();
  }
  await flush();
  return total;
}
