import type { EntityType } from '../../model/types.js';
import type { EntityMention } from '../types.js';
import type { SentenceView } from './sentence-view.js';

/**
 * A mention proposed by one rule, before mentions are clustered into entities.
 * `name` is the entity name the rule proposes when it differs from the surface
 * text: the gazetteer's "United States" for "U.S.", or "Qingtongxia army
 * facility" for "an army facility in the Chinese town of Qingtongxia".
 */
export interface Candidate extends EntityMention {
  type: EntityType;
  name: string;
  confidence: number;
  /** Set when the rule knows the entity by a canonical key (gazetteer country, facility place). */
  canonicalKey?: string;
}

/** Text of a token range as it stands in the article, from CoreNLP's character offsets. */
export function spanOf(view: SentenceView, text: string, begin: number, end: number): { start: number; end: number; text: string } {
  const start = view.token(begin)?.characterOffsetBegin ?? 0;
  const stop = view.token(end - 1)?.characterOffsetEnd ?? start;
  return { start, end: stop, text: text.slice(start, stop) };
}

/** "the U.S." → "U.S.": a determiner opens a phrase, it is not part of a name. */
export function withoutLeadingArticle(view: SentenceView, begin: number, end: number): number {
  let first = begin;
  while (first < end - 1 && ['the', 'a', 'an'].includes(view.lowerWord(first))) first++;
  return first;
}

export function candidateAt(
  view: SentenceView,
  text: string,
  range: { begin: number; end: number },
  fields: { type: EntityType; rule: string; confidence: number; name?: string; kind?: EntityMention['kind']; canonicalKey?: string },
): Candidate {
  const span = spanOf(view, text, range.begin, range.end);
  const candidate: Candidate = {
    ...span,
    sentence: view.index,
    tokenBegin: range.begin,
    tokenEnd: range.end,
    kind: fields.kind ?? 'name',
    rule: fields.rule,
    type: fields.type,
    name: fields.name ?? span.text,
    confidence: fields.confidence,
  };
  if (fields.canonicalKey !== undefined) candidate.canonicalKey = fields.canonicalKey;
  return candidate;
}
