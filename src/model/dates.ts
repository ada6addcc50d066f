/**
 * Partial ISO 8601 dates: `2021`, `2021-08` or `2021-08-09`. News often
 * gives only a month or a year, so precision is part of the value.
 */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const dayNumber = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  return dayNumber >= 1 && dayNumber <= daysInMonth;
}

export const PARTIAL_DATE_HINT = 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD';

/** The first day a partial date can mean, for range comparisons: 2021-08 → 2021-08-01. */
export function dateLowerBound(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/** The last day a partial date can mean: 2021-08 → 2021-08-31. */
export function dateUpperBound(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [year, month] = value.split('-').map(Number) as [number, number];
    return `${value}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return value;
}

/**
 * Whether a period ends before it starts, with each date taken at its widest:
 * an event from 2021-08-13 may end in 2021-08, but not in 2021-07.
 */
export function endsBeforeItStarts(start: string, end: string): boolean {
  return dateUpperBound(end) < dateLowerBound(start);
}
