import type { TotalGroup, Totals } from './totals.js';

/**
 * The recorded baseline (data/gold/eval-baseline.json) and the check CI runs
 * against it: a total score that falls more than TOLERANCE below its
 * baseline fails the run. Only the seed and the other documents together are
 * compared, as the targets are set on those two.
 */

export const TOLERANCE = 0.02;

export const CHECKED_SCORES = {
  'seed.entities.f1': (totals: Record<TotalGroup, Totals>) => totals.seed.entities.f1,
  'seed.relations.f1': (totals: Record<TotalGroup, Totals>) => totals.seed.relations.f1,
  'seed.quotes.share': (totals: Record<TotalGroup, Totals>) => totals.seed.quotes.share,
  'others.entities.f1': (totals: Record<TotalGroup, Totals>) => totals.others.entities.f1,
  'others.relations.f1': (totals: Record<TotalGroup, Totals>) => totals.others.relations.f1,
  'others.quotes.share': (totals: Record<TotalGroup, Totals>) => totals.others.quotes.share,
} as const;

export type CheckedScore = keyof typeof CHECKED_SCORES;

export interface Baseline {
  commit: string;
  recordedAt: string;
  scores: Record<CheckedScore, number>;
}

export function checkedScores(totals: Record<TotalGroup, Totals>): Record<CheckedScore, number> {
  const entries = Object.entries(CHECKED_SCORES).map(([name, read]) => [name, Math.round(read(totals) * 10_000) / 10_000]);
  return Object.fromEntries(entries) as Record<CheckedScore, number>;
}

/** One line per score that dropped more than the tolerance below its baseline; empty when none did. */
export function regressions(current: Record<CheckedScore, number>, baseline: Baseline): string[] {
  const found: string[] = [];
  for (const name of Object.keys(CHECKED_SCORES) as CheckedScore[]) {
    const before = baseline.scores[name];
    if (typeof before !== 'number') continue;
    // Rounded to 4 places on both sides, so a drop of exactly the tolerance passes.
    if (current[name] < Math.round((before - TOLERANCE) * 10_000) / 10_000) {
      found.push(`${name}: ${current[name].toFixed(4)} is more than ${TOLERANCE} below the baseline ${before.toFixed(4)}`);
    }
  }
  return found;
}
