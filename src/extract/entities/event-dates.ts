import type { Candidate } from './candidate.js';
import type { SentenceView } from './sentence-view.js';
import { anchoredDate, isDatelineDate, tenseOf, type Tense } from './timex.js';

const START_VERBS = new Set(['begin', 'start', 'open', 'launch', 'kick', 'commence']);
const END_VERBS = new Set(['end', 'conclude', 'close', 'finish', 'wrap']);

function distance(mention: Candidate, begin: number): number {
  return begin >= mention.tokenEnd ? begin - mention.tokenEnd : Math.max(0, mention.tokenBegin - begin);
}

/** The tense of the clause a date belongs to: the first verb above it, with its auxiliaries. */
function tenseAt(view: SentenceView, position: number): Tense {
  let current = position;
  for (let guard = 0; guard < 12 && current >= 0; guard++) {
    const token = view.token(current);
    const auxiliaries = view
      .dependents(current)
      .filter((d) => d.rel.startsWith('aux'))
      .map((d) => view.token(d.position));
    // A bare participle ("an exercise led by Ukraine") takes its tense from the clause above it.
    const bareParticiple = (token?.pos === 'VBN' || token?.pos === 'VBG') && auxiliaries.length === 0;
    // A root participle with a subject is a past tense the tagger misread ("Sea Breeze opened in July").
    if (bareParticiple && token?.pos === 'VBN' && view.headOf(current) < 0 && view.dependents(current).some((d) => d.rel === 'nsubj')) return 'past';
    if (token?.pos.startsWith('VB') && !bareParticiple) {
      if (auxiliaries.some((aux) => aux?.pos === 'MD' && ['will', "'ll", 'shall'].includes(aux.word.toLowerCase()))) return 'future';
      if (token.pos === 'VBD' || auxiliaries.some((aux) => aux?.pos === 'VBD')) return 'past';
      if (token.pos === 'VBN' && auxiliaries.some((aux) => aux?.lemma === 'have')) return 'past';
      return auxiliaries.length > 0 || token.pos !== 'VB' ? 'present' : tenseOf(view.tokens);
    }
    current = view.headOf(current);
  }
  return tenseOf(view.tokens);
}

/**
 * Dates of an event from the sentences that mention it by name or as "the
 * exercise". A date goes to the event mentioned nearest to it, when a
 * sentence speaks of two. A date in a sentence with a starting verb starts
 * the event, one with an ending verb ends it; other dates bound it from both sides.
 */
export function eventDates(
  mentions: Candidate[],
  allEventMentions: Candidate[],
  views: SentenceView[],
  publishedAt: string | null,
): { startDate?: string; endDate?: string } {
  const starts: string[] = [];
  const ends: string[] = [];
  const others: string[] = [];
  const own = mentions.filter((m) => m.kind !== 'pronoun');
  for (const index of new Set(own.map((m) => m.sentence))) {
    const view = views[index];
    if (!view || view.isTitleLine) continue;
    const lemmas = view.tokens.filter((token) => token.pos.startsWith('VB')).map((token) => token.lemma.toLowerCase());
    const here = own.filter((m) => m.sentence === index);
    const rivals = allEventMentions.filter((m) => m.sentence === index && !mentions.includes(m) && m.kind !== 'pronoun');
    for (const date of view.sentence.entitymentions) {
      const timex = date.timex?.value ?? date.timex?.altValue;
      if (date.ner !== 'DATE' || timex === undefined) continue;
      if (isDatelineDate(date.text)) continue;
      if (here.some((m) => m.tokenBegin <= date.tokenBegin && date.tokenEnd <= m.tokenEnd)) continue;
      // "the November ceasefire", "Tuesday's vote": a date modifying another noun dates that noun.
      const relation = view.headArc(view.headOfSpan(date.tokenBegin, date.tokenEnd))?.dep ?? '';
      if (['compound', 'amod', 'nmod:poss'].includes(relation)) continue;
      const mine = Math.min(...here.map((m) => distance(m, date.tokenBegin)));
      if (rivals.some((m) => distance(m, date.tokenBegin) < mine)) continue;
      const value = anchoredDate(timex, publishedAt, tenseAt(view, date.tokenBegin));
      if (!value) continue;
      if (lemmas.some((lemma) => END_VERBS.has(lemma))) ends.push(value);
      else if (lemmas.some((lemma) => START_VERBS.has(lemma))) starts.push(value);
      else others.push(value);
    }
  }
  // "this year" and "on Monday" both said: the more precise date wins.
  const sorted = (values: string[]): string[] => values.filter((v) => !values.some((w) => w.length > v.length && w.startsWith(v))).sort();
  const startDate = sorted(starts)[0] ?? sorted(others)[0];
  const endDate = sorted(ends).at(-1) ?? (starts.length > 0 ? undefined : sorted(others).at(-1));
  const dates: { startDate?: string; endDate?: string } = {};
  if (startDate) dates.startDate = startDate;
  if (endDate && (!startDate || endDate.slice(0, startDate.length) >= startDate.slice(0, endDate.length))) dates.endDate = endDate;
  return dates;
}
