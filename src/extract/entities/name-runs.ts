import type { SentenceView } from './sentence-view.js';

/**
 * Runs of tokens that read as a proper name: capitalized or numbered words,
 * and the slashes and hyphens glued between them ("West/Interaction-2021",
 * "Amber Shield-25", "COVID-19").
 */
const JOINERS = new Set(['/', '-', '–']);
const NOT_NAME_TAGS = new Set(['NATIONALITY', 'DATE', 'TIME', 'DURATION', 'NUMBER', 'ORDINAL', 'PERCENT', 'MONEY', 'TITLE', 'SET']);

function isNameToken(view: SentenceView, position: number): boolean {
  const token = view.token(position);
  if (!token) return false;
  if (JOINERS.has(token.word)) return view.gluedToPrevious(position) && view.gluedToPrevious(position + 1);
  // A number glued to a name ("Shield-25") or a year after one ("Sea Breeze 2023") is part of it;
  // any other number is a quantity or a date.
  if (NOT_NAME_TAGS.has(token.ner) && !(view.gluedToPrevious(position) && /^\d/.test(token.word)) && !isYearAfterName(view, position)) return false;
  return /^[\p{Lu}\d]/u.test(token.word) && token.pos !== 'POS';
}

function isYearAfterName(view: SentenceView, position: number): boolean {
  const previous = view.token(position - 1);
  return /^\d{4}$/.test(view.word(position)) && previous !== undefined && /^\p{Lu}/u.test(previous.word) && !NOT_NAME_TAGS.has(previous.ner);
}

export interface NameRun {
  begin: number;
  end: number;
}

function trimmed(view: SentenceView, run: NameRun): NameRun | undefined {
  let { begin, end } = run;
  if (view.word(begin) === 'The') begin++;
  while (end > begin && JOINERS.has(view.word(end - 1))) end--;
  return end > begin ? { begin, end } : undefined;
}

export function nameRunFrom(view: SentenceView, begin: number): NameRun | undefined {
  let end = begin;
  while (isNameToken(view, end) || (end === begin && view.word(end) === 'The')) end++;
  return trimmed(view, { begin, end });
}

export function nameRunEndingAt(view: SentenceView, end: number): NameRun | undefined {
  let begin = end;
  while (begin > 0 && isNameToken(view, begin - 1)) begin--;
  return trimmed(view, { begin, end });
}

/** NER tags that make a run some other kind of entity, not an event's own name. */
export function tagsOf(view: SentenceView, run: NameRun): Set<string> {
  const tags = new Set<string>();
  for (let position = run.begin; position < run.end; position++) {
    const token = view.token(position);
    if (token && /\p{L}/u.test(token.word)) tags.add(token.ner);
  }
  return tags;
}

/**
 * Whether a run is a name of its own: it has a letter, it is not a lone
 * sentence-initial capital ("Military exercises began"), and some word of it
 * is not another entity's name.
 */
export function isOwnName(view: SentenceView, run: NameRun, allowedTags: readonly string[] = []): boolean {
  const tags = tagsOf(view, run);
  if (tags.size === 0) return false;
  if (run.end - run.begin === 1 && run.begin === 0 && !view.token(0)?.pos.startsWith('NNP')) return false;
  const ownTags = ['O', 'MISC', ...allowedTags];
  if (isNationalityRun(view, run)) return false;
  return [...tags].some((tag) => ownTags.includes(tag)) && ![...tags].some((tag) => tag === 'PERSON');
}

/** "Russian-Chinese" tagged MISC is two nationalities, not a name. */
function isNationalityRun(view: SentenceView, run: NameRun): boolean {
  const words = view.tokens.slice(run.begin, run.end).filter((token) => /\p{L}/u.test(token.word));
  return words.every((token) => ['MISC', 'NATIONALITY'].includes(token.ner) && /(an|ese|ish|i|ic)$/i.test(token.word));
}
