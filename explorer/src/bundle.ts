import type { DraftReport, ReportMethod } from './review/types.js';
import type { EntityDetail, RelationDetail, Report } from './types.js';

/**
 * A newsgraph bundle (docs/bundle-format.md, version 1) of the current view:
 * one document, with the view's entities and relations and the reports that
 * quote that document. The format holds one document, so reports quoting
 * other documents are left out, and counted.
 */
export interface Bundle {
  format: 'newsgraph.bundle';
  version: 1;
  document: { id: string; title?: string; publishedAt?: string; url?: string; text: string };
  sources: Array<{ id: string; name: string; kind: string; url?: string; entity?: string }>;
  entities: Array<Record<string, unknown>>;
  relations: Array<Record<string, unknown>>;
  /** Reports as the review page drafts them; the explorer's own always name their method. */
  reports: Array<DraftReport & { method: ReportMethod }>;
}

export interface LeftOut {
  otherDocuments: number;
  withoutQuote: number;
  /** The API gave no document text, so quotes could not be placed. */
  withoutText: number;
  quoteMismatch: number;
}

export interface BundleInput {
  entities: EntityDetail[];
  relations: RelationDetail[];
  /** Entities only referenced (by attributedTo or a source's entity), kept so references resolve. */
  referenced: EntityDetail[];
  /** The chosen document's text, or null when the API does not expose it. */
  text: string | null;
  documentId: string | null;
}

const FALLBACK_DOCUMENT = 'explorer-view';

/** The document most of the view's reports quote: the one the bundle is about. */
export function mainDocument(entities: EntityDetail[], relations: RelationDetail[]): Report['document'] {
  const counts = new Map<string, { count: number; document: NonNullable<Report['document']> }>();
  for (const subject of [...entities, ...relations]) {
    for (const report of subject.reportedBy) {
      if (!report.document) continue;
      const entry = counts.get(report.document.id) ?? { count: 0, document: report.document };
      entry.count += 1;
      counts.set(report.document.id, entry);
    }
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || a.document.id.localeCompare(b.document.id));
  return ranked[0]?.document ?? null;
}

function present<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as T;
}

function entityRecord(entity: EntityDetail): Record<string, unknown> {
  const base = { id: entity.id, type: entity.type, name: entity.name, aliases: entity.aliases, description: entity.description };
  if (entity.type === 'PERSON') return present({ ...base, title: entity.title });
  if (entity.type === 'ORGANIZATION') return present({ ...base, category: entity.category });
  if (entity.type === 'EVENT') return present({ ...base, startDate: entity.startDate, endDate: entity.endDate });
  return present(base);
}

export function buildBundle(input: BundleInput): { bundle: Bundle; leftOut: LeftOut } {
  const main = mainDocument(input.entities, input.relations);
  const documentId = input.documentId ?? main?.id ?? null;
  const codePoints = input.text === null ? null : Array.from(input.text);
  const leftOut: LeftOut = { otherDocuments: 0, withoutQuote: 0, withoutText: 0, quoteMismatch: 0 };
  const entities = new Map<string, EntityDetail>();
  for (const entity of [...input.entities, ...input.referenced]) entities.set(entity.id, entity);
  const sources = new Map<string, Bundle['sources'][number]>();
  const reports: Bundle['reports'] = [];

  const addReports = (subject: Bundle['reports'][number]['subject'], list: Report[]) => {
    for (const report of list) {
      if (!report.document || report.document.id !== documentId) leftOut.otherDocuments += 1;
      else if (report.quote == null || report.start == null || report.end == null) leftOut.withoutQuote += 1;
      else if (!codePoints) leftOut.withoutText += 1;
      else if (codePoints.slice(report.start, report.end).join('') !== report.quote) leftOut.quoteMismatch += 1;
      else {
        const attributedTo = report.attributedTo && entities.has(report.attributedTo.id) ? report.attributedTo.id : undefined;
        const sourceEntity = report.source.entity && entities.has(report.source.entity.id) ? report.source.entity.id : undefined;
        sources.set(
          report.source.id,
          present({ id: report.source.id, name: report.source.name, kind: report.source.kind, url: report.source.url ?? undefined, entity: sourceEntity }),
        );
        // The method goes along, so facts a rule extracted do not come back as hand-annotated when the bundle is ingested.
        const method = report.method.toLowerCase() as Bundle['reports'][number]['method'];
        const made = { method, rule: report.rule ?? undefined, confidence: report.confidence ?? undefined };
        reports.push(
          present({
            id: `r${reports.length + 1}`,
            subject,
            source: report.source.id,
            quote: report.quote,
            start: report.start,
            end: report.end,
            reportedAt: report.reportedAt ?? undefined,
            attributedTo,
            ...made,
          }),
        );
      }
    }
  };
  for (const entity of input.entities) addReports({ entity: entity.id }, entity.reportedBy);
  for (const relation of input.relations) addReports({ relation: relation.id }, relation.reportedBy);

  const document =
    main && main.id === documentId
      ? present({ id: main.id, title: main.title ?? undefined, publishedAt: main.publishedAt ?? undefined, url: main.url ?? undefined, text: input.text ?? '' })
      : { id: documentId ?? FALLBACK_DOCUMENT, text: input.text ?? '' };
  const bundle: Bundle = {
    format: 'newsgraph.bundle',
    version: 1,
    document,
    sources: [...sources.values()].sort((a, b) => a.id.localeCompare(b.id)),
    entities: [...entities.values()].map(entityRecord),
    relations: input.relations.map((relation) =>
      present({
        id: relation.id,
        type: relation.type,
        from: relation.from.id,
        to: relation.to.id,
        role: relation.role,
        startDate: relation.startDate,
        endDate: relation.endDate,
      }),
    ),
    reports,
  };
  return { bundle, leftOut };
}

export function describeLeftOut(leftOut: LeftOut): string {
  const parts = [
    leftOut.otherDocuments ? `${leftOut.otherDocuments} quoting other documents` : '',
    leftOut.withoutQuote ? `${leftOut.withoutQuote} without a quote` : '',
    leftOut.withoutText ? `${leftOut.withoutText} because the API gives no document text` : '',
    leftOut.quoteMismatch ? `${leftOut.quoteMismatch} whose quote is not at its offsets` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Reports left out: ${parts.join(', ')}.` : '';
}
