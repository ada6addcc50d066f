import { z } from 'zod';
import { partialDate, quoteText, relationFields, relationRules, reportMethodFields, reportMethodRules, slug } from './bundle-schema.js';

/**
 * What the mutations take, in the bundle's own terms: an edit is refused for
 * exactly what a bundle would be refused for (src/model/bundle-schema.ts holds
 * the field and text rules, src/model/text-rules.ts the characters). Entities
 * are checked with the bundle's `entitySchema` itself; relations and reports
 * differ from their bundle records only where an edit says less (no relation
 * id, a report without a document or offsets).
 */

/** A relation as upsertRelation takes it: the id is derived when left out. */
export const relationEditSchema = z.strictObject({ ...relationFields, id: slug.optional() }).superRefine(relationRules);

/** A report given with an edit (ReportInput). Whether the source, document and quote exist is checked against the graph later. */
export const reportEditSchema = z
  .strictObject({
    sourceId: slug,
    documentId: slug.optional(),
    quote: quoteText.optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    reportedAt: partialDate.optional(),
    attributedTo: slug.optional(),
    ...reportMethodFields,
  })
  .superRefine((report, ctx) => {
    reportMethodRules(report, ctx);
    if (report.start !== undefined && report.end !== undefined && report.end <= report.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `end (${report.end}) must be greater than start (${report.start})` });
    }
  });

/** GraphQL gives an explicit null for a field set to null; for these records that means "not given". */
export function withoutNulls<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined)) as { [K in keyof T]: Exclude<T[K], null> };
}
