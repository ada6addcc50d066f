import { candidateAt, spanOf, type Candidate } from './candidate.js';
import { normalizeName } from '../../model/names.js';
import { FACILITY_NOUNS } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

/**
 * Facilities (bases, installations) tied to a named place: "an army facility
 * in the Chinese town of Qingtongxia", "the military installation of
 * Qingtongxia". CoreNLP has no facility type; the place names the facility
 * ("Qingtongxia army facility"), and facilities of one place in one article
 * are taken to be one facility.
 */
const PLACE_TAGS = new Set(['LOCATION', 'CITY', 'STATE_OR_PROVINCE']);
const SETTLEMENT_NOUNS = new Set(['town', 'city', 'village', 'province', 'region', 'district', 'county', 'island', 'port']);
const PLACING_PREPOSITIONS = new Set(['of', 'in', 'near', 'at', 'outside']);
const ADJECTIVE_DESCRIPTORS = new Set(['military', 'naval', 'nuclear', 'aerial']);

function caseOf(view: SentenceView, position: number): string | undefined {
  const marker = view.dependents(position).find((d) => d.rel === 'case');
  return marker ? view.lowerWord(marker.position) : undefined;
}

function placeMention(view: SentenceView, position: number): { begin: number; end: number } | undefined {
  const mention = view.sentence.entitymentions.find((m) => m.tokenBegin <= position && position < m.tokenEnd && PLACE_TAGS.has(m.ner));
  if (mention) return { begin: mention.tokenBegin, end: mention.tokenEnd };
  // "the town of Qingtongxia": the place hangs on the settlement noun.
  if (!SETTLEMENT_NOUNS.has(view.lowerWord(position))) return undefined;
  for (const dependent of view.dependents(position)) {
    if (dependent.rel.startsWith('nmod') && caseOf(view, dependent.position) === 'of') return placeMention(view, dependent.position);
  }
  return undefined;
}

export function facilityCandidates(view: SentenceView, text: string): Candidate[] {
  if (view.isTitleLine) return [];
  const found: Candidate[] = [];
  view.tokens.forEach((token, position) => {
    if (!FACILITY_NOUNS.has(token.word.toLowerCase()) || !token.pos.startsWith('NN')) return;
    const place = view
      .dependents(position)
      .filter((d) => d.rel.startsWith('nmod') && PLACING_PREPOSITIONS.has(caseOf(view, d.position) ?? ''))
      .map((d) => placeMention(view, d.position))
      .find((mention) => mention !== undefined);
    if (!place) return;
    let begin = position;
    while (begin > 0) {
      const previous = view.token(begin - 1);
      const descriptor = previous && /^\p{Ll}/u.test(previous.word) && (previous.pos.startsWith('NN') || ADJECTIVE_DESCRIPTORS.has(previous.word));
      if (!descriptor) break;
      begin--;
    }
    const placeName = spanOf(view, text, place.begin, place.end).text;
    const descriptors = spanOf(view, text, begin, position + 1).text;
    const range = { begin, end: Math.max(place.end, position + 1) };
    found.push(candidateAt(view, text, range, {
      type: 'LOCATION',
      rule: 'facility:place-noun',
      confidence: 0.65,
      name: `${placeName} ${descriptors}`,
      canonicalKey: `FACILITY:${normalizeName(placeName)}`,
    }));
  });
  return found;
}
