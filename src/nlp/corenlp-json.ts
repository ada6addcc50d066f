import type { NlpCorefMention, NlpDependency, NlpDocument, NlpEntityMention, NlpKbpTriple, NlpQuote, NlpSentence, NlpTimex, NlpToken } from './annotation.js';

/**
 * Keeps, from CoreNLP's JSON, only the fields of `NlpDocument`: a 1,000-word article comes back as about
 * 1 MB of JSON, most of it dependency graphs (basic, enhanced, enhanced++) and per-token extras the rules
 * never read. Copying field by field also means no unexpected key travels further than this module.
 */

type Json = Record<string, unknown>;

export class MalformedAnnotationError extends Error {
  override name = 'MalformedAnnotationError';
}

function pick<T>(source: Json, keys: ReadonlyArray<keyof T & string>): T {
  const kept: Json = {};
  for (const key of keys) if (source[key] !== undefined) kept[key] = source[key];
  return kept as T;
}

function list(value: unknown, what: string): Json[] {
  if (!Array.isArray(value)) throw new MalformedAnnotationError(`CoreNLP's answer has no ${what} list`);
  return value as Json[];
}

export const TOKEN_KEYS = [
  'index',
  'word',
  'originalText',
  'lemma',
  'characterOffsetBegin',
  'characterOffsetEnd',
  'pos',
  'ner',
  'normalizedNER',
  'before',
  'after',
] as const;
const DEPENDENCY_KEYS = ['dep', 'governor', 'governorGloss', 'dependent', 'dependentGloss'] as const;
const TIMEX_KEYS = ['tid', 'type', 'value', 'altValue'] as const;
export const MENTION_KEYS = [
  'tokenBegin',
  'tokenEnd',
  'docTokenBegin',
  'docTokenEnd',
  'text',
  'characterOffsetBegin',
  'characterOffsetEnd',
  'ner',
  'normalizedNER',
  'nerConfidences',
] as const;
const KBP_KEYS = ['subject', 'subjectSpan', 'relation', 'relationSpan', 'object', 'objectSpan'] as const;
export const COREF_KEYS = [
  'id',
  'text',
  'type',
  'number',
  'gender',
  'animacy',
  'startIndex',
  'endIndex',
  'headIndex',
  'sentNum',
  'position',
  'isRepresentativeMention',
] as const;
const QUOTE_KEYS = ['id', 'text', 'beginIndex', 'endIndex', 'beginToken', 'endToken', 'beginSentence', 'endSentence', 'speaker', 'canonicalSpeaker'] as const;

function dependencies(value: unknown): NlpDependency[] {
  return list(value, 'dependency').map((arc) => pick<NlpDependency>(arc, DEPENDENCY_KEYS));
}

function entityMention(raw: Json): NlpEntityMention {
  const mention = pick<NlpEntityMention>(raw, MENTION_KEYS);
  if (raw.timex && typeof raw.timex === 'object') mention.timex = pick<NlpTimex>(raw.timex as Json, TIMEX_KEYS);
  return mention;
}

function sentence(raw: Json): NlpSentence {
  const kept: NlpSentence = {
    index: raw.index as number,
    tokens: list(raw.tokens, 'token').map((token) => pick<NlpToken>(token, TOKEN_KEYS)),
    basicDependencies: dependencies(raw.basicDependencies),
    entitymentions: list(raw.entitymentions ?? [], 'entity mention').map(entityMention),
  };
  if (raw.paragraph !== undefined) kept.paragraph = raw.paragraph as number;
  if (raw.enhancedPlusPlusDependencies !== undefined) kept.enhancedPlusPlusDependencies = dependencies(raw.enhancedPlusPlusDependencies);
  if (raw.kbp !== undefined) kept.kbp = list(raw.kbp, 'KBP').map((triple) => pick<NlpKbpTriple>(triple, KBP_KEYS));
  return kept;
}

export function toNlpDocument(raw: unknown): NlpDocument {
  if (!raw || typeof raw !== 'object') throw new MalformedAnnotationError("CoreNLP's answer is not a JSON object");
  const document = raw as Json;
  const corefs: Record<string, NlpCorefMention[]> = {};
  for (const [chain, mentions] of Object.entries((document.corefs ?? {}) as Record<string, unknown>)) {
    corefs[chain] = list(mentions, 'coreference mention').map((mention) => pick<NlpCorefMention>(mention, COREF_KEYS));
  }
  const kept: NlpDocument = { sentences: list(document.sentences, 'sentence').map(sentence), corefs };
  if (document.quotes !== undefined) kept.quotes = list(document.quotes, 'quote').map((quote) => pick<NlpQuote>(quote, QUOTE_KEYS));
  return kept;
}
