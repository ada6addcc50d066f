import type { Candidate } from './candidate.js';
import type { SentenceView } from './sentence-view.js';

const START_VERBS = new Set(['begin', 'start', 'open', 'launch', 'kick', 'commence']);
const END_VERBS = new Set(['end', 'conclude', 'close', 'finish', 'wrap']);
const WEEKDAY = /^XXXX-WXX-([1-7])$/;

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/**
 * A TIMEX value as a partial ISO date, anchored to the publication date:
 * "XXXX-08" is August of the publication year; a bare weekday is the nearest
 * one around publication (past tense looks back, future looks ahead).
 * Relative or vague values (PAST_REF, "this year") give nothing.
 */
export function anchoredDate(value: string, publishedAt: string | null, pastTense: boolean): string | undefined {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  const year = publishedAt?.slice(0, 4);
  const monthOnly = /^XXXX-(\d{2}(-\d{2})?)$/.exec(value);
  if (monthOnly && year) return `${year}-${monthOnly[1]}`;
  const weekday = WEEKDAY.exec(value);
  if (weekday && publishedAt) {
    const published = new Date(`${publishedAt}T00:00:00Z`).getUTCDay() || 7;
    const target = Number(weekday[1]);
    const back = (published - target + 7) % 7;
    const ahead = (target - published + 7) % 7;
    return pastTense ? addDays(publishedAt, -back) : addDays(publishedAt, ahead);
  }
  return undefined;
}

/**
 * Dates of an event from the sentences that mention it by name or as "the
 * exercise": a date in a sentence with a starting verb starts it, one with an
 * ending verb ends it; other dates bound it from both sides.
 */
export function eventDates(mentions: Candidate[], views: SentenceView[], publishedAt: string | null): { startDate?: string; endDate?: string } {
  const starts: string[] = [];
  const ends: string[] = [];
  const others: string[] = [];
  const sentences = new Set(mentions.filter((m) => m.kind !== 'pronoun').map((m) => m.sentence));
  for (const index of sentences) {
    const view = views[index];
    if (!view || view.isTitleLine) continue;
    const lemmas = view.tokens.filter((token) => token.pos.startsWith('VB')).map((token) => token.lemma.toLowerCase());
    const pastTense = view.tokens.some((token) => token.pos === 'VBD');
    for (const date of view.sentence.entitymentions) {
      if (date.ner !== 'DATE' || !date.timex?.value) continue;
      if (mentions.some((m) => m.sentence === index && m.tokenBegin <= date.tokenBegin && date.tokenEnd <= m.tokenEnd)) continue;
      const value = anchoredDate(date.timex.value, publishedAt, pastTense);
      if (!value) continue;
      if (lemmas.some((lemma) => END_VERBS.has(lemma))) ends.push(value);
      else if (lemmas.some((lemma) => START_VERBS.has(lemma))) starts.push(value);
      else others.push(value);
    }
  }
  const sorted = (values: string[]): string[] => [...values].sort();
  const startDate = sorted(starts)[0] ?? sorted(others)[0];
  const endDate = sorted(ends).at(-1) ?? sorted(others).at(-1);
  const dates: { startDate?: string; endDate?: string } = {};
  if (startDate) dates.startDate = startDate;
  if (endDate && (!startDate || endDate.slice(0, startDate.length) >= startDate.slice(0, endDate.length))) dates.endDate = endDate;
  return dates;
}
