import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleDocument,
  type BundleEntity,
  type BundleRelation,
  type BundleSource,
  type NdjsonRecordKind,
  type NdjsonReport,
} from '../../src/model/bundle-schema.js';

/** One NDJSON line, newline included, and the record kind it counts as. */
export interface GeneratedLine {
  kind: NdjsonRecordKind;
  line: string;
}

/** Each line names its kind in `record` (a source has a `kind` of its own), then the record's own fields. */
const encode = (record: NdjsonRecordKind, fields: object): GeneratedLine => ({ kind: record, line: `${JSON.stringify({ record, ...fields })}\n` });

export const headerLine = (): GeneratedLine => encode('header', { format: BUNDLE_FORMAT, version: BUNDLE_VERSION });
export const documentLine = (document: BundleDocument): GeneratedLine => encode('document', document);
export const sourceLine = (source: BundleSource): GeneratedLine => encode('source', source);
export const entityLine = (entity: BundleEntity): GeneratedLine => encode('entity', entity);
export const relationLine = (relation: BundleRelation): GeneratedLine => encode('relation', relation);
export const reportLine = (report: NdjsonReport): GeneratedLine => encode('report', report);
