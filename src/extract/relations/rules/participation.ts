import type { ExtractedEntity, ExtractedRelation } from '../../types.js';
import { clauseDate, makeRelation } from '../candidate.js';
import { isDemonym } from '../demonyms.js';
import type { SentenceGraph } from '../sentence-graph.js';
import { compact, type SentenceRule } from './rule-context.js';
import { isAsserted } from './clause.js';
import { isRoleToken } from './titles.js';
import { antecedentOf, eventAt, participantsOf, verbArguments } from './event-arguments.js';

const PARTICIPATION_VERBS = new Set([
  'conduct',
  'hold',
  'stage',
  'participate',
  'take',
  'join',
  'attend',
  'host',
  'co-host',
  'launch',
  'begin',
  'open',
  'start',
  'organize',
  'organise',
  'carry',
  'run',
  'wage',
  'fight',
  'sign',
  'negotiate',
  'contribute',
  'meet',
  'travel',
  'fly',
  'gather',
  'arrive',
  'win',
  'contest',
  'lose',
  'resume',
  'mediate',
  'broker',
  'facilitate',
  'observe',
  'monitor',
  'watch',
  'visit',
  'claim',
  'preside',
  'chair',
  'complete',
  'finish',
  'address',
  'oversee',
  'witness',
  'continue',
  'conclude',
]);
const ROLE_OF_VERB: Record<string, string> = {
  host: 'host',
  'co-host': 'host',
  launch: 'organizer',
  organize: 'organizer',
  organise: 'organizer',
  win: 'winner',
  lose: 'candidate',
  contest: 'candidate',
  mediate: 'mediator',
  broker: 'mediator',
  facilitate: 'mediator',
  observe: 'observer',
  monitor: 'observer',
  watch: 'observer',
  preside: 'presiding',
  chair: 'chair',
  oversee: 'organizer',
};
/** Verbs whose subject is the event and whose object its parties: "the talks brought together A and B", "the exercise involves troops from X". */
const INVOLVING_VERBS = new Set(['involve', 'include', 'bring', 'feature', 'gather', 'unite']);
/** Event nouns whose participant is the one leaving: "MONUSCO's withdrawal", "the pullout of the troops". */
const WITHDRAWAL_NOUNS = new Set(['withdrawal', 'pullout', 'drawdown', 'departure', 'exit', 'retreat', 'evacuation']);
/** Action nouns whose "of"/"by" phrase names who acts: "the visit by the minister", "the deployment of Kenyan troops". */
const AGENT_NOUNS = new Set([
  ...WITHDRAWAL_NOUNS,
  'visit',
  'deployment',
  'arrival',
  'offensive',
  'attack',
  'handover',
  'transfer',
  'intervention',
  'participation',
]);
const FORCE_NAME = /\b(?:army|navy|force|forces|marines|corps|division|brigade|fleet|military|guard|regiment)\b/i;

function participantRole(participant: ExtractedEntity, verbLemma: string | undefined, eventNoun?: string): string {
  const byVerb = verbLemma ? ROLE_OF_VERB[verbLemma] : undefined;
  if (byVerb) return byVerb;
  if (eventNoun && WITHDRAWAL_NOUNS.has(eventNoun)) return `withdrawing ${participant.type === 'COUNTRY' ? 'country' : 'force'}`;
  return participant.type === 'ORGANIZATION' && FORCE_NAME.test(participant.name) ? 'participating force' : 'participant';
}

/** Which of a participation verb's arguments can be participants (never the place or time phrases). */
function participantArcs(graph: SentenceGraph, verb: number): number[] {
  // "the negotiations, which were mediated by Egypt": a passive's agent takes part as its subject would.
  const args = graph.children(verb, 'nsubj', 'nsubj:xsubj', 'obl:agent', 'obl:by', 'obl:with', 'obl:alongside').map((a) => antecedentOf(graph, a.dep));
  // "Atwa travelled to Crete to watch the exercise": a purpose clause's unstated subject is its governor's.
  if (!graph.children(verb, 'nsubj', 'nsubj:pass', 'nsubj:xsubj').length && graph.children(verb, 'mark').some((a) => graph.lemma(a.dep) === 'to')) {
    for (const up of graph.parents(verb, 'advcl', 'xcomp')) args.push(...graph.children(up.head, 'nsubj').map((a) => antecedentOf(graph, a.dep)));
  }
  return args;
}

/**
 * "Russia and China will conduct a joint exercise", "the Russian Armed
 * Forces will participate in the exercises West/Interaction-2021", "the
 * ministry, which is hosting the exercise": the subjects (and partners
 * "with" them) of a participation verb whose object is an event.
 */
export const participationVerb: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let verb = 0; verb < graph.length; verb++) {
    const lemma = graph.lemma(verb);
    if ((!PARTICIPATION_VERBS.has(lemma) && !INVOLVING_VERBS.has(lemma)) || !graph.pos(verb).startsWith('VB') || !isAsserted(graph, verb)) continue;
    const events = dedupe(compact(verbArguments(graph, verb).map((t) => eventAt(graph, t, context))));
    if (events.length === 0) continue;
    // "The deployment includes troops from Germany": an event as the subject of a verb of involving names its parties as the object.
    const involving = INVOLVING_VERBS.has(lemma) && graph.children(verb, 'nsubj').some((a) => eventAt(graph, a.dep, context));
    const argTokens = involving ? graph.children(verb, 'obj').map((a) => a.dep) : participantArcs(graph, verb);
    // The verb's role is its subject's (or passive agent's); a partner "with" or "alongside" it takes part.
    const partners = new Set(graph.children(verb, 'obl:with', 'obl:alongside').map((a) => a.dep));
    const participants = argTokens.flatMap((t) => participantsOf(graph, t, context).map((p) => ({ p, partner: partners.has(t) })));
    const eventTokens = verbArguments(graph, verb).filter((t) => eventAt(graph, t, context));
    const first = Math.min(verb, ...argTokens, ...eventTokens);
    const last = Math.max(verb, ...argTokens, ...eventTokens);
    // "launched the mission in January": when the taking part began, if the clause says.
    const startDate = clauseDate(graph, verb, context.article);
    const noun = eventTokens.map((t) => graph.lemma(t)).find((l) => WITHDRAWAL_NOUNS.has(l));
    for (const event of events)
      for (const { p: participant, partner } of participants) {
        found.push(
          makeRelation({
            type: 'PARTICIPATES_IN',
            from: participant,
            to: event,
            role: participantRole(participant, partner ? undefined : lemma, noun),
            startDate,
            graph,
            first,
            last,
            rule: 'participation-verb',
            confidence: 0.7,
          }),
        );
      }
  }
  return compact(found);
};

function dedupe(entities: ExtractedEntity[]): ExtractedEntity[] {
  return [...new Map(entities.map((e) => [e.key, e])).values()];
}

const WITHDRAWAL_VERBS = new Set(['withdraw', 'pull', 'retreat', 'leave']);

/**
 * Arguments of the event's own word: "talks between Armenia and
 * Azerbaijan", "a NATO exercise", "its Baltic Sentry mission", "the
 * Russian drills", and for an event told by a verb ("the U.S. pulling out
 * of Afghanistan"), its subject.
 */
export const eventWordArguments: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const event of context.lookup.mentionsIn(graph.index)) {
    if (event.entity.type !== 'EVENT') continue;
    const inside = (t: number) => t >= event.mention.tokenBegin && t < event.mention.tokenEnd;
    const verbal = graph.pos(event.head).startsWith('VB');
    const agentive = !verbal && AGENT_NOUNS.has(graph.lemma(event.head));
    const patterns = verbal
      ? ['nsubj']
      : ['nmod:between', 'nmod:with', 'nmod:among', 'nmod:poss', 'compound', 'amod', ...(agentive ? ['nmod:of', 'nmod:by'] : [])];
    // A name like "U.S. pulling out of Afghanistan" holds its own participant; so does "talks with his counterpart X", whose "counterpart" the event's name claims.
    const arcs = graph
      .children(event.head, ...patterns)
      .filter(
        (a) =>
          !inside(a.dep) ||
          context.lookup.at(graph.index, a.dep)?.entity.key !== event.entity.key ||
          isRoleToken(graph, a.dep) ||
          graph.lemma(a.dep) === 'counterpart',
      );
    for (const arc of arcs) {
      if (arc.rel === 'amod' && !isDemonym(graph.word(arc.dep))) continue;
      for (const participant of participantsOf(graph, arc.dep, context)) {
        const role =
          verbal && WITHDRAWAL_VERBS.has(graph.lemma(event.head))
            ? `withdrawing ${participant.type === 'COUNTRY' ? 'country' : 'force'}`
            : participantRole(participant, undefined, graph.lemma(event.head));
        const first = Math.min(arc.dep, event.mention.tokenBegin);
        const last = Math.max(arc.dep, event.mention.tokenEnd - 1);
        found.push(
          makeRelation({
            type: 'PARTICIPATES_IN',
            from: participant,
            to: event.entity,
            role,
            graph,
            first,
            last,
            rule: 'event-word-arguments',
            confidence: 0.6,
          }),
        );
      }
    }
  }
  return compact(found);
};
