import type { Executor } from '../db/executor.js';
import { NO_CLAIM_FILTER, type ClaimFilter } from '../repositories/support/claim-filter-cypher.js';
import { exportCsv } from './csv-export.js';
import { checkArrayDelimiter } from './csv-format.js';
import { exportCytoscape } from './cytoscape-export.js';
import { exportDocumentBundle } from './document-bundle.js';
import { ExportError } from './export-error.js';
import { exportFtm } from './ftm-export.js';
import { exportGexf } from './gexf-export.js';
import { exportGraphml } from './graphml-export.js';
import { bundleToNdjson, exportNdjson } from './ndjson-export.js';
import { withSink } from './text-sink.js';

export const EXPORT_FORMATS = ['ndjson', 'json', 'graphml', 'gexf', 'cytoscape', 'ftm', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats that always export the whole graph (as the filter shows it), never one document. */
const WHOLE_GRAPH_FORMATS: readonly ExportFormat[] = ['graphml', 'gexf', 'cytoscape', 'ftm', 'csv'];

export interface ExportRequest {
  format: ExportFormat;
  /** A file (stdout when absent), or for csv a directory (required). */
  out?: string;
  /** One document: required for json; for ndjson, that document's bundle as a stream. */
  document?: string;
  arrayDelimiter?: string;
  pageSize?: number;
  /** Only the facts visible as of a date or with enough independent sources, in every format. */
  filter?: ClaimFilter;
}

function check(request: ExportRequest): void {
  if (request.format === 'json' && request.document === undefined) throw new ExportError('--format json exports one document: give it with --document ID.');
  if (WHOLE_GRAPH_FORMATS.includes(request.format) && request.document !== undefined) {
    throw new ExportError(`--document applies to the json and ndjson formats; --format ${request.format} exports the whole graph.`);
  }
  if (request.format === 'csv' && (request.out === undefined || request.out === '-'))
    throw new ExportError('--format csv writes a directory of files: give it with --out DIR.');
  if (request.arrayDelimiter !== undefined) {
    if (request.format !== 'csv') throw new ExportError('--array-delimiter applies to --format csv only.');
    try {
      checkArrayDelimiter(request.arrayDelimiter);
    } catch (error) {
      throw new ExportError(`--array-delimiter: ${(error as Error).message}`);
    }
  }
}

const skipped = (count: number) =>
  count === 0
    ? ''
    : ` Left out ${count} report${count === 1 ? '' : 's'} made through the API without a document quote: the bundle format cannot carry them (the csv format does).`;

const where = (out: string | undefined) => (out === undefined || out === '-' ? 'stdout' : out);

/** Runs one export as the CLI asks for it; returns a one-line summary for stderr. */
export async function runExport(executor: Executor, request: ExportRequest): Promise<string> {
  check(request);
  const filter = request.filter ?? NO_CLAIM_FILTER;
  const paging = { filter, ...(request.pageSize === undefined ? {} : { pageSize: request.pageSize }) };
  const { format, out, document } = request;
  if (document !== undefined) {
    const { bundle, skippedReports } = await exportDocumentBundle(executor, document, filter);
    const text = format === 'json' ? `${JSON.stringify(bundle, null, 2)}\n` : bundleToNdjson(bundle);
    await withSink(out, (sink) => sink.write(text));
    const counts = `${bundle.sources.length} sources, ${bundle.entities.length} entities, ${bundle.relations.length} relations, ${bundle.reports.length} reports`;
    return `Exported document ${document} (${counts}) as ${format} to ${where(out)}.${skipped(skippedReports)}`;
  }
  if (format === 'ndjson') {
    const c = await withSink(out, (sink) => exportNdjson(executor, sink, paging));
    return `Exported ${c.documents} documents, ${c.sources} sources, ${c.entities} entities, ${c.relations} relations and ${c.reports} reports as ndjson to ${where(out)}.${skipped(c.skippedReports)}`;
  }
  if (format === 'graphml') {
    const c = await withSink(out, (sink) => exportGraphml(executor, sink, paging));
    return `Exported ${c.nodes} nodes and ${c.edges} edges as GraphML to ${where(out)}.`;
  }
  if (format === 'gexf') {
    const c = await withSink(out, (sink) => exportGexf(executor, sink, paging));
    return `Exported ${c.nodes} nodes and ${c.edges} edges as GEXF 1.3 to ${where(out)}.`;
  }
  if (format === 'cytoscape') {
    const c = await withSink(out, (sink) => exportCytoscape(executor, sink, paging));
    return `Exported ${c.nodes} nodes and ${c.edges} edges as Cytoscape JSON to ${where(out)}.`;
  }
  if (format === 'ftm') {
    const c = await withSink(out, (sink) => exportFtm(executor, sink, paging));
    return `Exported ${c.entities} entities and ${c.relations} relations as FollowTheMoney entities to ${where(out)}.`;
  }
  if (format === 'csv') {
    const c = await exportCsv(executor, out!, { ...paging, ...(request.arrayDelimiter === undefined ? {} : { arrayDelimiter: request.arrayDelimiter }) });
    return `Exported ${c.entities} entities, ${c.relations} relations and ${c.entityReports + c.claimReports} reports as CSV to ${out}/ (see README.txt there for neo4j-admin import).`;
  }
  throw new ExportError(`unknown format ${JSON.stringify(format)}`);
}
