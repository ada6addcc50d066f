import neo4j from 'neo4j-driver';
import type { Executor } from '../db/executor.js';
import { toPage, type Page } from './support/cursor.js';
import {
  DOCUMENT_PROJECTION,
  relationReportsPattern,
  REPORT_PROJECTION,
  sourceProjection,
  type DocumentRecord,
  type ReportRecord,
  type SourceRecord,
} from './support/records.js';

const REPORTS_OF_ENTITIES = `
UNWIND $ids AS id
MATCH (:Entity {id: id})-[rb:REPORTED_BY]->(:Source)
RETURN ${REPORT_PROJECTION} AS report
ORDER BY rb.id`;

const REPORTS_OF_RELATIONS = `
UNWIND $ids AS id
MATCH ${relationReportsPattern('id')}
RETURN ${REPORT_PROJECTION} AS report
ORDER BY rb.id`;

/** One page of reports for each of many sources, in one statement; the count only when asked for. */
const reportsBySourcesCypher = (withTotal: boolean) => `
UNWIND $ids AS id
MATCH (s:Source {id: id})
CALL (s) {
  MATCH (s)<-[rb:REPORTED_BY]-()
  WHERE $after IS NULL OR rb.id > $after
  WITH rb ORDER BY rb.id LIMIT $limit
  RETURN collect(${REPORT_PROJECTION}) AS reports
}
${withTotal ? 'CALL (s) { MATCH (s)<-[rb:REPORTED_BY]-() RETURN count(rb) AS total }' : 'WITH s, reports, 0 AS total'}
RETURN s.id AS id, reports, total`;

const SOURCE_FIELDS = sourceProjection('s');

const SOURCES_BY_IDS = `UNWIND $ids AS id MATCH (s:Source {id: id}) RETURN ${SOURCE_FIELDS} AS source`;

const SOURCES_PAGE = `
MATCH (s:Source)
WHERE $after IS NULL OR s.id > $after
RETURN ${SOURCE_FIELDS} AS source
ORDER BY s.id
LIMIT $limit`;

const COUNT_SOURCES = 'MATCH (s:Source) RETURN count(s) AS total';

const DOCUMENT_TEXTS = 'UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.text AS text';

const DOCUMENTS_BY_IDS = `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN ${DOCUMENT_PROJECTION('d')} AS document`;

function groupBySubject(rows: Array<{ report: ReportRecord }>): Map<string, ReportRecord[]> {
  const grouped = new Map<string, ReportRecord[]>();
  for (const { report } of rows) grouped.set(report.subjectId, [...(grouped.get(report.subjectId) ?? []), report]);
  return grouped;
}

/** Sources, documents and the reports that tie them to entities and relations. */
export interface PageRequest {
  first: number;
  after: string | null;
  withTotal: boolean;
}

export class ProvenanceRepository {
  constructor(private readonly db: Executor) {}

  async reportsOfEntities(ids: readonly string[]): Promise<Map<string, ReportRecord[]>> {
    return groupBySubject(await this.db.read(REPORTS_OF_ENTITIES, { ids: [...new Set(ids)] }, { name: 'reports of entities' }));
  }

  async reportsOfRelations(ids: readonly string[]): Promise<Map<string, ReportRecord[]>> {
    return groupBySubject(await this.db.read(REPORTS_OF_RELATIONS, { ids: [...new Set(ids)] }, { name: 'reports of relations' }));
  }

  async reportsBySources(ids: readonly string[], request: PageRequest): Promise<Map<string, { reports: ReportRecord[]; total: number }>> {
    const rows = await this.db.read<{ id: string; reports: ReportRecord[]; total: number }>(
      reportsBySourcesCypher(request.withTotal),
      { ids: [...new Set(ids)], after: request.after, limit: neo4j.int(request.first + 1) },
      { name: 'reports by sources' },
    );
    return new Map(rows.map((row) => [row.id, { reports: row.reports, total: row.total }]));
  }

  async sourcesByIds(ids: readonly string[]): Promise<Map<string, SourceRecord>> {
    const rows = await this.db.read<{ source: SourceRecord }>(SOURCES_BY_IDS, { ids: [...new Set(ids)] }, { name: 'sources by id' });
    return new Map(rows.map((row) => [row.source.id, row.source]));
  }

  async sourcesPage(first: number, after: string | null): Promise<Page<SourceRecord>> {
    const rows = await this.db.read<{ source: SourceRecord }>(SOURCES_PAGE, { after, limit: neo4j.int(first + 1) }, { name: 'sources page' });
    return toPage(
      rows.map((row) => row.source),
      first,
      (source) => source.id,
    );
  }

  async countSources(): Promise<number> {
    const [row] = await this.db.read<{ total: number }>(COUNT_SOURCES, {}, { name: 'count sources' });
    return row?.total ?? 0;
  }

  /** Texts only on request: they can be long, so the document records themselves leave them out. */
  async documentTexts(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db.read<{ id: string; text: string }>(DOCUMENT_TEXTS, { ids: [...new Set(ids)] }, { name: 'document texts' });
    return new Map(rows.map((row) => [row.id, row.text]));
  }

  async documentsByIds(ids: readonly string[]): Promise<Map<string, DocumentRecord>> {
    const rows = await this.db.read<{ document: DocumentRecord }>(DOCUMENTS_BY_IDS, { ids: [...new Set(ids)] }, { name: 'documents by id' });
    return new Map(rows.map((row) => [row.document.id, row.document]));
  }
}
