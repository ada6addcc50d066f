/**
 * TIMEX values as partial ISO dates, anchored to the publication date. News
 * dates are mostly relative to the day the article appeared: "in May" in a
 * future-tense sentence of November 2024 is May 2025, "on Monday" is the
 * Monday nearest to publication, "next month" is the month after it.
 */
export type Tense = 'past' | 'present' | 'future';

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

function addMonths(yearMonth: string, months: number): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function monthOfYear(monthDay: string, published: string, tense: Tense): string {
  const year = Number(published.slice(0, 4));
  const candidate = `${year}-${monthDay}`;
  const publishedMonth = published.slice(0, monthDay.length === 2 ? 7 : 10);
  // Only a clear tense moves a month across the year: "will be held in May" written in November.
  if (tense === 'future' && candidate < publishedMonth) return `${year + 1}-${monthDay}`;
  if (tense === 'past' && candidate > publishedMonth) return `${year - 1}-${monthDay}`;
  return candidate;
}

/** "on Monday": the nearest Monday; "next Monday" (an offset in weeks): Monday of the week after publication's. */
function weekday(day: number, published: string, tense: Tense, weeks: number | undefined): string {
  const publishedDay = new Date(`${published}T00:00:00Z`).getUTCDay() || 7;
  if (weeks !== undefined) return addDays(published, day - publishedDay + weeks * 7);
  const back = (publishedDay - day + 7) % 7;
  const ahead = (day - publishedDay + 7) % 7;
  return tense === 'past' ? addDays(published, -back) : addDays(published, ahead);
}

export function anchoredDate(value: string, publishedAt: string | null, tense: Tense): string | undefined {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  if (!publishedAt) return undefined;
  const offset = /OFFSET P(-?\d+)([WMY])/.exec(value);
  const shift = offset ? Number(offset[1]) : 0;
  const monthOnly = /^XXXX-(\d{2}(?:-\d{2})?)$/.exec(value);
  if (monthOnly?.[1]) return monthOfYear(monthOnly[1], publishedAt, tense);
  const day = /^XXXX-WXX-([1-7])/.exec(value);
  if (day) return weekday(Number(day[1]), publishedAt, tense, offset?.[2] === 'W' ? shift : undefined);
  if (/^THIS P1M/.test(value)) return addMonths(publishedAt.slice(0, 7), offset?.[2] === 'M' ? shift : 0);
  if (/^THIS P1Y/.test(value)) return String(Number(publishedAt.slice(0, 4)) + (offset?.[2] === 'Y' ? shift : 0));
  return undefined;
}

/** A sentence's tense, from its verbs: a modal "will" looks ahead, a past form looks back. */
export function tenseOf(tokens: readonly { pos: string; word: string }[]): Tense {
  if (tokens.some((token) => token.pos === 'MD' && ['will', "'ll", 'shall'].includes(token.word.toLowerCase()))) return 'future';
  if (tokens.some((token) => token.pos === 'VBD')) return 'past';
  return 'present';
}

/**
 * An ISO date written in the text is a dateline or metadata line (" date 2021-08-03"), which NER may merge with the
 * words after it ("2021-08-03 In August"): it dates the article, never an event or a relation.
 */
export function isDatelineDate(mentionText: string): boolean {
  return /\b\d{4}-\d{2}-\d{2}\b/.test(mentionText);
}
