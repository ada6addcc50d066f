import { createReadStream, statSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { bundleToBatch } from '../ingest/batch.js';
import { emptyStreamCounts, validateNdjsonFile, type StreamCounts } from '../ingest/ndjson.js';
import type { Bundle } from '../model/bundle-schema.js';
import type { ValidationIssue } from '../model/references.js';
import { BundleValidationError, validateBundle } from '../model/validate-bundle.js';
import type { IngestProgress } from './ingest-progress.js';

/**
 * The files of `newsgraph ingest`, read and validated before any database is
 * touched. Every problem becomes a FileProblem: one clear message that names
 * the file, never a stack.
 */

const STREAM_FILE = /\.(ndjson|jsonl)$/i;

export type FileKind = 'bundle' | 'stream';

export interface CheckedFile {
  file: string;
  kind: FileKind;
  bytes: number;
  counts: StreamCounts;
}

export class FileProblem extends Error {
  override name = 'FileProblem';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export const kindOf = (file: string): FileKind => (STREAM_FILE.test(file) ? 'stream' : 'bundle');

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** The one line for anything that went wrong with a file; undefined for failures that are not the file's (a bug). */
export function fileProblemMessage(file: string, error: unknown): string | undefined {
  if (error instanceof FileProblem) return error.message;
  const systemError = error as NodeJS.ErrnoException;
  if (systemError?.syscall !== undefined && systemError.code !== undefined) {
    return `cannot read ${file}: ${SYSTEM_REASONS[systemError.code] ?? `${systemError.code} (${systemError.message})`}`;
  }
  if (error instanceof SyntaxError) return `${file} is not valid JSON: ${error.message}`;
  if (error instanceof BundleValidationError) return invalidMessage(file, error.issues, 'nothing from it was written');
  // The API's and the database's errors are safe, one-line messages with a code.
  if (error instanceof GraphQLError) return `${file}: ${error.message}${codeOf(error)}`;
  return undefined;
}

function codeOf(error: GraphQLError): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}

export function invalidMessage(file: string, issues: readonly ValidationIssue[], outcome: string): string {
  const shown = issues.slice(0, 20).map((issue) => `  ${issue.path}: ${issue.message}`);
  const more = issues.length > shown.length ? [`  ... and ${issues.length - shown.length} more`] : [];
  return [`${file} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}); ${outcome}:`, ...shown, ...more].join('\n');
}

/** Reads a whole file with progress by bytes. */
export async function readWithProgress(file: string, progress: IngestProgress): Promise<string> {
  const totalBytes = statSync(file).size;
  progress.start(file, 'read', { bytesRead: 0, totalBytes });
  const chunks: Buffer[] = [];
  let bytesRead = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    chunks.push(chunk as Buffer);
    bytesRead += (chunk as Buffer).length;
    progress.update({ bytesRead });
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An NDJSON stream saved under a .json name: its first line alone is a stream header. */
function looksLikeStream(text: string): boolean {
  try {
    return (JSON.parse(text.slice(0, text.indexOf('\n'))) as { record?: unknown }).record === 'header';
  } catch {
    return false;
  }
}

/** Reads, parses and validates a JSON bundle; throws what fileProblemMessage describes. */
export async function readBundleFile(file: string, progress: IngestProgress): Promise<Bundle> {
  const text = await readWithProgress(file, progress);
  progress.start(file, 'validate');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    if (looksLikeStream(text)) throw new FileProblem(file, `${file} is an NDJSON stream, not a JSON bundle: name it .ndjson or .jsonl`);
    throw error;
  }
  return validateBundle(parsed);
}

function bundleCounts(bundle: Bundle): StreamCounts {
  const batch = bundleToBatch(bundle);
  return {
    document: batch.documents.length,
    source: batch.sources.length,
    entity: batch.entities.length,
    relation: batch.relations.length,
    report: batch.reports.length,
  };
}

/** Validates one file without writing anything; throws a FileProblem (or a system error) when it cannot be loaded. */
export async function checkFile(file: string, progress: IngestProgress): Promise<CheckedFile> {
  const kind = kindOf(file);
  const bytes = statSync(file).size;
  if (kind === 'bundle') return { file, kind, bytes, counts: bundleCounts(await readBundleFile(file, progress)) };
  const counts = emptyStreamCounts();
  progress.start(file, 'validate', { bytesRead: 0, totalBytes: bytes, records: 0 });
  const issues = await validateNdjsonFile(file, (p) => progress.update(p), undefined, counts);
  if (issues.length > 0) throw new FileProblem(file, invalidMessage(file, issues, 'nothing from it will be written'));
  return { file, kind, bytes, counts };
}

export const recordsOf = (counts: StreamCounts): number => Object.values(counts).reduce((sum, count) => sum + count, 0);

const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

export function describeCounts(counts: StreamCounts): string {
  return [
    plural(counts.document, 'document'),
    plural(counts.source, 'source'),
    plural(counts.entity, 'entity record'),
    plural(counts.relation, 'relation record'),
    plural(counts.report, 'report'),
  ].join(', ');
}
