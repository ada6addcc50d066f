import type { ExtractedEntity, ExtractedRelation } from '../../types.js';
import { relationsAmong } from '../candidate.js';
import type { SentenceGraph } from '../sentence-graph.js';
import { isAsserted } from './clause.js';
import { compact, type RuleContext, type SentenceRule } from './rule-context.js';
import { eventAt, participantsOf, PARTICIPANT_TYPES } from './event-arguments.js';

const SENDING_VERBS = new Set(['send', 'deploy', 'dispatch', 'contribute', 'commit', 'provide']);
const SENT_NOUNS = new Set([
  'troops',
  'troop',
  'soldier',
  'vessel',
  'ship',
  'warship',
  'aircraft',
  'jet',
  'unit',
  'force',
  'forces',
  'sailor',
  'marine',
  'personnel',
  'contingent',
  'frigate',
  'minehunter',
  'submarine',
  'helicopter',
  'delegation',
  'team',
  'observer',
  'monitor',
  'envoy',
]);
/** Those sent only to watch: "France sent observers to the exercise". */
const OBSERVER_NOUNS = new Set(['observer', 'monitor']);

/**
 * The event the passage is about when a sentence names none: the last
 * event mentioned in this sentence or the two before it, in the same paragraph.
 */
function eventInFocus(graph: SentenceGraph, context: RuleContext, before: number): ExtractedEntity | undefined {
  for (let s = graph.index; s >= Math.max(0, graph.index - 2); s--) {
    const other = context.lookup.graph(s);
    if (!other || other.sentence.paragraph !== graph.sentence.paragraph) break;
    const events = context.lookup.mentionsIn(s).filter((m) => m.entity.type === 'EVENT' && (s < graph.index || m.mention.tokenBegin < before));
    const last = events.at(-1);
    if (last) return last.entity;
  }
  return undefined;
}

/**
 * "Germany, Poland and the United States have sent vessels alongside the
 * Lithuanian Navy": those who send forces take part, in the event the
 * sentence names ("to the exercise") or, failing that, the one the passage is about.
 */
export const sendsForces: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let verb = 0; verb < graph.length; verb++) {
    if (!SENDING_VERBS.has(graph.lemma(verb)) || !graph.pos(verb).startsWith('VB')) continue;
    const sent = graph.children(verb, 'obj').filter((a) => SENT_NOUNS.has(graph.lemma(a.dep)));
    if (sent.length === 0 || !isAsserted(graph, verb)) continue;
    const observing = sent.every((a) => OBSERVER_NOUNS.has(graph.lemma(a.dep)));
    const named = compact(graph.children(verb, 'obl:to', 'obl:for').map((a) => eventAt(graph, a.dep, context)))[0];
    const event = named ?? eventInFocus(graph, context, verb);
    const partners = graph.children(verb, 'nsubj', 'obl:alongside', 'obl:with');
    const participants = partners.flatMap((a) => participantsOf(graph, a.dep, context)).filter((p) => PARTICIPANT_TYPES.includes(p.type));
    const first = Math.min(verb, ...partners.map((a) => a.dep));
    const last = Math.max(verb, ...partners.map((a) => a.dep));
    const role = (participant: ExtractedEntity) => (observing ? 'observer' : participant.type === 'ORGANIZATION' ? 'participating force' : 'participant');
    found.push(
      ...relationsAmong(participants, [event], {
        type: 'PARTICIPATES_IN',
        role,
        graph,
        first,
        last,
        rule: named ? 'sends-forces' : 'sends-forces-to-event-in-focus',
        confidence: named ? 0.65 : 0.45,
      }),
    );
  }
  return compact(found);
};

const PARTICIPATION_NOUNS: Record<string, string> = {
  hosting: 'host',
  participation: 'participant',
  involvement: 'participant',
  role: 'participant',
  victory: 'winner',
};

/** "Chile's hosting of the UNITAS exercise", "Finland's participation in the drills". */
export const participationNoun: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let noun = 0; noun < graph.length; noun++) {
    const role = PARTICIPATION_NOUNS[graph.lemma(noun)] ?? PARTICIPATION_NOUNS[graph.word(noun).toLowerCase()];
    if (!role) continue;
    const events = compact(graph.children(noun, 'nmod:of', 'nmod:in').map((a) => eventAt(graph, a.dep, context)));
    const owners = graph.children(noun, 'nmod:poss');
    const participants = owners.flatMap((a) => participantsOf(graph, a.dep, context));
    const last = Math.max(noun, ...graph.children(noun, 'nmod:of', 'nmod:in').map((a) => a.dep));
    const first = Math.min(noun, ...owners.map((a) => a.dep));
    found.push(...relationsAmong(participants, events, { type: 'PARTICIPATES_IN', role, graph, first, last, rule: 'participation-noun', confidence: 0.6 }));
  }
  return compact(found);
};
