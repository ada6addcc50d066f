import { candidateAt, spanOf, type Candidate } from './candidate.js';
import { normalizeName } from '../../model/names.js';
import { FACILITY_FUNCTIONS, FACILITY_NOUNS, QUALIFIED_FACILITY_NOUNS } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

/**
 * Facilities (bases, installations, centres) tied to a named place: "an army
 * facility in the Chinese town of Qingtongxia", "the military installation
 * of Qingtongxia", "the Kupang centre". CoreNLP has no facility type; the
 * place names the facility ("Qingtongxia army facility"), and facilities of
 * one place in one article are taken to be one facility.
 */
const PLACE_TAGS = new Set(['LOCATION', 'CITY', 'STATE_OR_PROVINCE']);
const SETTLEMENT_NOUNS = new Set(['town', 'city', 'village', 'province', 'region', 'district', 'county', 'island', 'port']);
const PLACING_PREPOSITIONS = new Set(['of', 'in', 'near', 'at', 'outside']);
const ADJECTIVE_DESCRIPTORS = new Set(['military', 'naval', 'nuclear', 'aerial', 'joint', 'maritime']);

interface Range {
  begin: number;
  end: number;
}

function caseOf(view: SentenceView, position: number): string | undefined {
  const marker = view.dependents(position).find((d) => d.rel === 'case');
  return marker ? view.lowerWord(marker.position) : undefined;
}

function placeMention(view: SentenceView, position: number): Range | undefined {
  const mention = view.sentence.entitymentions.find((m) => m.tokenBegin <= position && position < m.tokenEnd && PLACE_TAGS.has(m.ner));
  if (mention) return { begin: mention.tokenBegin, end: mention.tokenEnd };
  // A proper noun NER left untagged where a place is expected ("the air base of Jableh").
  const token = view.token(position);
  if (token?.pos === 'NNP' && token.ner === 'O') return { begin: position, end: position + 1 };
  // "the town of Qingtongxia": the place hangs on the settlement noun.
  if (!SETTLEMENT_NOUNS.has(view.lowerWord(position))) return undefined;
  for (const dependent of view.dependents(position)) {
    if (dependent.rel.startsWith('nmod') && caseOf(view, dependent.position) === 'of') return placeMention(view, dependent.position);
  }
  return undefined;
}

/** Lowercase descriptors right before the noun: "army" facility, "joint maritime training" centre. */
function descriptorsBegin(view: SentenceView, noun: number): number {
  let begin = noun;
  for (;;) {
    const previous = view.token(begin - 1);
    const descriptor = previous && /^\p{Ll}/u.test(previous.word) && (previous.pos.startsWith('NN') || ADJECTIVE_DESCRIPTORS.has(previous.word));
    if (!descriptor) return begin;
    begin--;
  }
}

/** The place a facility noun belongs to: "of/in/near" a place, or a place right before it ("the Kupang centre"). */
function placeOf(view: SentenceView, noun: number, begin: number): { place: Range; before: boolean } | undefined {
  const compound = placeMention(view, begin - 1);
  if (compound && compound.end === begin) return { place: compound, before: true };
  const place = view
    .dependents(noun)
    .filter((d) => d.rel.startsWith('nmod') && PLACING_PREPOSITIONS.has(caseOf(view, d.position) ?? ''))
    .map((d) => placeMention(view, d.position))
    .find((mention) => mention !== undefined);
  if (place) return { place, before: false };
  // The parser often hangs "in the city of X" on the verb ("open a centre in the eastern city of Kupang"):
  // read the words right after the noun instead.
  if (!PLACING_PREPOSITIONS.has(view.lowerWord(noun + 1))) return undefined;
  for (let position = noun + 2; position < noun + 6; position++) {
    const token = view.token(position);
    if (!token || token.pos.startsWith('VB') || /^[,.;:]$/.test(token.word)) return undefined;
    const found = placeMention(view, position);
    if (found) return { place: found, before: false };
  }
  return undefined;
}

export function facilityCandidates(view: SentenceView, text: string): Candidate[] {
  if (view.isTitleLine) return [];
  const found: Candidate[] = [];
  view.tokens.forEach((token, position) => {
    const noun = token.word.toLowerCase();
    if (!FACILITY_NOUNS.has(noun) || !token.pos.startsWith('NN')) return;
    const begin = descriptorsBegin(view, position);
    const descriptors = view.tokens.slice(begin, position).map((t) => t.word.toLowerCase());
    if (QUALIFIED_FACILITY_NOUNS.has(noun)) {
      // "a training centre", "the Kupang centre"; not "the city centre".
      const hasFunction = descriptors.some((word) => FACILITY_FUNCTIONS.has(word));
      const taggedPlaceBefore = view.sentence.entitymentions.some((m) => m.tokenEnd === begin && PLACE_TAGS.has(m.ner));
      if (!hasFunction && !taggedPlaceBefore) return;
    }
    const located = placeOf(view, position, begin);
    if (!located) return;
    const placeName = spanOf(view, text, located.place.begin, located.place.end).text;
    const facilityWords = spanOf(view, text, begin, position + 1).text;
    const range = located.before ? { begin: located.place.begin, end: position + 1 } : { begin, end: Math.max(located.place.end, position + 1) };
    found.push(
      candidateAt(view, text, range, {
        type: 'LOCATION',
        rule: 'facility:place-noun',
        confidence: 0.65,
        name: `${placeName} ${facilityWords}`,
        canonicalKey: `FACILITY:${normalizeName(placeName)}`,
      }),
    );
  });
  return found;
}
