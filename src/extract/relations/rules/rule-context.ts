import type { Article, ExtractedRelation } from '../../types.js';
import type { EntityLookup } from '../entity-lookup.js';
import type { SentenceGraph } from '../sentence-graph.js';

export interface RuleContext {
  lookup: EntityLookup;
  article: Article;
}

/** A relation rule reads one sentence (and the entities found anywhere) and proposes relations. */
export type SentenceRule = (graph: SentenceGraph, context: RuleContext) => ExtractedRelation[];

export function compact<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
