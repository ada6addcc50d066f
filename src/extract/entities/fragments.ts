import type { NlpEntityMention } from '../../nlp/annotation.js';
import { ORGANIZATION_HEADS } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

const PLACE_TAGS = new Set(['CITY', 'STATE_OR_PROVINCE', 'LOCATION']);

export interface Span {
  begin: number;
  end: number;
  ner: string;
  confidence: number;
}

function confidenceOf(mention: NlpEntityMention): number {
  const values = Object.values(mention.nerConfidences ?? {}).filter((value) => value >= 0);
  return values.length > 0 ? Math.max(...values) : 0.8;
}

/**
 * CoreNLP cuts some names in two: "Central" + "Asia" as two places,
 * "Lithuanian" (a nationality) + "Ministry of National Defence", "Standing NATO
 * Maritime Group" + "1". Adjacent pieces are joined back into one name.
 */
export function joinFragments(view: SentenceView, mentions: NlpEntityMention[]): Span[] {
  const spans: Span[] = [];
  for (const mention of mentions) {
    const span = { begin: mention.tokenBegin, end: mention.tokenEnd, ner: mention.ner, confidence: confidenceOf(mention) };
    const previous = spans[spans.length - 1];
    const adjacent = previous !== undefined && previous.end === span.begin;
    if (adjacent && PLACE_TAGS.has(previous.ner) && PLACE_TAGS.has(span.ner)) {
      Object.assign(previous, { end: span.end, ner: 'LOCATION', confidence: Math.min(previous.confidence, span.confidence) });
      continue;
    }
    // "African" + "Union" (tagged a city): a nationality before an institution's head noun names the institution.
    const institutionHead = ORGANIZATION_HEADS[view.lowerWord(span.end - 1)] !== undefined && span.ner !== 'PERSON';
    if (adjacent && previous.ner === 'NATIONALITY' && (span.ner === 'ORGANIZATION' || institutionHead) && /^\p{Lu}/u.test(view.word(span.begin))) {
      Object.assign(previous, { end: span.end, ner: 'ORGANIZATION', confidence: Math.max(previous.confidence, span.confidence) });
      continue;
    }
    if (adjacent && previous.ner === 'ORGANIZATION' && span.ner === 'NUMBER' && span.end - span.begin === 1 && /^\d+$/.test(view.word(span.begin))) {
      const next = view.token(span.end);
      if (!next || next.pos.startsWith('NN') === false) {
        previous.end = span.end;
        continue;
      }
    }
    spans.push(span);
  }
  for (const span of spans.filter((s) => s.ner === 'ORGANIZATION')) extendOrganization(view, span);
  return spans;
}

/**
 * "the Syrian Arab Army": capitalized words right before an organization are
 * part of its name; "Leaders of the Association ...": a sentence-initial
 * common noun before "of" is not.
 */
function extendOrganization(view: SentenceView, span: Span): void {
  const capitalizedModifier = (position: number): boolean => {
    const token = view.token(position);
    if (!token || !/^\p{Lu}/u.test(token.word) || !['NNP', 'NNPS', 'JJ'].includes(token.pos)) return false;
    return token.ner === 'NATIONALITY' || (token.ner === 'O' && position > 0);
  };
  while (span.begin > 0 && capitalizedModifier(span.begin - 1)) span.begin--;
  const of = view.tokens.slice(span.begin, span.end).findIndex((token) => token.word === 'of');
  if (of > 0 && !view.token(span.begin)?.pos.startsWith('NNP')) {
    span.begin += of + 1;
    if (view.lowerWord(span.begin) === 'the') span.begin++;
  }
}

/** Bodies named by a parent and a lowercase function: "the Senate defence committee". */
const SUBORDINATE_BODIES = new Set(['committee', 'subcommittee', 'commission', 'panel']);

/**
 * Where an organization's name ends: trailing lowercase words are descriptors
 * ("the National Renewal party"), except a committee of a named body.
 */
export function organizationEnd(view: SentenceView, begin: number, end: number): number {
  for (let next = end; next < end + 3; next++) {
    const token = view.token(next);
    if (!token || !/^\p{Ll}/u.test(token.word) || !token.pos.startsWith('NN')) break;
    if (SUBORDINATE_BODIES.has(token.word)) return next + 1;
  }
  let trimmed = end;
  while (trimmed - begin > 1 && /^\p{Ll}/u.test(view.word(trimmed - 1))) trimmed--;
  return trimmed;
}
