import type { BundleRelation } from '../../../src/model/bundle-schema.js';
import type { EntityType } from '../types.js';

/**
 * What `extractDraft` returns, in the bundle's own terms (docs/bundle-format.md).
 * The page reads these shapes and writes a bundle back, so only the fields it
 * needs are named; the others travel through untouched.
 */

export type ReportMethod = 'manual' | 'extracted' | 'reviewed';

export interface DraftDocument {
  id: string;
  text: string;
  title?: string;
  publishedAt?: string;
  url?: string | null;
}

export interface DraftSource {
  id: string;
  name: string;
  kind: string;
  url?: string | null;
  /** For a quoted official: the PERSON entity who is the source. */
  entity?: string;
}

export interface DraftEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  [field: string]: unknown;
}

export type DraftRelation = BundleRelation;

export interface DraftReport {
  id: string;
  subject: { entity: string } | { relation: string };
  source: string;
  quote: string;
  /** Code points into the document's text. */
  start: number;
  end: number;
  reportedAt?: string;
  attributedTo?: string;
  method?: ReportMethod;
  rule?: string;
  confidence?: number;
}

export interface DraftBundle {
  format: string;
  version: number;
  document: DraftDocument;
  sources: DraftSource[];
  entities: DraftEntity[];
  relations: DraftRelation[];
  reports: DraftReport[];
}

/** Where an entity is named in the text, for highlighting; offsets are code points. */
export interface DraftMention {
  entityId: string;
  start: number;
  end: number;
  text: string;
  kind: string;
}

export type ResolutionOutcome = 'NEW' | 'MATCHED' | 'AMBIGUOUS' | 'CONFLICT';

export interface ResolutionCandidate {
  id: string;
  name: string;
}

export interface EntityResolution {
  id: string;
  type: EntityType;
  name: string;
  outcome: ResolutionOutcome;
  matchedId: string | null;
  matchedName: string | null;
  /** ID, MERGED, NAME or ALIAS. */
  by: string | null;
  /** For a match by name or alias: the draft's name or alias that matched. */
  value: string | null;
  candidates: ResolutionCandidate[];
  /** For CONFLICT: why ingest would refuse the bundle. */
  message: string | null;
}

export interface ExtractResult {
  bundle: DraftBundle;
  mentions: DraftMention[];
  resolution: EntityResolution[];
  warnings: string[];
}

/** The article as the analyst gives it: exactly one of text and html. */
export interface ArticleInput {
  text?: string;
  html?: string;
  url?: string;
  title?: string;
  publishedAt?: string;
  source?: string;
}

export interface IngestSummary {
  documents: number;
  sources: number;
  reports: number;
  entities: { created: number; matched: number; ambiguous: number };
  relations: { created: number; matched: number };
  createdEntityIds: string[];
  matches: Array<{ id: string; matchedId: string; by: string; value: string | null }>;
  ambiguities: Array<{ id: string; name: string; candidates: string[] }>;
}

export const subjectOf = (report: DraftReport): { kind: 'entity' | 'relation'; id: string } =>
  'entity' in report.subject ? { kind: 'entity', id: report.subject.entity } : { kind: 'relation', id: report.subject.relation };
