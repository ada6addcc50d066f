import type { SentenceGraph } from '../sentence-graph.js';

/**
 * What a title says about the organization it names: a leader's title
 * ("commander of X", "X chief") means the person commands X; any other
 * title ("spokesperson", "deputy commander", "lieutenant general") means
 * membership.
 */
const LEADER_HEADS = new Set(['commander', 'chief', 'head', 'leader', 'director', 'chairman', 'chairwoman', 'chair', 'commandant']);
const LEADER_PHRASES = [/^commanding officer$/, /^officer commanding$/, /^secretary[- ]general$/, /^chief of (?:the )?(?:general )?staff$/];
const SUBORDINATE_MODIFIERS = new Set(['deputy', 'vice', 'assistant', 'acting', 'former', 'associate', 'sub']);

/** Nouns that name a position even where NER did not tag them TITLE. */
const ROLE_NOUNS = new Set([
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'commander',
  'officer',
  'minister',
  'secretary',
  'chief',
  'head',
  'director',
  'chairman',
  'chairwoman',
  'president',
  'leader',
  'member',
  'researcher',
  'analyst',
  'adviser',
  'advisor',
  'ambassador',
  'envoy',
  'general',
  'admiral',
  'colonel',
  'captain',
  'major',
  'lieutenant',
  'sergeant',
  'official',
  'deputy',
  'representative',
]);

export function isRoleToken(graph: SentenceGraph, i: number): boolean {
  return graph.ner(i) === 'TITLE' || (graph.pos(i).startsWith('NN') && ROLE_NOUNS.has(graph.lemma(i)));
}

export function isLeaderRole(role: string): boolean {
  const words = role.toLowerCase().split(/\s+/);
  if (words.some((w) => SUBORDINATE_MODIFIERS.has(w))) return false;
  // "Pacific Fleet commander Admiral X": the post may come before the rank.
  return words.some((w) => LEADER_HEADS.has(w)) || LEADER_PHRASES.some((p) => p.test(role.toLowerCase()));
}

/** Military ranks: a person titled with one serves in the armed force named with it. */
const RANKS = /\b(?:general|admiral|colonel|major|captain|lieutenant|commander|brigadier|commodore|sergeant|marshal)\b/i;

export function isRank(role: string): boolean {
  return RANKS.test(role);
}

/** Organizations whose name ends in a unit noun are parts of a larger force or body. */
const UNIT_NOUNS =
  /\b(?:command|fleet|division|brigade|corps|regiment|battalion|district|group|wing|squadron|flotilla|directorate|department|bureau|agency|unit)(?:\s+\d+)?$/i;

export function isUnitName(name: string): boolean {
  return UNIT_NOUNS.test(name);
}

/** The run of title tokens ending right before `end` (exclusive), e.g. "Lieutenant General" before a name. */
export function titleRunBefore(graph: SentenceGraph, end: number): { begin: number; end: number } | undefined {
  let begin = end;
  while (begin > 0 && isRoleToken(graph, begin - 1)) begin--;
  return begin < end ? { begin, end } : undefined;
}
