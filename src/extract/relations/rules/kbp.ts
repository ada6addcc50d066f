import type { RelationType } from '../../../model/types.js';
import type { ExtractedRelation } from '../../types.js';
import { makeRelation } from '../candidate.js';
import { compact, type SentenceRule } from './rule-context.js';

/**
 * The KBP slots that mean one of our relations. Only membership maps
 * soundly (org:top_members_employees mostly pairs a person with any
 * organization near a title, so it is left out): residence, headquarters and origin tie organizations or people
 * to places, which the model has no relation for.
 */
const KBP_MAPPING: Record<string, { type: RelationType; reversed: boolean }> = {
  'per:employee_or_member_of': { type: 'MEMBER_OF', reversed: false },
  'org:member_of': { type: 'MEMBER_OF', reversed: false },
  'org:members': { type: 'MEMBER_OF', reversed: true },
  'org:parents': { type: 'MEMBER_OF', reversed: false },
  'org:subsidiaries': { type: 'MEMBER_OF', reversed: true },
};

/** CoreNLP's KBP triples, where the slot maps to a relation of the model. */
export const kbpTriples: SentenceRule = (graph, context) => {
  const found: (ExtractedRelation | undefined)[] = [];
  for (const triple of graph.sentence.kbp ?? []) {
    const mapping = KBP_MAPPING[triple.relation];
    if (!mapping) continue;
    // Only names: KBP's slots filled from a pronoun ("her office said") go astray.
    const named = (begin: number, end: number) => {
      const at = context.lookup.at(graph.index, graph.headOf(begin, end));
      return at && (at.mention.kind === 'name' || at.mention.kind === 'alias') ? at.entity : undefined;
    };
    const subject = named(triple.subjectSpan[0], triple.subjectSpan[1]);
    const object = named(triple.objectSpan[0], triple.objectSpan[1]);
    const [from, to] = mapping.reversed ? [object, subject] : [subject, object];
    // A slot that reaches over another person ("Fuentes appointed Alvear, who led the Navy") is about that person.
    const subjectHead = graph.headOf(triple.subjectSpan[0], triple.subjectSpan[1]);
    const objectHead = graph.headOf(triple.objectSpan[0], triple.objectSpan[1]);
    const between = graph.pathBetween(subjectHead, objectHead);
    if (between.some((t) => context.lookup.at(graph.index, t)?.entity.type === 'PERSON')) continue;
    const first = Math.min(triple.subjectSpan[0], triple.objectSpan[0]);
    const last = Math.max(triple.subjectSpan[1], triple.objectSpan[1]) - 1;
    found.push(makeRelation({ type: mapping.type, from, to, graph, first, last, rule: `kbp:${triple.relation}`, confidence: 0.5 }));
  }
  return compact(found);
};
