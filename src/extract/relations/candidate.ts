import { RELATION_ENDPOINTS, type RelationType } from '../../model/types.js';
import { isDatelineDate } from '../entities/timex.js';
import type { Article, ExtractedEntity, ExtractedRelation } from '../types.js';
import type { SentenceGraph } from './sentence-graph.js';

export interface RelationDraft {
  type: RelationType;
  from: ExtractedEntity | undefined;
  to: ExtractedEntity | undefined;
  role?: string | undefined;
  startDate?: string | undefined;
  graph: SentenceGraph;
  /** Token range (inclusive) whose text states the relation. */
  first: number;
  last: number;
  rule: string;
  confidence: number;
}

/**
 * A relation from each of `froms` to each of `tos` (targets in the outer
 * loop), with one draft's type, evidence and rule; `role` may word the role
 * for each source entity. Pairs the model does not allow are left out later (undefined here).
 */
export function relationsAmong(
  froms: readonly (ExtractedEntity | undefined)[],
  tos: readonly (ExtractedEntity | undefined)[],
  draft: Omit<RelationDraft, 'from' | 'to' | 'role'> & { role?: string | undefined | ((from: ExtractedEntity) => string) },
): (ExtractedRelation | undefined)[] {
  const { role, ...rest } = draft;
  return tos.flatMap((to) =>
    froms.map((from) => makeRelation({ ...rest, from, to, role: typeof role === 'function' ? (from ? role(from) : undefined) : role })),
  );
}

/** A relation the model allows (endpoint types, no self relation), or nothing. */
export function makeRelation(draft: RelationDraft): ExtractedRelation | undefined {
  const { from, to, type } = draft;
  if (!from || !to || from.key === to.key) return undefined;
  const allowed = RELATION_ENDPOINTS[type];
  if (!allowed.from.includes(from.type) || !allowed.to.includes(to.type)) return undefined;
  const relation: ExtractedRelation = {
    type,
    from: from.key,
    to: to.key,
    evidence: draft.graph.charSpan(draft.first, draft.last),
    sentence: draft.graph.index,
    rule: draft.rule,
    confidence: draft.confidence,
  };
  const role = draft.role?.replace(/\s+/g, ' ').trim();
  if (role) relation.role = role;
  if (draft.startDate) relation.startDate = draft.startDate;
  return relation;
}

/**
 * A DATE mention's timex as a partial date. A value without a year
 * ("XXXX-08", CoreNLP's reading of "in August") takes the publication's
 * year; references like PAST_REF or weeks give nothing.
 */
export function partialDate(value: string | undefined, article: Article): string | undefined {
  if (!value) return undefined;
  const year = article.publishedAt?.slice(0, 4);
  const anchored = value.startsWith('XXXX') && year ? year + value.slice(4) : value;
  // Weeks ("2026-W10-2"), seasons and the like are no calendar dates of ours.
  const match = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$/.exec(anchored);
  return match?.[1];
}

/**
 * The date a clause gives: a DATE mention attached to the clause's verb
 * (directly, or through the noun of a prepositional phrase such as "the
 * middle of August"), never one from another clause.
 */
export function clauseDate(graph: SentenceGraph, verb: number, article: Article): string | undefined {
  for (const mention of graph.sentence.entitymentions) {
    if (mention.ner !== 'DATE' || isDatelineDate(mention.text)) continue;
    const head = graph.headOf(mention.tokenBegin, mention.tokenEnd);
    const attached = graph
      .parents(head)
      .some((a) => a.head === verb || graph.parents(a.head, 'nmod', 'obl').some((b) => b.head === verb && graph.pos(a.head).startsWith('NN')));
    if (!attached) continue;
    const date = partialDate(mention.timex?.value ?? mention.normalizedNER, article);
    if (date) return date;
  }
  return undefined;
}

/** The words before a token that modify it as one phrase ("deputy commander", "commanding officer"). */
export function phraseStart(graph: SentenceGraph, head: number): number {
  let start = head;
  for (const arc of graph.children(head, 'compound', 'amod')) {
    if (arc.dep < start && arc.dep >= head - 4) start = arc.dep;
  }
  return start;
}
