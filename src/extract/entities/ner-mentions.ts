import { candidateAt, withoutLeadingArticle, type Candidate } from './candidate.js';
import { countryNamed } from './gazetteer.js';
import { joinFragments, organizationEnd, type Span } from './fragments.js';
import { EVENT_NAME_HEADS, ORGANIZATION_HEADS } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

const PLACE_TAGS = new Set(['CITY', 'STATE_OR_PROVINCE', 'LOCATION']);
/** Below this, CoreNLP's guess is more often wrong than right on names it has not seen. */
const MIN_CONFIDENCE = 0.3;

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
      if (country && span.ner !== 'STATE_OR_PROVINCE')
        make('COUNTRY', `ner:${span.ner}+gazetteer:country`, { name: country.name, canonicalKey: `COUNTRY:${country.name}` });
      else make('LOCATION', `ner:${span.ner}`);
    } else if (span.ner === 'MISC') {
      const type = typeOfMisc(view, span);
      if (type) make(type, `ner:MISC+head-noun`);
    }
  }
  return candidates;
}
