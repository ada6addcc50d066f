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
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
export const NDJSON_HEADER = line({ record: 'header', format: BUNDLE_FORMAT, version: BUNDLE_VERSION });

/** The whole graph, read in keyset pages and written with backpressure. */
export async function exportNdjson(executor: Executor, sink: TextSink, options: PagingOptions = {}): Promise<ExportCounts> {
  const write = (chunk: string) => sink.write(chunk);
  await write(NDJSON_HEADER);
  return {
    documents: await writePages(documentPages(executor, options), write, (row) => line({ record: 'document', ...documentRecord(row) })),
    sources: await writePages(sourcePages(executor, options), write, (row) => line({ record: 'source', ...sourceRecord(row) })),
    entities: await writePages(entityPages(executor, options), write, (row) => line({ record: 'entity', ...entityRecord(row) })),
    relations: await writePages(relationPages(executor, options), write, (row) => line({ record: 'relation', ...relationRecord(row) })),
    reports: await writePages(reportPages(executor, options), write, (row) => line({ record: 'report', ...reportRecord(row) })),
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
