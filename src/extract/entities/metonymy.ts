import type { Candidate } from './candidate.js';
import { countryWithCapital } from './gazetteer.js';
import { LOCATIVE_PREPOSITIONS } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';

/** Roles in which a capital acts, speaks or is dealt with: its government, hence its country. */
const ACTOR_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj', 'nmod:poss', 'csubj']);
const GOVERNING_NOUNS = new Set(['government', 'administration', 'regime', 'leadership', 'authority', 'authorities', 'cabinet']);
const ACTOR_PREPOSITIONS = new Set(['between', 'with', 'against', 'by', 'for', 'of', 'on', 'than', 'like']);

/** The first conjunct of "Moscow and Beijing": where the shared preposition or role hangs. */
function firstConjunct(view: SentenceView, position: number): number {
  let current = position;
  for (let guard = 0; guard < 10 && view.headArc(current)?.dep.startsWith('conj') === true; guard++) current = view.headOf(current);
  return current;
}

function prepositionOf(view: SentenceView, position: number): string | undefined {
  const marker = view.dependents(position).find((dependent) => dependent.rel === 'case' && view.token(dependent.position)?.pos !== 'POS');
  return marker === undefined ? undefined : view.lowerWord(marker.position);
}

/**
 * Whether a capital stands for its country here. Only a capital in the role
 * of an actor qualifies ("Moscow and Beijing conducted talks", "Washington
 * accuses Beijing", "relations between Moscow and Beijing"); a capital in a
 * place phrase ("talks in Moscow"), a dateline ("KABUL, Afghanistan -"), a
 * compound ("the Moscow summit") or with an apposition ("Tallinn, the
 * Estonian capital") stays a place.
 */
export function standsForCountry(view: SentenceView, begin: number, end: number): boolean {
  // "Beijing and Moscow": the parser may hang the second conjunct anywhere; it shares the first one's role.
  if (['and', 'or'].includes(view.lowerWord(begin - 1))) {
    const previous = view.sentence.entitymentions.find((m) => m.tokenEnd === begin - 1);
    if (previous?.ner === 'COUNTRY') return true;
    if (previous && countryWithCapital(previous.text)) return standsForCountry(view, previous.tokenBegin, previous.tokenEnd);
  }
  const head = view.headOfSpan(begin, end);
  if (begin === 0 && (view.word(1) === ',' || view.word(0) === view.word(0).toUpperCase())) return false;
  if (view.dependents(head).some((dependent) => dependent.rel === 'appos')) return false;
  const anchor = firstConjunct(view, head);
  const relation = view.headArc(anchor)?.dep ?? '';
  // "the Beirut government" is Lebanon's; "the Moscow summit" happens in Moscow.
  if (relation.startsWith('compound')) return GOVERNING_NOUNS.has(view.lemma(view.headOf(anchor)));
  if (relation === 'appos' || relation === 'amod') return false;
  const preposition = prepositionOf(view, anchor);
  if (preposition !== undefined) return ACTOR_PREPOSITIONS.has(preposition) && !LOCATIVE_PREPOSITIONS.has(preposition);
  return ACTOR_RELATIONS.has(relation) || relation === 'ROOT';
}

/** Turns a capital that stands for its country into a mention of the country, by the gazetteer. */
export function applyCapitalMetonymy(view: SentenceView, candidate: Candidate): Candidate {
  if (candidate.type !== 'LOCATION') return candidate;
  const country = countryWithCapital(candidate.text);
  if (!country || !standsForCountry(view, candidate.tokenBegin, candidate.tokenEnd)) return candidate;
  return {
    ...candidate,
    type: 'COUNTRY',
    name: country.name,
    canonicalKey: `COUNTRY:${country.name}`,
    kind: 'alias',
    rule: 'gazetteer:capital-as-country',
    confidence: Math.min(candidate.confidence, 0.85),
  };
}
