import type { Candidate } from './candidate.js';
import { KNOWN_CATEGORIES, ORGANIZATION_HEADS } from './lexicon.js';
import { normalizeName } from '../../model/names.js';
import type { SentenceView } from './sentence-view.js';

/**
 * Corrections of NER's type by the role a name plays in its sentence, where
 * the grammar is plainer than the name: "flew to Darwin" or "an exercise off
 * Valparaiso" is a place even if NER said person or organization; "East Nusa
 * Tenggara province" is a place; "the navy's Pacific squadron" a unit.
 */
const MOTION_VERBS = new Set([
  'fly',
  'travel',
  'return',
  'go',
  'head',
  'move',
  'arrive',
  'come',
  'sail',
  'drive',
  'deploy',
  'relocate',
  'fled',
  'flee',
  'transfer',
  'send',
]);
const PLACE_ONLY_PREPOSITIONS = new Set(['in', 'at', 'near', 'off', 'outside', 'inside']);
const PLACE_NOUNS = new Set([
  'province',
  'region',
  'district',
  'county',
  'island',
  'islands',
  'city',
  'town',
  'village',
  'prefecture',
  'governorate',
  'oblast',
  'peninsula',
  'camp',
]);
const UNIT_NOUNS = new Set(['squadron', 'fleet', 'flotilla', 'brigade', 'battalion', 'regiment', 'division', 'corps', 'command']);

function prepositionOf(view: SentenceView, position: number): string | undefined {
  const marker = view.dependents(position).find((d) => d.rel === 'case');
  return marker ? view.lowerWord(marker.position) : undefined;
}

function hasInstitutionWord(name: string): boolean {
  if (KNOWN_CATEGORIES[normalizeName(name)] !== undefined) return true;
  return name
    .toLowerCase()
    .split(/\s+/)
    .some((word) => ORGANIZATION_HEADS[word] !== undefined);
}

/** Organizations sit "in" and "at" places too ("at the Ministry"); only "off", "near" or a journey "to" them makes them places. */
function inPlaceRole(view: SentenceView, candidate: Candidate): boolean {
  const head = view.headOfSpan(candidate.tokenBegin, candidate.tokenEnd);
  const preposition = prepositionOf(view, head);
  if (preposition === undefined) return false;
  if (PLACE_ONLY_PREPOSITIONS.has(preposition)) return candidate.type === 'PERSON' || !['in', 'at'].includes(preposition);
  return preposition === 'to' && MOTION_VERBS.has(view.lemma(view.headOf(head)));
}

/**
 * "the Antarctic summer season": a region's adjective before a common noun,
 * which NER was unsure of, describes the noun and names no place of the story.
 */
function isUnsureModifier(view: SentenceView, candidate: Candidate): boolean {
  if (candidate.confidence >= 0.8 || !candidate.rule.startsWith('ner:LOCATION')) return false;
  const head = view.headOfSpan(candidate.tokenBegin, candidate.tokenEnd);
  const relation = view.headArc(head)?.dep ?? '';
  const governor = view.token(view.headOf(head));
  return (relation === 'compound' || relation === 'amod') && governor !== undefined && /^\p{Ll}/u.test(governor.word);
}

/** The candidate with its type corrected, or undefined when it names nothing. */
export function correctByRole(view: SentenceView, candidate: Candidate): Candidate | undefined {
  const next = view.token(candidate.tokenEnd);
  const nextIsLowercaseNoun = next !== undefined && /^\p{Ll}/u.test(next.word) && next.pos.startsWith('NN');
  if (candidate.type === 'LOCATION' && nextIsLowercaseNoun && UNIT_NOUNS.has(next.word)) {
    const end = candidate.tokenEnd + 1;
    const text = `${candidate.text} ${next.word}`;
    return { ...candidate, type: 'ORGANIZATION', tokenEnd: end, end: next.characterOffsetEnd, text, name: text, rule: `${candidate.rule}+unit-noun` };
  }
  if (candidate.type === 'LOCATION' && isUnsureModifier(view, candidate)) return undefined;
  if (candidate.type !== 'PERSON' && candidate.type !== 'ORGANIZATION') return candidate;
  // "East Nusa Tenggara province", "the Zamzam camp": a place noun after the name makes it a place.
  const singleWord = candidate.tokenEnd - candidate.tokenBegin === 1;
  if ((candidate.type === 'ORGANIZATION' || singleWord) && nextIsLowercaseNoun && PLACE_NOUNS.has(next.word)) {
    return { ...candidate, type: 'LOCATION', rule: `${candidate.rule}+place-noun` };
  }
  const singlePerson = candidate.type === 'PERSON' && candidate.tokenEnd - candidate.tokenBegin === 1;
  const plainOrganization = candidate.type === 'ORGANIZATION' && !hasInstitutionWord(candidate.name);
  if ((singlePerson || plainOrganization) && inPlaceRole(view, candidate)) {
    return { ...candidate, type: 'LOCATION', rule: `${candidate.rule}+place-role`, confidence: candidate.confidence * 0.8 };
  }
  return candidate;
}
