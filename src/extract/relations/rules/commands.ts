import type { ExtractedRelation } from '../../types.js';
import { clauseDate, makeRelation, phraseStart, relationsAmong } from '../candidate.js';
import { isAsserted } from './clause.js';
import { compact, type SentenceRule } from './rule-context.js';
import { isLeaderRole, isRoleToken } from './titles.js';

const COMMAND_VERBS: Record<string, string> = { command: 'commander', lead: 'leader', head: 'head', direct: 'director' };
const TARGET_TYPES = ['ORGANIZATION', 'EVENT'] as const;

/**
 * "Admiral Chen Wei commands the Northern Fleet", "Vollmer, who commands
 * Standing NATO Maritime Group 1, is leading the exercise": a person as
 * the subject of a command verb with an organization or event as its object.
 */
export const commandVerb: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let verb = 0; verb < graph.length; verb++) {
    const role = COMMAND_VERBS[graph.lemma(verb)];
    if (!role || !graph.pos(verb).startsWith('VB') || !isAsserted(graph, verb)) continue;
    const subjects = graph.children(verb, 'nsubj');
    // "Rodrigo Alvear, a retired admiral who led the Navy": the clause's subject is the title in apposition to the name.
    const subjectTokens = subjects.flatMap((a) => [a.dep, ...graph.parents(a.dep, 'appos').map((b) => b.head)]);
    const people = compact(subjectTokens.map((t) => context.lookup.resolve(graph.index, t, ['PERSON']))).slice(0, 1);
    const objects = graph.children(verb, 'obj');
    const targets = compact(objects.map((a) => context.lookup.resolve(graph.index, a.dep, TARGET_TYPES)));
    const startDate = clauseDate(graph, verb, context.article);
    const first = Math.min(verb, ...subjects.map((a) => a.dep));
    const last = Math.max(verb, ...objects.map((a) => a.dep));
    for (const person of people)
      for (const target of targets) {
        found.push(makeRelation({ type: 'COMMANDS', from: person, to: target, role, startDate, graph, first, last, rule: 'command-verb', confidence: 0.75 }));
      }
  }
  return compact(found);
};

/**
 * "The Eastern Brigade, led by General Anna Berg", "the operation is
 * commanded by X": the passive names the commander as its agent.
 */
export const ledBy: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let verb = 0; verb < graph.length; verb++) {
    const role = COMMAND_VERBS[graph.lemma(verb)];
    if (!role || graph.pos(verb) !== 'VBN') continue;
    const agents = graph.children(verb, 'obl:agent', 'obl:by');
    const people = compact(agents.map((a) => context.lookup.resolve(graph.index, a.dep, ['PERSON'])));
    const led = [...graph.children(verb, 'nsubj:pass').map((a) => a.dep), ...graph.parents(verb, 'acl').map((a) => a.head)];
    const targets = compact(led.map((t) => context.lookup.resolve(graph.index, t, TARGET_TYPES)));
    const first = Math.min(verb, ...led);
    const last = Math.max(verb, ...agents.map((a) => a.dep));
    for (const person of people)
      for (const target of targets) {
        found.push(makeRelation({ type: 'COMMANDS', from: person, to: target, role, graph, first, last, rule: 'led-by', confidence: 0.75 }));
      }
  }
  return compact(found);
};

/** Verbs that give command away: "handed over command of the fleet to Wade". */
const HANDING_VERBS = new Set(['hand', 'relinquish', 'cede', 'transfer', 'pass', 'give', 'surrender']);
/** Verbs that take command on: "took command of the Third Fleet", "assumed command of the mission". */
const TAKING_VERBS = new Set(['take', 'assume', 'receive', 'accept']);

/**
 * "Wade took command of the U.S. Third Fleet", "Boyle handed over command
 * of the Third Fleet to Wade": the noun "command" with the unit it is of,
 * and the people who take it (incoming) or hand it over (outgoing) and to
 * whom. Both held the command, one until the day and one from it.
 */
export const changeOfCommand: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let noun = 0; noun < graph.length; noun++) {
    if (graph.lemma(noun) !== 'command' || !graph.pos(noun).startsWith('NN')) continue;
    const ofArcs = graph.children(noun, 'nmod:of');
    const targets = compact(ofArcs.map((a) => context.lookup.resolve(graph.index, a.dep, TARGET_TYPES)));
    if (targets.length === 0) continue;
    for (const arc of graph.parents(noun, 'obj', 'nsubj:pass')) {
      const verb = arc.head;
      const lemma = graph.lemma(verb);
      const handing = HANDING_VERBS.has(lemma);
      if ((!handing && !TAKING_VERBS.has(lemma)) || !isAsserted(graph, verb)) continue;
      const subjects = graph.children(verb, 'nsubj', 'obl:agent', 'obl:by');
      const recipients = handing ? graph.children(verb, 'obl:to', 'iobj') : [];
      const startDate = clauseDate(graph, verb, context.article);
      const roles: [number, string][] = [
        ...subjects.map((a): [number, string] => [a.dep, handing ? 'outgoing commander' : 'commander']),
        ...recipients.map((a): [number, string] => [a.dep, 'incoming commander']),
      ];
      for (const [token, role] of roles) {
        const person = context.lookup.resolve(graph.index, token, ['PERSON']);
        const first = Math.min(verb, token, noun);
        const last = Math.max(token, ...ofArcs.map((a) => a.dep));
        const date = role === 'outgoing commander' ? undefined : startDate;
        found.push(
          ...relationsAmong([person], targets, { type: 'COMMANDS', role, startDate: date, graph, first, last, rule: 'change-of-command', confidence: 0.75 }),
        );
      }
    }
  }
  return compact(found);
};

/** Verbs that give or describe a post: "was appointed commander of X", "served as head of X", "was named chief of X". */
const POST_VERBS = new Set(['appoint', 'name', 'nominate', 'promote', 'install', 'elect', 'make', 'serve', 'become', 'remain', 'confirm', 'designate']);

/**
 * "Lisa Franchetti was appointed commander of the Pacific Fleet", "he
 * served as commander of Carrier Strike Group 3", "Keita became head of
 * MONUSCO": a leader's title given to the verb's subject, with the unit it is of.
 */
export const appointedLeader: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let verb = 0; verb < graph.length; verb++) {
    if (!POST_VERBS.has(graph.lemma(verb)) || !graph.pos(verb).startsWith('VB') || !isAsserted(graph, verb)) continue;
    const posts = graph
      .children(verb, 'xcomp', 'obj', 'obl:as')
      .map((a) => a.dep)
      .filter((t) => isRoleToken(graph, t));
    const subjects = graph.children(verb, 'nsubj', 'nsubj:pass');
    // "appointed X commander of Y": the appointee is the object when the post is a complement.
    const appointees =
      graph.lemma(verb) === 'serve' || graph.lemma(verb) === 'become' || graph.lemma(verb) === 'remain'
        ? subjects
        : [...subjects, ...graph.children(verb, 'obj').filter((a) => !posts.includes(a.dep))];
    for (const post of posts) {
      const role = graph.text(phraseStart(graph, post), post);
      if (!isLeaderRole(role)) continue;
      const ofArcs = graph.children(post, 'nmod:of');
      const targets = compact(ofArcs.map((a) => context.lookup.resolve(graph.index, a.dep, TARGET_TYPES)));
      for (const subject of appointees) {
        const person = context.lookup.resolve(graph.index, subject.dep, ['PERSON']);
        const first = Math.min(subject.dep, verb);
        const last = Math.max(post, ...ofArcs.map((a) => a.dep));
        const startDate = graph.lemma(verb) === 'serve' ? undefined : clauseDate(graph, verb, context.article);
        found.push(
          ...relationsAmong([person], targets, {
            type: 'COMMANDS',
            role: role.toLowerCase(),
            startDate,
            graph,
            first,
            last,
            rule: 'appointed-leader',
            confidence: 0.7,
          }),
        );
      }
    }
  }
  return compact(found);
};
