import type { Batch } from '../ingest/batch.js';
import { storedReportId } from '../ingest/write.js';
import type { ChangeDraft } from './kinds.js';

const mapped = (ids: ReadonlyMap<string, string>, id: string) => ids.get(id) ?? id;

/**
 * The change events of one ingested batch (a bundle, or a slice of a
 * stream), under the ids resolution gave its records: one per document,
 * source, entity, relation and report written.
 */
export function batchChanges(batch: Batch, entityIds: ReadonlyMap<string, string>, relationIds: ReadonlyMap<string, string>): ChangeDraft[] {
  const ends = new Map<string, string[]>();
  for (const relation of batch.relations) ends.set(mapped(relationIds, relation.id), [mapped(entityIds, relation.from), mapped(entityIds, relation.to)]);
  const reportEntities = new Map<string, string[]>();
  const reports: ChangeDraft[] = batch.reports.map((report) => {
    const relationId = 'relation' in report.subject ? mapped(relationIds, report.subject.relation) : null;
    const entities = 'entity' in report.subject ? [mapped(entityIds, report.subject.entity)] : (ends.get(relationId!) ?? []);
    const ofDocument = reportEntities.get(report.document) ?? [];
    ofDocument.push(...entities);
    reportEntities.set(report.document, ofDocument);
    return { kind: 'REPORT_ADDED', subjectId: storedReportId(report.document, report.id), entityIds: entities, relationId, documentId: report.document };
  });
  return [
    ...batch.documents.map((document): ChangeDraft => ({
      kind: 'DOCUMENT_INGESTED',
      subjectId: document.id,
      entityIds: reportEntities.get(document.id) ?? [],
      documentId: document.id,
    })),
    ...batch.sources.map((source): ChangeDraft => ({
      kind: 'SOURCE_UPSERTED',
      subjectId: source.id,
      entityIds: source.entity ? [mapped(entityIds, source.entity)] : [],
    })),
    // Two records resolved to one entity are one change.
    ...[...new Set(batch.entities.map((entity) => mapped(entityIds, entity.id)))].map((id): ChangeDraft => ({
      kind: 'ENTITY_UPSERTED',
      subjectId: id,
      entityIds: [id],
    })),
    ...[...ends].map(([id, [from, to]]): ChangeDraft => ({ kind: 'RELATION_UPSERTED', subjectId: id, entityIds: [from!, to!] })),
    ...reports,
  ];
}
