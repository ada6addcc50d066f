import { z } from 'zod';
import { isPartialDate, PARTIAL_DATE_HINT } from './dates.js';
import { ORGANIZATION_CATEGORIES, RELATION_TYPES, SOURCE_KINDS } from './types.js';

/**
 * The bundle format, version 1: one document with its sources, entities,
 * relations and reports. docs/bundle-format.md describes it for people;
 * schema/bundle.schema.json is generated from this for outside tools.
 */

export const BUNDLE_FORMAT = 'newsgraph.bundle';
export const BUNDLE_VERSION = 1;

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().max(200).regex(SLUG, 'expected a slug: lowercase letters, digits and single hyphens, e.g. liu-xiaowu');
// The regex gives outside tools a pattern; the refinement rejects impossible days such as 2021-02-30.
const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, { message: PARTIAL_DATE_HINT, abort: true }).refine(isPartialDate, PARTIAL_DATE_HINT);
const text = (max: number) => z.string().trim().min(1).max(max);

export const documentSchema = z.strictObject({
  id: slug,
  title: text(1000).optional(),
  publishedAt: partialDate.optional(),
  url: z.url().max(2000).nullish(),
  text: z.string().max(5_000_000),
});

export const sourceSchema = z.strictObject({
  id: slug,
  name: text(500),
  kind: z.enum(SOURCE_KINDS),
  url: z.url().max(2000).nullish(),
  /** For a quoted official: the PERSON entity who is the source. */
  entity: slug.optional(),
});

const entityBase = {
  id: slug,
  name: text(500),
  aliases: z.array(text(500)).max(200).default([]),
  description: text(20_000).optional(),
};

export const entitySchema = z.discriminatedUnion('type', [
  z.strictObject({ ...entityBase, type: z.literal('PERSON'), title: text(200).optional() }),
  z.strictObject({ ...entityBase, type: z.literal('ORGANIZATION'), category: z.enum(ORGANIZATION_CATEGORIES).optional() }),
  z.strictObject({ ...entityBase, type: z.literal('COUNTRY') }),
  z.strictObject({ ...entityBase, type: z.literal('LOCATION') }),
  z.strictObject({ ...entityBase, type: z.literal('EVENT'), startDate: partialDate.optional(), endDate: partialDate.optional() }),
]);

export const relationSchema = z.strictObject({
  id: slug,
  type: z.enum(RELATION_TYPES),
  from: slug,
  to: slug,
  role: text(200).optional(),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
});

const subjectSchema = z.union([z.strictObject({ entity: slug }), z.strictObject({ relation: slug })]);

export const reportSchema = z.strictObject({
  id: slug,
  subject: subjectSchema,
  source: slug,
  quote: z.string().min(1).max(20_000),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  reportedAt: partialDate.optional(),
  attributedTo: slug.optional(),
});

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
export const ndjsonReportSchema = reportSchema.extend({ document: slug });
export type NdjsonReport = z.infer<typeof ndjsonReportSchema>;
