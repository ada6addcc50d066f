import { candidateAt, spanOf, type Candidate } from './candidate.js';
import type { SentenceView } from './sentence-view.js';

/**
 * Events the article describes rather than names, for the few kinds that news
 * names the same way everywhere: an actor's withdrawal from a place and an
 * actor's invasion of a place. Written as a noun ("the U.S. withdrawal from
 * Afghanistan") or a verb ("with France pulling out of Mali", "Russia invaded
 * Ukraine"), named in the noun's form ("France withdrawal from Mali").
 */
const ACTOR_TAGS = new Set(['COUNTRY', 'ORGANIZATION']);
const PLACE_TAGS = new Set(['COUNTRY', 'LOCATION', 'CITY', 'STATE_OR_PROVINCE']);

interface EventKind {
  noun: string;
  preposition: string;
}
const NOUN_KINDS: Record<string, EventKind> = {
  withdrawal: { noun: 'withdrawal', preposition: 'from' },
  pullout: { noun: 'withdrawal', preposition: 'from' },
  invasion: { noun: 'invasion', preposition: 'of' },
};

function verbKind(view: SentenceView, verb: number): EventKind | undefined {
  const lemma = view.lemma(verb);
  if (!view.token(verb)?.pos.startsWith('VB')) return undefined;
  if (lemma === 'withdraw') return NOUN_KINDS.withdrawal;
  const out = view.dependents(verb).some((d) => d.rel === 'compound:prt' && view.lowerWord(d.position) === 'out') || view.lowerWord(verb + 1) === 'out';
  if (lemma === 'pull' && out) return NOUN_KINDS.withdrawal;
  if (lemma === 'invade') return NOUN_KINDS.invasion;
  return undefined;
}

/** The NER mention (token range) that covers a token, if its tag is one of `tags`. */
function mentionAt(view: SentenceView, position: number, tags: Set<string>): { begin: number; end: number } | undefined {
  const mention = view.sentence.entitymentions.find((m) => m.tokenBegin <= position && position < m.tokenEnd && tags.has(m.ner));
  return mention ? { begin: mention.tokenBegin, end: mention.tokenEnd } : undefined;
}

function placeArgument(view: SentenceView, head: number, direct: boolean): { begin: number; end: number } | undefined {
  for (const dependent of view.dependents(head)) {
    const isDirect = direct && dependent.rel === 'obj';
    const isOblique =
      ['obl', 'nmod'].includes(dependent.rel.split(':')[0] ?? '') &&
      view.dependents(dependent.position).some((d) => d.rel === 'case' && ['from', 'of', 'out'].includes(view.lowerWord(d.position)));
    if (isDirect || isOblique) {
      const place = mentionAt(view, dependent.position, PLACE_TAGS);
      if (place) return place;
    }
  }
  return undefined;
}

function actorArgument(view: SentenceView, head: number, rels: string[]): { begin: number; end: number } | undefined {
  for (const dependent of view.dependents(head)) {
    if (!rels.includes(dependent.rel)) continue;
    const actor = mentionAt(view, dependent.position, ACTOR_TAGS);
    if (actor) return actor;
  }
  return undefined;
}

export function describedEventCandidates(view: SentenceView, text: string): Candidate[] {
  if (view.isTitleLine) return [];
  const found: Candidate[] = [];
  view.tokens.forEach((token, position) => {
    const nounKind = token.pos.startsWith('NN') ? NOUN_KINDS[token.word.toLowerCase()] : undefined;
    const kind = nounKind ?? verbKind(view, position);
    if (!kind) return;
    const actor = actorArgument(view, position, nounKind ? ['nmod:poss', 'compound', 'amod'] : ['nsubj']);
    const place = placeArgument(view, position, !nounKind && kind.noun === 'invasion');
    if (!actor || !place) return;
    // "Russia's invasion of Ukraine" keeps its possessive; "the U.S. withdrawal" its bare modifier.
    const possessive = view.token(actor.end)?.pos === 'POS' ? view.word(actor.end) : '';
    const actorText = `${spanOf(view, text, actor.begin, actor.end).text.replace(/^the\s+/i, '')}${possessive}`;
    const placeText = spanOf(view, text, place.begin, place.end).text;
    const name = `${actorText} ${kind.noun} ${kind.preposition} ${placeText}`;
    const range = { begin: Math.min(actor.begin, position), end: Math.max(place.end, position + 1) };
    found.push(candidateAt(view, text, range, { type: 'EVENT', rule: 'event:trigger-noun', confidence: 0.6, name }));
  });
  return found;
}

const ELECTION_NOUNS = new Set(['election', 'elections', 'referendum', 'runoff', 'primaries', 'primary', 'by-election']);

/**
 * Elections the article dates: "a runoff election in 2023", "regional
 * elections in October". The date makes it one occasion rather than the
 * institution; the modifiers name it ("regional elections").
 */
export function datedElectionCandidates(view: SentenceView, text: string): Candidate[] {
  if (view.isTitleLine) return [];
  const found: Candidate[] = [];
  view.tokens.forEach((token, position) => {
    if (!ELECTION_NOUNS.has(token.word) || !token.pos.startsWith('NN')) return;
    let begin = position;
    while (begin > 0 && /^(JJ|NN|NNS)$/.test(view.token(begin - 1)?.pos ?? '') && /^\p{Ll}/u.test(view.word(begin - 1)) && view.token(begin - 1)?.ner === 'O')
      begin--;
    if (begin === position) return;
    const preposition = view.lowerWord(position + 1);
    const date = view.sentence.entitymentions.find((m) => m.ner === 'DATE' && m.tokenBegin === position + 2);
    const timex = date?.timex?.value ?? date?.timex?.altValue ?? '';
    if (!['in', 'on'].includes(preposition) || !/^(\d{4}|XXXX-\d|THIS P1[MY])/.test(timex)) return;
    found.push(candidateAt(view, text, { begin, end: position + 1 }, { type: 'EVENT', rule: 'event:dated-election', confidence: 0.6 }));
  });
  return found;
}
