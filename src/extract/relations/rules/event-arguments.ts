import type { EntityType } from '../../../model/types.js';
import type { ExtractedEntity } from '../../types.js';
import type { SentenceGraph } from '../sentence-graph.js';
import { compact, type RuleContext } from './rule-context.js';
import { isRoleToken } from './titles.js';

/** Nouns for people and hardware a country or force sends: "Russian troops", "warships from nine NATO countries". */
const FORCE_NOUNS = new Set([
  'soldier',
  'troops',
  'troop',
  'force',
  'forces',
  'army',
  'armies',
  'military',
  'militaries',
  'warship',
  'ship',
  'vessel',
  'sailor',
  'marine',
  'crew',
  'unit',
  'navy',
  'navies',
  'jet',
  'aircraft',
  'minehunter',
  'delegation',
  'contingent',
  'personnel',
  'officer',
]);

export const PARTICIPANT_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'COUNTRY'];

/**
 * The participants a noun phrase names: the entity itself, or for "Russian
 * and Chinese soldiers" / "units of the Indonesian armed forces" the
 * countries and forces the force noun belongs to.
 */
export function participantsOf(graph: SentenceGraph, token: number, context: RuleContext): ExtractedEntity[] {
  const direct = context.lookup.resolve(graph.index, token, PARTICIPANT_TYPES);
  if (direct) return [direct];
  // "DOHA, Qatar - Delegations from Sudan … resumed talks": the parser makes the dateline the subject and the real one its apposition.
  // "talks with his Philippine counterpart Gilberto Teodoro": a title standing before the name it introduces.
  if (isRoleToken(graph, token) || graph.lemma(token) === 'counterpart') {
    const named = compact(graph.children(token, 'appos', 'dep').map((a) => context.lookup.resolve(graph.index, a.dep, ['PERSON'])));
    if (named.length > 0) return named;
  }
  if (token === 0 && graph.word(1) === ',') return graph.children(token, 'appos').flatMap((a) => (a.dep > 0 ? participantsOf(graph, a.dep, context) : []));
  if (!FORCE_NOUNS.has(graph.lemma(token)) && !FORCE_NOUNS.has(graph.word(token).toLowerCase())) return [];
  const owners = graph.children(token, 'amod', 'compound', 'nmod:of', 'nmod:from', 'nmod:poss');
  return compact(owners.map((a) => context.lookup.resolve(graph.index, a.dep, ['ORGANIZATION', 'COUNTRY'])));
}

/** The EVENT a token stands for, when it does. */
export function eventAt(graph: SentenceGraph, token: number, context: RuleContext): ExtractedEntity | undefined {
  return context.lookup.resolve(graph.index, token, ['EVENT']);
}

/** Nouns that stand between a verb and the event it is about. */
const STEP_NOUNS = new Set([
  'sideline',
  'sidelines',
  'margin',
  'margins',
  'hosting',
  'participation',
  'resumption',
  'start',
  'opening',
  'launch',
  'conclusion',
  'end',
  'preparation',
  'organisation',
  'organization',
  'conduct',
  'round',
  'session',
  'victory',
  'part',
  'responsibility',
]);

/**
 * A relative pronoun subject the parser left unresolved ("Fuentes, who won
 * a runoff election", parsed with the clause as a loose dependent): the name
 * the clause hangs from.
 */
export function antecedentOf(graph: SentenceGraph, token: number): number {
  if (!['WP', 'WDT'].includes(graph.pos(token))) return token;
  const verb = graph.parents(token, 'nsubj', 'nsubj:pass')[0]?.head;
  const up = verb === undefined ? undefined : graph.parents(verb, 'dep', 'acl:relcl')[0];
  return up ? up.head : token;
}

/** The tokens that are a verb's arguments as a participant or an event: subjects, objects, prepositional objects. */
export function verbArguments(graph: SentenceGraph, verb: number): number[] {
  const args = graph.children(verb, 'nsubj', 'nsubj:pass', 'nsubj:xsubj', 'obj', 'obl', 'obl:agent').map((a) => a.dep);
  // "the exercise conducted in China": a reduced relative modifies the event noun.
  for (const arc of graph.parents(verb, 'acl')) args.push(arc.head);
  // "on the sidelines of the summit", "announced the resumption of talks", "oversaw Chile's hosting of the exercise": the event is one step further.
  for (const arg of [...args]) {
    if (STEP_NOUNS.has(graph.lemma(arg))) args.push(...graph.children(arg, 'nmod:of', 'nmod:in', 'nmod:for').map((a) => a.dep));
  }
  return args;
}
