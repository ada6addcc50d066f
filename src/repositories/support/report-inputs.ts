import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { CountingTransaction } from '../../db/executor.js';
import { DocumentText } from '../../model/quotes.js';
import { lockEntities } from '../../ingest/locks.js';
import { methodProperties, WRITE_ENTITY_REPORTS, WRITE_RELATION_REPORTS } from '../../ingest/write.js';
import type { ReportMethod } from '../../model/types.js';
import { InputError } from '../../model/input-error.js';
import { refuseMergedId } from './merged-check.js';

/** A report given through the API rather than in a bundle. */
export interface ReportInput {
  sourceId: string;
  documentId?: string | null;
  quote?: string | null;
  start?: number | null;
  end?: number | null;
  reportedAt?: string | null;
  attributedTo?: string | null;
  /** Manual when left out; rule and confidence come with the other methods (src/model/edit-inputs.ts checks that). */
  method?: ReportMethod | null;
  rule?: string | null;
  confidence?: number | null;
}

const LOOKUP = `
UNWIND $reports AS report
OPTIONAL MATCH (s:Source {id: report.sourceId})
OPTIONAL MATCH (d:Document {id: report.documentId})
OPTIONAL MATCH (p:Entity {id: report.attributedTo})
RETURN s IS NOT NULL AS sourceFound, d IS NOT NULL AS documentFound, d.text AS text, d.publishedAt AS publishedAt, p.type AS attributedType`;

/** The same report given twice gets the same id, so upserts stay idempotent. */
function reportId(subjectId: string, report: ReportInput): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([subjectId, report.sourceId, report.documentId ?? null, report.start ?? null, report.end ?? null, report.quote ?? null]))
    .digest('hex');
  // Scoped like bundle reports (`<document>/<report>`), so a document's export and re-import keep the id.
  return report.documentId ? `${report.documentId}/api-${digest.slice(0, 20)}` : `api/${digest.slice(0, 20)}`;
}

/**
 * Checks every report against the graph (source, document, quote at its offsets, attribution), then writes them.
 * `values` are what the edit says of its subject (a description, a role, dates), which its reports carry.
 */
export async function writeReportInputs(
  tx: CountingTransaction,
  subject: { entity: string } | { relation: string },
  reports: readonly ReportInput[],
  field: string,
  values: Readonly<Record<string, string | null>> = {},
): Promise<void> {
  if (reports.length === 0) return;
  // A merge repoints the attributions it sees; locking the attributed entities first keeps one from being written to an id a merge is deleting.
  const attributed = reports.flatMap((report) => (report.attributedTo ? [report.attributedTo] : []));
  const locked = await lockEntities(tx, attributed);
  for (const [i, report] of reports.entries()) {
    if (report.attributedTo && !locked.has(report.attributedTo)) await refuseMergedId(tx, report.attributedTo, `${field}[${i}].attributedTo`);
  }
  const found = await tx.run(LOOKUP, {
    reports: reports.map((r) => ({ sourceId: r.sourceId, documentId: r.documentId ?? null, attributedTo: r.attributedTo ?? null })),
  });
  const rows = reports.map((report, i) => {
    const at = `${field}[${i}]`;
    const row = found.records[i]!.toObject() as {
      sourceFound: boolean;
      documentFound: boolean;
      text: string | null;
      publishedAt: string | null;
      attributedType: string | null;
    };
    if (!row.sourceFound) throw new InputError(`${at}.sourceId`, `unknown source "${report.sourceId}"`);
    if (report.documentId && !row.documentFound) throw new InputError(`${at}.documentId`, `unknown document "${report.documentId}"`);
    if (report.attributedTo && row.attributedType !== 'PERSON' && row.attributedType !== 'ORGANIZATION') {
      throw new InputError(`${at}.attributedTo`, `"${report.attributedTo}" is not a known person or organization`);
    }
    const offsets = report.start !== undefined && report.start !== null && report.end !== undefined && report.end !== null;
    if (offsets && (!report.documentId || !report.quote)) throw new InputError(`${at}.start`, 'offsets need a documentId and a quote');
    if (offsets && new DocumentText(row.text ?? '').slice(report.start!, report.end!) !== report.quote) {
      throw new InputError(`${at}.quote`, `the quote is not the document's text at ${report.start}..${report.end}`);
    }
    const subjectId = 'entity' in subject ? subject.entity : subject.relation;
    return {
      id: reportId(subjectId, report),
      subject: subjectId,
      source: report.sourceId,
      quote: report.quote ?? null,
      start: offsets ? neo4j.int(report.start!) : null,
      end: offsets ? neo4j.int(report.end!) : null,
      reportedAt: report.reportedAt ?? row.publishedAt ?? null,
      document: report.documentId ?? null,
      attributedTo: report.attributedTo ?? null,
      ...methodProperties(report),
      values,
    };
  });
  await tx.run('entity' in subject ? WRITE_ENTITY_REPORTS : WRITE_RELATION_REPORTS, { rows });
}
