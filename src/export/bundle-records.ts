import type { BundleDocument, BundleEntity, BundleRelation, BundleSource, NdjsonReport } from '../model/bundle-schema.js';
import type { ReportMethod } from '../model/types.js';
import type { DocumentRow, EntityRow, RelationRow, ReportRow, SourceRow } from './graph-rows.js';

/**
 * Graph rows back into bundle records, the shapes ingest accepts: properties
 * that are null in the graph are left out, and each entity type carries only
 * the fields its schema allows.
 */

/** Copies the keys whose value is neither null nor undefined. */
function present<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}

export function documentRecord(row: DocumentRow): BundleDocument {
  return { id: row.id, ...present({ title: row.title, publishedAt: row.publishedAt, url: row.url, publisher: row.publisher }), text: row.text };
}

export function sourceRecord(row: SourceRow): BundleSource {
  return { id: row.id, name: row.name, kind: row.kind as BundleSource['kind'], ...present({ url: row.url, entity: row.entityId }) };
}

export function entityRecord(row: EntityRow): BundleEntity {
  const base = { id: row.id, name: row.name, aliases: [...row.aliases], ...present({ description: row.description }) };
  switch (row.type) {
    case 'PERSON':
      return { ...base, type: 'PERSON', ...present({ title: row.title }) };
    case 'ORGANIZATION':
      return { ...base, type: 'ORGANIZATION', ...present({ category: row.category as Extract<BundleEntity, { type: 'ORGANIZATION' }>['category'] }) };
    case 'EVENT':
      return { ...base, type: 'EVENT', ...present({ startDate: row.startDate, endDate: row.endDate }) };
    case 'COUNTRY':
    case 'LOCATION':
      return { ...base, type: row.type };
    default:
      throw new Error(`entity "${row.id}" has an unknown type ${JSON.stringify(row.type)}`);
  }
}

export function relationRecord(row: RelationRow): BundleRelation {
  return {
    id: row.id,
    type: row.type as BundleRelation['type'],
    from: row.from,
    to: row.to,
    ...present({ role: row.role, startDate: row.startDate, endDate: row.endDate }),
  };
}

/**
 * The id inside its document: the stored id without its `<documentId>/`
 * prefix. Any other id (the API's `api/<digest>`) is made a slug, since the
 * bundle format wants one: `api-<digest>`.
 */
export function localReportId(row: Pick<ReportRow, 'id' | 'documentId'>): string {
  const prefix = `${row.documentId}/`;
  if (row.id.startsWith(prefix)) return row.id.slice(prefix.length);
  return (
    row.id
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'report'
  );
}

/**
 * The report as an NDJSON record, or undefined when the bundle format cannot
 * carry it: it needs a document, a quote and offsets, which a report made
 * through the API may lack.
 */
export function reportRecord(row: ReportRow): NdjsonReport | undefined {
  if (row.documentId === null || row.quote === null || row.start === null || row.end === null) return undefined;
  return {
    document: row.documentId,
    id: localReportId(row),
    subject: row.subjectKind === 'relation' ? { relation: row.subject } : { entity: row.subject },
    source: row.source,
    quote: row.quote,
    start: row.start,
    end: row.end,
    ...present({ reportedAt: row.reportedAt, attributedTo: row.attributedToId }),
    // Written even when manual, the default, so a reader of the file need not know the default to tell.
    method: row.method as ReportMethod,
    ...present({ rule: row.rule, confidence: row.confidence }),
    // Always written, even empty: a report's own values are all it says, so the import stores exactly these.
    values: present(row.values) as NonNullable<NdjsonReport['values']>,
  };
}
