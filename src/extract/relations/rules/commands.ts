import type { ExtractedRelation } from '../../types.js';
import { clauseDate, makeRelation } from '../candidate.js';
import { compact, type SentenceRule } from './context.js';

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
    if (!role || !graph.pos(verb).startsWith('VB')) continue;
    const subjects = graph.children(verb, 'nsubj');
    // "Rodrigo Alvear, a retired admiral who led the Navy": the clause's subject is the title in apposition to the name.
    const subjectTokens = subjects.flatMap((a) => [a.dep, ...graph.parents(a.dep, 'appos').map((b) => b.head)]);
    const people = compact(subjectTokens.map((t) => context.lookup.resolve(graph.index, t, ['PERSON']))).slice(0, 1);
    const objects = graph.children(verb, 'obj');
    const targets = compact(objects.map((a) => context.lookup.resolve(graph.index, a.dep, TARGET_TYPES)));
    const startDate = clauseDate(graph, verb, context.article);
    const first = Math.min(verb, ...subjects.map((a) => a.dep));
    const last = Math.max(verb, ...objects.map((a) => a.dep));
    for (const person of people) for (const target of targets) {
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
    for (const person of people) for (const target of targets) {
      found.push(makeRelation({ type: 'COMMANDS', from: person, to: target, role, graph, first, last, rule: 'led-by', confidence: 0.75 }));
    }
  }
  return compact(found);
};
