import type { EntityType, RelationType } from '../model/types.js';

/**
 * The shapes passed between the stages of extraction:
 * article text → CoreNLP annotation → entities (mentions, coreference,
 * events, places) → relations and attributions → draft bundle.
 * Spans are UTF-16 offsets into the article's canonical text (JavaScript
 * string indices); the bundle assembler turns them into code-point offsets.
 */

export interface ArticleInput {
  /** Plain text, or */
  text?: string;
  /** an HTML page, reduced to the article's text. Exactly one of the two. */
  html?: string;
  url?: string | null;
  title?: string | null;
  /** YYYY-MM-DD; anchors relative dates. */
  publishedAt?: string | null;
  /** The outlet that published the article, e.g. "Reuters". */
  source?: string | null;
  /** The bundle's document id; derived from the text when absent. */
  documentId?: string;
}

/** The article as extraction reads it: `text` is the canonical text every offset refers to. */
export interface Article {
  text: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  source: string | null;
  documentId: string;
}

export interface Span {
  start: number;
  end: number;
}

export type MentionKind = 'name' | 'alias' | 'nominal' | 'pronoun';

export interface EntityMention extends Span {
  /** 0-based sentence index. */
  sentence: number;
  /** Sentence-relative token range, 0-based, end exclusive. */
  tokenBegin: number;
  tokenEnd: number;
  text: string;
  kind: MentionKind;
  /** The rule that found this mention, e.g. "ner:PERSON", "event:trigger-noun", "coref". */
  rule: string;
}

export interface ExtractedEntity {
  /** Stable within one draft; becomes the bundle id (a slug). */
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  title?: string;
  category?: string;
  startDate?: string;
  endDate?: string;
  mentions: EntityMention[];
  /** The rule that made this entity, and how sure it is (0-1). */
  rule: string;
  confidence: number;
}

export interface ExtractedRelation {
  type: RelationType;
  /** Entity keys. */
  from: string;
  to: string;
  role?: string;
  startDate?: string;
  endDate?: string;
  /** The text that states the relation: the quote of its report. */
  evidence: Span;
  sentence: number;
  rule: string;
  confidence: number;
}

/** Who a stretch of text is attributed to, and through which outlet it reached the article. */
export interface Attribution extends Span {
  /** Entity key of the PERSON or ORGANIZATION the text attributes it to ("according to spokesperson Wu Qian"). */
  speaker?: string;
  /** An outlet named as the source ("according to a published article in MSN News"). */
  outlet?: string;
  rule: string;
}

export const EXTRACTION_METHOD = 'extracted';
