import { z } from 'zod';
import { endsBeforeItStarts, isPartialDate, PARTIAL_DATE_HINT } from './dates.js';
import { freeTextProblem, nameProblem } from './text-rules.js';
import { DEFAULT_REPORT_METHOD, ORGANIZATION_CATEGORIES, RELATION_TYPES, REPORT_METHODS, SOURCE_KINDS, type ReportMethod } from './types.js';

/**
 * The bundle format, version 1: one document with its sources, entities,
 * relations and reports. docs/bundle-format.md describes it for people;
 * schema/bundle.schema.json is generated from this for outside tools.
 */

export const BUNDLE_FORMAT = 'newsgraph.bundle';
export const BUNDLE_VERSION = 1;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slug = z.string().max(200).regex(SLUG, 'expected a slug: lowercase letters, digits and single hyphens, e.g. liu-xiaowu');
// The regex gives outside tools a pattern; the refinement rejects impossible days such as 2021-02-30.
export const partialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, { message: PARTIAL_DATE_HINT, abort: true })
  .refine(isPartialDate, PARTIAL_DATE_HINT);
/**
 * A string checked by one of the text rules (src/model/text-rules.ts), as
 * given: before any trimming, since trim() also removes characters the rules
 * refuse (a BOM, newlines), which edits store as given.
 */
const ruled = (problem: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const found = problem(value);
    if (found) ctx.addIssue({ code: 'custom', message: found });
  });
const NOT_BLANK = 'must not be empty or only spaces';
/** A name, title or role: one line of visible text, trimmed. */
const name = (max: number) => ruled(nameProblem).trim().min(1, NOT_BLANK).max(max);
/** Free text, trimmed: a description. */
const text = (max: number) => ruled(freeTextProblem).trim().min(1, NOT_BLANK).max(max);
/** A quote is compared with its document verbatim, so it is not trimmed. */
export const quoteText = ruled(freeTextProblem).min(1).max(20_000);

/** Dates given as a period must not end before they start. */
function periodInOrder(value: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx): void {
  if (value.startDate && value.endDate && endsBeforeItStarts(value.startDate, value.endDate)) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: `endDate ${value.endDate} is before startDate ${value.startDate}` });
  }
}

export const documentSchema = z.strictObject({
  id: slug,
  title: name(1000).optional(),
  publishedAt: partialDate.optional(),
  url: z.url().max(2000).nullish(),
  /** The source that published the document, its own voice: a syndicated copy of it counts as the original's publisher. */
  publisher: slug.optional(),
  text: ruled(freeTextProblem).max(5_000_000),
});

export const sourceSchema = z.strictObject({
  id: slug,
  name: name(500),
  kind: z.enum(SOURCE_KINDS),
  url: z.url().max(2000).nullish(),
  /** For a quoted official: the PERSON entity who is the source. */
  entity: slug.optional(),
});

const entityBase = {
  id: slug,
  name: name(500),
  aliases: z.array(name(500)).max(200).default([]),
  description: text(20_000).optional(),
};

export const entitySchema = z.discriminatedUnion('type', [
  z.strictObject({ ...entityBase, type: z.literal('PERSON'), title: name(200).optional() }),
  z.strictObject({ ...entityBase, type: z.literal('ORGANIZATION'), category: z.enum(ORGANIZATION_CATEGORIES).optional() }),
  z.strictObject({ ...entityBase, type: z.literal('COUNTRY') }),
  z.strictObject({ ...entityBase, type: z.literal('LOCATION') }),
  z.strictObject({ ...entityBase, type: z.literal('EVENT'), startDate: partialDate.optional(), endDate: partialDate.optional() }).superRefine(periodInOrder),
]);

/** A relation's fields, for the bundle record here and for edits (src/model/edit-inputs.ts), which may leave out the id. */
export const relationFields = {
  id: slug,
  type: z.enum(RELATION_TYPES),
  from: slug,
  to: slug,
  role: name(200).optional(),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
};

/** The rules across a relation's fields: no relation from an entity to itself, and dates in order. */
export function relationRules(relation: { from: string; to: string; startDate?: string; endDate?: string }, ctx: z.RefinementCtx): void {
  if (relation.from === relation.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'a relation must join two different entities, not an entity to itself' });
  periodInOrder(relation, ctx);
}

export const relationSchema = z.strictObject(relationFields).superRefine(relationRules);

const subjectSchema = z.union([z.strictObject({ entity: slug }), z.strictObject({ relation: slug })]);

/**
 * How a report was made, for bundle records and edits alike. `method` is
 * optional and means `manual` when left out, so every bundle written before
 * it existed still reads as hand-annotated.
 */
export const reportMethodFields = {
  method: z.enum(REPORT_METHODS).meta({ default: DEFAULT_REPORT_METHOD }).optional(),
  /** The extraction rule that proposed the report, named so a reader can find it and a fix can be traced to it. */
  rule: name(200).optional(),
  confidence: z.number().min(0).max(1).optional(),
};

const MACHINE_METHODS = REPORT_METHODS.filter((method) => method !== DEFAULT_REPORT_METHOD);

/**
 * A machine-made report must name its rule and confidence, and a manual one
 * must not: a hand-written report with a rule would pass for extracted output.
 */
export function reportMethodRules(report: { method?: ReportMethod; rule?: string; confidence?: number }, ctx: z.RefinementCtx): void {
  const method = report.method ?? DEFAULT_REPORT_METHOD;
  for (const field of ['rule', 'confidence'] as const) {
    if (method !== DEFAULT_REPORT_METHOD && report[field] === undefined) {
      ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required when method is "${method}"` });
    } else if (method === DEFAULT_REPORT_METHOD && report[field] !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${field} is only for ${MACHINE_METHODS.join(' or ')} reports; this report's method is "manual"${report.method ? '' : ' (the default)'}`,
      });
    }
  }
}

/**
 * The same rule for tools outside TypeScript: zod cannot translate a
 * refinement, so it is written here in JSON Schema's own terms and merged
 * into the generated schema through the object's metadata.
 */
const METHOD_RULE_JSON_SCHEMA = {
  if: { required: ['method'], properties: { method: { enum: MACHINE_METHODS } } },
  then: { required: ['rule', 'confidence'] },
  else: { not: { anyOf: [{ required: ['rule'] }, { required: ['confidence'] }] } },
};

/**
 * What one report says of its subject, when it differs from what the bundle's
 * entity or relation record says (or the report comes in another batch of a
 * stream). Given, it is all the report says: a property left out is one the
 * report gives no value for.
 */
export const reportValuesSchema = z.strictObject({
  description: text(20_000).optional(),
  title: name(200).optional(),
  category: z.enum(ORGANIZATION_CATEGORIES).optional(),
  role: name(200).optional(),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
});

const reportFields = {
  id: slug,
  subject: subjectSchema,
  source: slug,
  quote: quoteText,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  reportedAt: partialDate.optional(),
  attributedTo: slug.optional(),
  values: reportValuesSchema.optional(),
  ...reportMethodFields,
};

export const reportSchema = z.strictObject(reportFields).superRefine(reportMethodRules).meta(METHOD_RULE_JSON_SCHEMA);

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  document: documentSchema,
  sources: z.array(sourceSchema).default([]),
  entities: z.array(entitySchema).default([]),
  relations: z.array(relationSchema).default([]),
  reports: z.array(reportSchema).default([]),
});

export type BundleDocument = z.infer<typeof documentSchema>;
export type BundleSource = z.infer<typeof sourceSchema>;
export type BundleEntity = z.infer<typeof entitySchema>;
export type BundleRelation = z.infer<typeof relationSchema>;
export type BundleReport = z.infer<typeof reportSchema>;
export type Bundle = z.infer<typeof bundleSchema>;

/**
 * NDJSON records carry their kind in `record` (not `kind`, which is a
 * source's own field), in the order an export writes them.
 */
export const NDJSON_RECORDS = ['header', 'document', 'source', 'entity', 'relation', 'report'] as const;
export type NdjsonRecordKind = (typeof NDJSON_RECORDS)[number];

export const ndjsonHeaderSchema = z.strictObject({ record: z.literal('header'), format: z.literal(BUNDLE_FORMAT), version: z.literal(BUNDLE_VERSION) });
/** In a stream of many documents, a report names the document its offsets point into. */
export const ndjsonReportSchema = z
  .strictObject({ ...reportFields, document: slug })
  .superRefine(reportMethodRules)
  .meta(METHOD_RULE_JSON_SCHEMA);
export type NdjsonReport = z.infer<typeof ndjsonReportSchema>;
