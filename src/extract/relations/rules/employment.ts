import type { ExtractedRelation } from '../../types.js';
import { clauseDate, makeRelation } from '../candidate.js';
import { compact, type SentenceRule } from './rule-context.js';

/** Verbs of working somewhere, with the role each implies (none where the verb says nothing of the post). */
const WORK_VERBS: Record<string, string | undefined> = {
  work: undefined,
  serve: undefined,
  lecture: 'lecturer',
  teach: 'teacher',
  research: 'researcher',
  report: undefined,
  volunteer: 'volunteer',
};
const WORKPLACE_PREPOSITIONS = ['obl:at', 'obl:for', 'obl:in', 'obl:with'];

/**
 * "Anna Weiss has lectured at the University of Vienna since 2019", "Paul
 * Okafor works for the Red Cross": a person working at an organization is
 * one of its members, from the date the clause gives.
 */
export const worksAt: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (let verb = 0; verb < graph.length; verb++) {
    const lemma = graph.lemma(verb);
    if (!(lemma in WORK_VERBS) || !graph.pos(verb).startsWith('VB')) continue;
    // "reports to the minister" is a line of command, "reported for the BBC" a byline: only "report for" counts.
    const patterns = lemma === 'report' ? ['obl:for'] : WORKPLACE_PREPOSITIONS;
    const subjects = graph.children(verb, 'nsubj');
    const people = compact(subjects.map((a) => context.lookup.resolve(graph.index, a.dep, ['PERSON'])));
    const places = graph.children(verb, ...patterns);
    const orgs = compact(places.map((a) => context.lookup.resolve(graph.index, a.dep, ['ORGANIZATION'])));
    const startDate = graph.children(verb, 'obl:since').length > 0 ? clauseDate(graph, verb, context.article) : undefined;
    const first = Math.min(verb, ...subjects.map((a) => a.dep));
    const last = Math.max(verb, ...places.map((a) => a.dep));
    for (const person of people)
      for (const org of orgs) {
        found.push(
          makeRelation({ type: 'MEMBER_OF', from: person, to: org, role: WORK_VERBS[lemma], startDate, graph, first, last, rule: 'works-at', confidence: 0.6 }),
        );
      }
  }
  return compact(found);
};
