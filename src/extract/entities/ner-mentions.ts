import type { NlpEntityMention } from '../../nlp/annotation.js';
import { candidateAt, withoutLeadingArticle, type Candidate } from './candidate.js';
import { countryNamed } from './gazetteer.js';
import { EVENT_NAME_HEADS, ORGANIZATION_HEADS } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

const PLACE_TAGS = new Set(['CITY', 'STATE_OR_PROVINCE', 'LOCATION']);
/** Below this, CoreNLP's guess is more often wrong than right on names it has not seen. */
const MIN_CONFIDENCE = 0.3;

interface Span {
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
function joinFragments(view: SentenceView, mentions: NlpEntityMention[]): Span[] {
  const spans: Span[] = [];
  for (const mention of mentions) {
    const span = { begin: mention.tokenBegin, end: mention.tokenEnd, ner: mention.ner, confidence: confidenceOf(mention) };
    const previous = spans[spans.length - 1];
    const adjacent = previous !== undefined && previous.end === span.begin;
    if (adjacent && PLACE_TAGS.has(previous.ner) && PLACE_TAGS.has(span.ner)) {
      Object.assign(previous, { end: span.end, ner: 'LOCATION', confidence: Math.min(previous.confidence, span.confidence) });
      continue;
    }
    if (adjacent && previous.ner === 'NATIONALITY' && span.ner === 'ORGANIZATION' && /^\p{Lu}/u.test(view.word(span.begin))) {
      Object.assign(previous, { end: span.end, ner: 'ORGANIZATION', confidence: span.confidence });
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
function organizationEnd(view: SentenceView, begin: number, end: number): number {
  for (let next = end; next < end + 3; next++) {
    const token = view.token(next);
    if (!token || !/^\p{Ll}/u.test(token.word) || !token.pos.startsWith('NN')) break;
    if (SUBORDINATE_BODIES.has(token.word)) return next + 1;
  }
  let trimmed = end;
  while (trimmed - begin > 1 && /^\p{Ll}/u.test(view.word(trimmed - 1))) trimmed--;
  return trimmed;
}

function lastWordLower(view: SentenceView, span: Span): string {
  return view.lowerWord(span.end - 1);
}

/** MISC names headed by an institution noun are organizations: "Western Theater Command". */
function typeOfMisc(view: SentenceView, span: Span): 'ORGANIZATION' | 'EVENT' | undefined {
  const head = lastWordLower(view, span);
  if (EVENT_NAME_HEADS.has(head)) return 'EVENT';
  if (span.end - span.begin >= 2 && ORGANIZATION_HEADS[head] !== undefined) return 'ORGANIZATION';
  return undefined;
}

/**
 * The mentions CoreNLP's NER finds, mapped to our types. Places go through the
 * gazetteer later (capitals may stand for their country); nationalities,
 * dates, numbers and other tags are not entities.
 */
export function nerCandidates(view: SentenceView, text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const span of joinFragments(view, view.sentence.entitymentions)) {
    if (span.confidence < MIN_CONFIDENCE) continue;
    const begin = withoutLeadingArticle(view, span.begin, span.end);
    // A name has a capital; "navy" tagged as an organization is a common noun.
    if (!view.tokens.slice(begin, span.end).some((token) => /^[\p{Lu}\d]/u.test(token.word))) continue;
    let end = span.end;
    // "the National Renewal party": trailing lowercase words are descriptors, not the name.
    if (span.ner === 'ORGANIZATION') end = organizationEnd(view, begin, end);
    const range = { begin, end };
    const make = (type: Candidate['type'], rule: string, extra: { name?: string; canonicalKey?: string } = {}): void => {
      candidates.push(candidateAt(view, text, range, { type, rule, confidence: span.confidence, ...extra }));
    };
    if (span.ner === 'PERSON') {
      // Pronouns tagged PERSON ("She", "his") are coreference's business, not names.
      if (view.token(begin)?.pos.startsWith('PRP') !== true) make('PERSON', 'ner:PERSON');
    } else if (span.ner === 'ORGANIZATION') {
      make(EVENT_NAME_HEADS.has(lastWordLower(view, span)) && span.end - span.begin > 1 ? 'EVENT' : 'ORGANIZATION', 'ner:ORGANIZATION');
    } else if (span.ner === 'COUNTRY') {
      const surface = candidateAt(view, text, range, { type: 'COUNTRY', rule: 'ner:COUNTRY', confidence: span.confidence });
      const country = countryNamed(surface.text);
      make('COUNTRY', 'ner:COUNTRY', country ? { name: country.name, canonicalKey: `COUNTRY:${country.name}` } : {});
    } else if (PLACE_TAGS.has(span.ner)) {
      const surface = candidateAt(view, text, range, { type: 'LOCATION', rule: '', confidence: 0 });
      const country = countryNamed(surface.text);
      // A country NER called a place ("Georgia" aside, which the gazetteer knows as a country too).
      if (country && span.ner !== 'STATE_OR_PROVINCE') make('COUNTRY', `ner:${span.ner}+gazetteer:country`, { name: country.name, canonicalKey: `COUNTRY:${country.name}` });
      else make('LOCATION', `ner:${span.ner}`);
    } else if (span.ner === 'MISC') {
      const type = typeOfMisc(view, span);
      if (type) make(type, `ner:MISC+head-noun`);
    }
  }
  return candidates;
}
