import type { SentenceGraph } from '../sentence-graph.js';

const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
const HYPOTHETICAL_AUX = new Set(['could', 'might', 'may', 'would', 'should']);
const CONDITIONS = new Set(['if', 'unless', 'whether']);
/** Verbs that deny or leave open the clause below them: "refused to attend the talks", "plans to visit". */
const DENYING_VERBS = new Set([
  'refuse',
  'decline',
  'fail',
  'reject',
  'deny',
  'boycott',
  'threaten',
  'consider',
  'hope',
  'want',
  'propose',
  'plan',
  'offer',
  'seek',
]);

/**
 * Whether a clause states its verb as a fact: not negated ("did not
 * attend"), not hypothetical ("could take command", "if X hosts the
 * talks"), and not under a verb that denies or only intends it
 * ("refused to join the talks").
 */
export function isAsserted(graph: SentenceGraph, verb: number): boolean {
  for (let clause = verb, steps = 0; clause >= 0 && steps < 3; steps++) {
    const children = graph.children(clause);
    if (children.some((a) => (a.rel === 'advmod' || a.rel === 'neg' || a.rel === 'det') && NEGATIONS.has(graph.lemma(a.dep)))) return false;
    if (children.some((a) => a.rel.startsWith('aux') && HYPOTHETICAL_AUX.has(graph.lemma(a.dep)))) return false;
    if (children.some((a) => a.rel === 'mark' && CONDITIONS.has(graph.lemma(a.dep)))) return false;
    const up = graph.parents(clause, 'xcomp', 'ccomp')[0];
    if (!up) return true;
    if (DENYING_VERBS.has(graph.lemma(up.head))) return false;
    clause = up.head;
  }
  return true;
}
