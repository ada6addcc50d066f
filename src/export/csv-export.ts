import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Executor } from '../db/executor.js';
import { ArrayDelimiterError, checkArrayDelimiter } from './csv-format.js';
import { claimCsv, CSV_FILES, documentCsv, entityCsv, headerLine, nameCsv, nameKeyCsv, relationCsv, reportCsv, sourceCsv, type CsvFile } from './csv-tables.js';
import { ExportError } from './export-error.js';
import { claimPages, documentPages, entityPages, nameKeyPages, relationPages, reportPages, sourcePages, type PagingOptions } from './graph-pages.js';
import { AFTER_IMPORT_CYPHER, importReadme, importScript } from './import-readme.js';
import { fileSink, type TextSink } from './text-sink.js';

export interface CsvExportOptions extends PagingOptions {
  /** neo4j-admin's --array-delimiter (one character); ';' by default. */
  arrayDelimiter?: string;
}

export type CsvCounts = Record<CsvFile, number>;

type Emit = (file: number, line: string) => void;

/**
 * One pass over `pages` writing one or more files (headers first): `rows`
 * emits each line to the file it belongs in. A page becomes one chunk per
 * file, written with backpressure. Returns the rows written to each file.
 */
async function writeFiles<R>(dir: string, files: readonly CsvFile[], pages: AsyncIterable<R[]>, rows: (row: R, emit: Emit) => void): Promise<number[]> {
  const sinks: TextSink[] = [];
  const counts = files.map(() => 0);
  try {
    for (const file of files) sinks.push(await fileSink(join(dir, CSV_FILES[file])));
    await Promise.all(sinks.map((sink, i) => sink.write(headerLine(files[i]!))));
    for await (const page of pages) {
      const chunks = files.map(() => '');
      const emit: Emit = (file, line) => {
        chunks[file] += line;
        counts[file]! += 1;
      };
      for (const row of page) rows(row, emit);
      await Promise.all(sinks.map((sink, i) => sink.write(chunks[i]!)));
    }
  } finally {
    for (const sink of sinks) await sink.close();
  }
  return counts;
}

async function writeTable<R>(dir: string, file: CsvFile, pages: AsyncIterable<R[]>, format: (row: R) => string): Promise<number> {
  const [count] = await writeFiles(dir, [file], pages, (row, emit) => emit(0, format(row)));
  return count!;
}

async function writeEntities(executor: Executor, dir: string, delimiter: string, options: PagingOptions): Promise<number> {
  try {
    return await writeTable(dir, 'entities', entityPages(executor, options), (row) => entityCsv(row, delimiter));
  } catch (error) {
    if (error instanceof ArrayDelimiterError) {
      throw new ExportError(`Cannot write ${CSV_FILES.entities}: ${error.message}. Choose another character with --array-delimiter.`);
    }
    throw error;
  }
}

/**
 * The whole graph as a directory of CSV files for `neo4j-admin database
 * import full`, with import.sh and a README.txt showing the command. Every
 * kind is read in keyset pages and written with backpressure.
 */
export async function exportCsv(executor: Executor, dir: string, options: CsvExportOptions = {}): Promise<CsvCounts> {
  const delimiter = options.arrayDelimiter ?? ';';
  checkArrayDelimiter(delimiter);
  await mkdir(dir, { recursive: true });
  const entities = await writeEntities(executor, dir, delimiter, options);
  const sources = await writeTable(dir, 'sources', sourcePages(executor, options), sourceCsv);
  const documents = await writeTable(dir, 'documents', documentPages(executor, options), documentCsv);
  const claims = await writeTable(dir, 'claims', claimPages(executor, options), claimCsv);
  const relations = await writeTable(dir, 'relations', relationPages(executor, options), relationCsv);
  const [entityReports, claimReports] = await writeFiles(dir, ['entityReports', 'claimReports'], reportPages(executor, options), (row, emit) =>
    emit(row.subjectKind === 'entity' ? 0 : 1, reportCsv(row)),
  );
  const [nameKeys, names] = await writeFiles(dir, ['nameKeys', 'names'], nameKeyPages(executor, options), (row, emit) => {
    emit(0, nameKeyCsv(row));
    for (const entityId of row.entityIds) emit(1, nameCsv(row.key, entityId));
  });
  const counts: CsvCounts = {
    entities,
    sources,
    documents,
    claims,
    nameKeys: nameKeys!,
    relations,
    entityReports: entityReports!,
    claimReports: claimReports!,
    names: names!,
  };
  await writeFile(join(dir, 'import.sh'), importScript(delimiter), { mode: 0o755 });
  await chmod(join(dir, 'import.sh'), 0o755);
  await writeFile(join(dir, 'after-import.cypher'), AFTER_IMPORT_CYPHER);
  await writeFile(join(dir, 'README.txt'), importReadme(delimiter, counts));
  return counts;
}
