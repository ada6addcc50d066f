import type { QueryResult, RecordShape } from 'neo4j-driver';
import type { Executor } from '../db/executor.js';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleReport, type NdjsonReport } from '../model/bundle-schema.js';
import { validateBundle } from '../model/validate-bundle.js';
import { documentRecord, entityRecord, relationRecord, reportRecord, sourceRecord } from './bundle-records.js';
import { ExportError } from './export-error.js';
import { claimFilterParams, NO_CLAIM_FILTER, type ClaimFilter } from '../repositories/support/claim-filter-cypher.js';
import { DOCUMENT_BY_ID, entitiesById, relationsById, reportsOfDocument, sourcesById } from './graph-queries.js';
import type { DocumentRow, EntityRow, RelationRow, ReportRow, SourceRow } from './graph-rows.js';

export const DOCUMENT_EXPORT_TIMEOUT_MS = 60_000;

export interface DocumentExport {
  bundle: Bundle;
  /** The document's reports the bundle format cannot carry (made through the API without a quote). */
  skippedReports: number;
}

const rows = <R extends RecordShape>(result: QueryResult<R>): R[] => result.records.map((record) => record.toObject());
const distinct = (values: Iterable<string | null | undefined>): string[] =>
  [...new Set([...values].filter((value): value is string => typeof value === 'string'))].sort();
const subjectId = (report: NdjsonReport) => ('entity' in report.subject ? report.subject.entity : report.subject.relation);

/**
 * One document as a bundle: the document, its reports, and everything they
 * need to stand alone: the sources they cite (and the people those sources
 * are), the entities and relations they are about, the relations' endpoints
 * and the entities statements are attributed to. Read in one transaction;
 * the result is checked with the same validation ingest applies. Under a
 * read filter, only the reports it keeps, and what they need.
 */
export async function exportDocumentBundle(executor: Executor, documentId: string, filter: ClaimFilter = NO_CLAIM_FILTER): Promise<DocumentExport> {
  const params = claimFilterParams(filter);
  const result = await executor.transaction(
    'READ',
    async (tx) => {
      const [document] = rows(await tx.run<DocumentRow>(DOCUMENT_BY_ID, { id: documentId }));
      if (!document) throw new ExportError(`There is no document "${documentId}".`, 'NOT_FOUND');
      const found = rows(await tx.run<ReportRow>(reportsOfDocument(filter), { id: documentId, ...params }));
      const reports = found.map(reportRecord).filter((report): report is NdjsonReport => report !== undefined);

      const relationIds = distinct(reports.filter((report) => 'relation' in report.subject).map(subjectId));
      const relations = relationIds.length > 0 ? rows(await tx.run<RelationRow>(relationsById(filter), { ids: relationIds, ...params })) : [];
      // The publisher is the document's voice even where it reports nothing itself; the bundle names it, so it travels.
      const sourceIds = distinct([...reports.map((report) => report.source), ...(document.publisher ? [document.publisher] : [])]);
      const sources = sourceIds.length > 0 ? rows(await tx.run<SourceRow>(sourcesById(filter), { ids: sourceIds, ...params })) : [];
      const entityIds = distinct([
        ...reports.filter((report) => 'entity' in report.subject).map(subjectId),
        ...reports.map((report) => report.attributedTo),
        ...relations.flatMap((relation) => [relation.from, relation.to]),
        ...sources.map((source) => source.entityId),
      ]);
      const entities = entityIds.length > 0 ? rows(await tx.run<EntityRow>(entitiesById(filter), { ids: entityIds, ...params })) : [];
      const bundle: Bundle = {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        document: documentRecord(document),
        sources: sources.map(sourceRecord),
        entities: entities.map(entityRecord),
        relations: relations.map(relationRecord),
        reports: reports.map(withoutDocument),
      };
      return { bundle, skippedReports: found.length - reports.length };
    },
    { name: 'export document bundle', timeoutMs: DOCUMENT_EXPORT_TIMEOUT_MS },
  );
  return { bundle: validateBundle(result.bundle), skippedReports: result.skippedReports };
}

/** A bundle's reports all belong to its one document, so they do not name it. */
function withoutDocument(report: NdjsonReport): BundleReport {
  const { document: _document, ...rest } = report;
  return rest;
}
