import { csvArray, csvRow } from './csv-format.js';
import type { ClaimRow, Corroboration, DocumentRow, EntityRow, NameKeyRow, RelationRow, ReportRow, SourceRow } from './graph-rows.js';

/**
 * The files of a CSV export, in the header format of `neo4j-admin database
 * import`: `prop:ID(Group)` keys, `:START_ID`/`:END_ID` per id group, `:LABEL`
 * and `:TYPE` columns, typed columns such as `start:int`. Nodes without a
 * :LABEL column get their label on the command line (see import-readme.ts).
 */

export const CSV_FILES = {
  entities: 'entities.csv',
  sources: 'sources.csv',
  documents: 'documents.csv',
  claims: 'claims.csv',
  nameKeys: 'name_keys.csv',
  relations: 'relations.csv',
  entityReports: 'entity_reports.csv',
  claimReports: 'claim_reports.csv',
  names: 'names.csv',
} as const;

export type CsvFile = keyof typeof CSV_FILES;

/**
 * Stored on entities and relations by ingest; exported so an imported graph
 * keeps its counts and statuses. Internal fields stay out: `aliasText` (the
 * aliases joined for the full-text index) is made again by after-import.cypher.
 */
const CORROBORATION_COLUMNS = ['sourceCount:int', 'independentSourceCount:int', 'status'];

const REPORT_COLUMNS = ['id', 'quote', 'start:int', 'end:int', 'reportedAt', 'documentId', 'attributedToId', 'method', 'rule', 'confidence:double'];

export const CSV_HEADERS: Record<CsvFile, readonly string[]> = {
  entities: [
    'id:ID(Entity)',
    ':LABEL',
    'type',
    'name',
    'aliases:string[]',
    'description',
    'title',
    'category',
    'startDate',
    'endDate',
    'createdAt:datetime',
    ...CORROBORATION_COLUMNS,
  ],
  sources: ['id:ID(Source)', 'name', 'kind', 'url', 'entityId'],
  documents: ['id:ID(Document)', 'title', 'publishedAt', 'url', 'publisher', 'text', 'ingestedAt:datetime'],
  claims: ['relationId:ID(Claim)', 'type', 'from', 'to'],
  nameKeys: ['key:ID(NameKey)'],
  relations: [':START_ID(Entity)', ':END_ID(Entity)', ':TYPE', 'id', 'role', 'startDate', 'endDate', ...CORROBORATION_COLUMNS],
  entityReports: [':START_ID(Entity)', ':END_ID(Source)', ':TYPE', ...REPORT_COLUMNS],
  claimReports: [':START_ID(Claim)', ':END_ID(Source)', ':TYPE', ...REPORT_COLUMNS],
  names: [':START_ID(NameKey)', ':END_ID(Entity)', ':TYPE'],
};

export const headerLine = (file: CsvFile): string => `${CSV_HEADERS[file].join(',')}\n`;

/** Labels go through the array delimiter too; `Entity` first, e.g. `Entity;Person`. */
const corroboration = (row: Partial<Corroboration>) => [row.sourceCount ?? null, row.independentSourceCount ?? null, row.status ?? null];

export function entityCsv(e: EntityRow & Partial<Corroboration>, arrayDelimiter: string): string {
  const labels = ['Entity', ...e.labels.filter((label) => label !== 'Entity')];
  return csvRow([
    e.id,
    csvArray(labels, arrayDelimiter),
    e.type,
    e.name,
    csvArray(e.aliases, arrayDelimiter),
    e.description,
    e.title,
    e.category,
    e.startDate,
    e.endDate,
    e.createdAt,
    ...corroboration(e),
  ]);
}

export const sourceCsv = (s: SourceRow): string => csvRow([s.id, s.name, s.kind, s.url, s.entityId]);

export const documentCsv = (d: DocumentRow): string => csvRow([d.id, d.title, d.publishedAt, d.url, d.publisher, d.text, d.ingestedAt]);

export const claimCsv = (c: ClaimRow): string => csvRow([c.relationId, c.type, c.from, c.to]);

export const nameKeyCsv = (k: NameKeyRow): string => csvRow([k.key]);

export const nameCsv = (key: string, entityId: string): string => csvRow([key, entityId, 'NAMES']);

export const relationCsv = (r: RelationRow & Partial<Corroboration>): string =>
  csvRow([r.from, r.to, r.type, r.id, r.role, r.startDate, r.endDate, ...corroboration(r)]);

/** For both report files: the subject is an entity id or a relation id (a Claim's key). */
export const reportCsv = (r: ReportRow): string =>
  csvRow([r.subject, r.source, 'REPORTED_BY', r.id, r.quote, r.start, r.end, r.reportedAt, r.documentId, r.attributedToId, r.method, r.rule, r.confidence]);
