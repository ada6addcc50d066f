import { reportEditSchema, withoutNulls } from '../model/edit-inputs.js';
import type { ReportInput } from '../repositories/support/report-inputs.js';
import { builder } from './builder.js';
import { ReportMethodEnum } from './enums.js';
import { parseInput } from './support/input-errors.js';

/** Provenance given with an edit: who reported it, where, and the exact words. */
export const ReportInputRef = builder.inputType('ReportInput', {
  description: 'A report given with an edit: which source said it, in which document, in which words.',
  fields: (t) => ({
    sourceId: t.id({ required: true, description: 'The id of the source that reported it; the source must exist.' }),
    documentId: t.id({ description: 'The id of the document the quote is from; the document must exist.' }),
    quote: t.string({ description: 'At most 20,000 characters, as in bundles.' }),
    start: t.int({ description: 'Offset of the quote in the document text, in code points.' }),
    end: t.int({ description: 'Offset just after the quote in the document text (exclusive), in code points.' }),
    reportedAt: t.field({ type: 'Date', description: "Defaults to the document's date." }),
    attributedTo: t.id({ description: 'The person or organization the statement is attributed to.' }),
    method: t.field({ type: ReportMethodEnum, description: 'How the report was made; MANUAL when left out.' }),
    rule: t.string({ description: 'The extraction rule that proposed it: required for EXTRACTED and REVIEWED, refused for MANUAL.' }),
    confidence: t.float({ description: "The rule's confidence, 0 to 1: required for EXTRACTED and REVIEWED, refused for MANUAL." }),
  }),
});

type ReportInputValue = typeof ReportInputRef.$inferInput;

const idOrNull = (id: string | number | null | undefined) => (id === null || id === undefined ? null : String(id));

/**
 * IDs arrive as string or number; the repositories take strings. Each report
 * is checked with the bundle's rules for reports (slugs, quote length and
 * characters, offsets in order) before anything is written.
 */
export function toReportInputs(reports: readonly ReportInputValue[] | null | undefined): ReportInput[] {
  return (reports ?? []).map((report, i) => {
    const given = { ...report, sourceId: String(report.sourceId), documentId: idOrNull(report.documentId), attributedTo: idOrNull(report.attributedTo) };
    parseInput(reportEditSchema, withoutNulls(given), `reports[${i}]`);
    return given;
  });
}
