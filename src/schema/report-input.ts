import { builder } from './builder.js';

/** Provenance given with an edit: who reported it, where, and the exact words. */
export const ReportInputRef = builder.inputType('ReportInput', {
  fields: (t) => ({
    sourceId: t.id({ required: true }),
    documentId: t.id(),
    quote: t.string(),
    start: t.int({ description: 'Offset of the quote in the document text, in code points.' }),
    end: t.int(),
    reportedAt: t.field({ type: 'Date', description: "Defaults to the document's date." }),
    attributedTo: t.id({ description: 'The person or organization the statement is attributed to.' }),
  }),
});

type ReportInputValue = typeof ReportInputRef.$inferInput;

/** IDs arrive as string or number; the repositories take strings. */
export function toReportInputs(reports: readonly ReportInputValue[] | null | undefined) {
  return (reports ?? []).map((report) => ({
    ...report,
    sourceId: String(report.sourceId),
    documentId: report.documentId === null || report.documentId === undefined ? null : String(report.documentId),
    attributedTo: report.attributedTo === null || report.attributedTo === undefined ? null : String(report.attributedTo),
  }));
}
