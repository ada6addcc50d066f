import type { Random } from './random.js';

/** Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) built from UTC day arithmetic, never from the clock. */

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2000, 0, 1);

/** The calendar day `days` after 2000-01-01. */
export function dayFromEpoch(days: number): string {
  return new Date(EPOCH + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A start date of random precision and, sometimes, an end date of the same
 * precision that is never before it (the bundle checks EVENT ranges).
 */
export function randomDateRange(random: Random, endProbability: number): { start: string; end?: string } {
  const startDay = random.int(25 * 365);
  const lengthDays = random.int(40);
  const start = dayFromEpoch(startDay);
  const end = dayFromEpoch(startDay + lengthDays);
  const hasEnd = random.chance(endProbability);
  const precision = random.weighted({ day: 5, month: 3, year: 2 });
  const cut = precision === 'day' ? 10 : precision === 'month' ? 7 : 4;
  return hasEnd ? { start: start.slice(0, cut), end: end.slice(0, cut) } : { start: start.slice(0, cut) };
}
