import type { DocumentScore } from './score-document.js';
import { addCounts, prf, type Counts, type Prf } from './score.js';

/** The groups the evaluation reports: each gold folder, and the documents other than the seed taken together. */
export const TOTAL_GROUPS = ['seed', 'dev', 'heldout', 'others'] as const;
export type TotalGroup = (typeof TOTAL_GROUPS)[number];

export interface Totals {
  documents: number;
  entities: Prf;
  relations: Prf;
  attributions: Prf;
  outlets: Prf;
  /** Exact quotes over all the drafts' reports (1 when there are none). */
  quotes: { exact: number; total: number; share: number };
  /** Drafts that pass the project's bundle validator. */
  valid: number;
}

const NONE: Counts = { correct: 0, predicted: 0, gold: 0 };

/** Micro-averaged: counts are summed over the documents, then precision, recall and F1 computed once. */
export function totalOf(scores: readonly DocumentScore[]): Totals {
  const sum = (metric: 'entities' | 'relations' | 'attributions' | 'outlets') =>
    prf(scores.reduce<Counts>((acc, score) => addCounts(acc, score[metric]), NONE));
  const exact = scores.reduce((acc, score) => acc + score.quotes.exact, 0);
  const total = scores.reduce((acc, score) => acc + score.quotes.total, 0);
  return {
    documents: scores.length,
    entities: sum('entities'),
    relations: sum('relations'),
    attributions: sum('attributions'),
    outlets: sum('outlets'),
    quotes: { exact, total, share: total === 0 ? 1 : exact / total },
    valid: scores.filter((score) => score.valid).length,
  };
}

export function totalsByGroup(scores: ReadonlyArray<DocumentScore & { group: string }>): Record<TotalGroup, Totals> {
  const of = (groups: string[]) => totalOf(scores.filter((score) => groups.includes(score.group)));
  return { seed: of(['seed']), dev: of(['dev']), heldout: of(['heldout']), others: of(['dev', 'heldout']) };
}
