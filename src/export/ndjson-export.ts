import type { Executor } from '../db/executor.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '../model/bundle-schema.js';
import { documentRecord, entityRecord, relationRecord, reportRecord, sourceRecord } from './bundle-records.js';
import { writePages } from './write-pages.js';
import { documentPages, entityPages, relationPages, reportPages, sourcePages, type PagingOptions } from './graph-pages.js';
import type { TextSink } from './text-sink.js';

/**
 * The NDJSON stream: a header line, then documents, sources, entities,
 * relations and reports, one JSON object a line with its kind in `record`.
 * Every record refers only to records before it (a source's entity
 * excepted), which is what the importer needs to check and write it in
 * batches.
 */

/** How many records of each kind an export wrote. */
export interface ExportCounts {
  documents: number;
  sources: number;
  entities: number;
  relations: number;
  reports: number;
  /** Reports the bundle format cannot carry (made through the API without a document quote). */
  skippedReports: number;
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
export const NDJSON_HEADER = line({ record: 'header', format: BUNDLE_FORMAT, version: BUNDLE_VERSION });

/** The whole graph, read in keyset pages and written with backpressure. */
export async function exportNdjson(executor: Executor, sink: TextSink, options: PagingOptions = {}): Promise<ExportCounts> {
  const write = (chunk: string) => sink.write(chunk);
  await write(NDJSON_HEADER);
  const documents = await writePages(documentPages(executor, options), write, (row) => line({ record: 'document', ...documentRecord(row) }));
  const sources = await writePages(sourcePages(executor, options), write, (row) => line({ record: 'source', ...sourceRecord(row) }));
  const entities = await writePages(entityPages(executor, options), write, (row) => line({ record: 'entity', ...entityRecord(row) }));
  const relations = await writePages(relationPages(executor, options), write, (row) => line({ record: 'relation', ...relationRecord(row) }));
  const reports = await writePages(reportPages(executor, options), write, (row) => {
    const report = reportRecord(row);
    return report && line({ record: 'report', ...report });
  });
  return {
    documents: documents.written,
    sources: sources.written,
    entities: entities.written,
    relations: relations.written,
    reports: reports.written,
    skippedReports: reports.skipped,
  };
}

/** One bundle as an NDJSON stream (the same records, with each report naming its document). */
export function bundleToNdjson(bundle: Bundle): string {
  return [
    NDJSON_HEADER,
    line({ record: 'document', ...bundle.document }),
    ...bundle.sources.map((source) => line({ record: 'source', ...source })),
    ...bundle.entities.map((entity) => line({ record: 'entity', ...entity })),
    ...bundle.relations.map((relation) => line({ record: 'relation', ...relation })),
    ...bundle.reports.map((report) => line({ record: 'report', document: bundle.document.id, ...report })),
  ].join('');
}
