/** The few number helpers every benchmark script and report uses. */

/** Rounded to hundredths, as result files keep milliseconds and ratios. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A figure for a markdown table: grouped digits, at most `digits` decimals, a dash when missing. */
export const num = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : value.toLocaleString('en', { maximumFractionDigits: digits });
