import { candidateAt, type Candidate } from './candidate.js';
import { OCCASION_NOUNS, OPERATION_NOUNS, ORGANIZATION_NAMED_OCCASIONS, PLACE_NAMED_OCCASIONS } from './lexicon.js';
import { isOwnName, nameRunEndingAt, nameRunFrom, type NameRun } from './name-runs.js';
import type { SentenceView } from './sentence-view.js';

const NAMING_VERBS = new Set(['dubbed', 'named', 'called', 'codenamed', 'code-named', 'titled']);
const QUOTES = new Set(['"', '``', "''", '“', '”', "'"]);
/** Words that may stand between a name and its event noun: "Baltic Sentry patrol mission", "a two-week naval exercise". */
const DESCRIPTOR_POS = /^(DT|CD|JJ|NN|NNS|HYPH|VBN|RB)$/;

function isEventNoun(view: SentenceView, position: number): boolean {
  const token = view.token(position);
  if (!token || !/^\p{Ll}/u.test(token.word) || !token.pos.startsWith('NN')) return false;
  return OPERATION_NOUNS.has(token.word.toLowerCase()) || OCCASION_NOUNS.has(token.word.toLowerCase());
}

function skipQuotes(view: SentenceView, position: number, step: 1 | -1): number {
  let current = position;
  while (QUOTES.has(view.word(current))) current += step;
  return current;
}

function eventFrom(view: SentenceView, text: string, run: NameRun, rule: string, noun?: number): Candidate {
  const range = noun === undefined ? run : { begin: run.begin, end: noun + 1 };
  return candidateAt(view, text, range, { type: 'EVENT', rule, confidence: 0.75 });
}

/** "the Baltic Sentry patrol mission", "the COVID-19 pandemic", "the G20 summit". */
function premodifiedName(view: SentenceView, text: string, noun: number): Candidate | undefined {
  const word = view.lowerWord(noun);
  let end = noun;
  // Operations may have lowercase descriptors between name and noun; occasions are named right before theirs.
  const descriptors = OPERATION_NOUNS.has(word) ? 3 : 0;
  const isDescriptor = (position: number): boolean => /^\p{Ll}/u.test(view.word(position)) && /^(NN|NNS|JJ)$/.test(view.token(position)?.pos ?? '');
  for (let skipped = 0; skipped < descriptors && isDescriptor(end - 1); skipped++) end--;
  const run = nameRunEndingAt(view, end);
  if (!run) return undefined;
  const allowed = [
    ...(PLACE_NAMED_OCCASIONS.has(word) ? ['COUNTRY', 'LOCATION', 'CITY', 'STATE_OR_PROVINCE'] : []),
    ...(ORGANIZATION_NAMED_OCCASIONS.has(word) ? ['ORGANIZATION'] : []),
  ];
  if (!isOwnName(view, run, allowed)) return undefined;
  if (OPERATION_NOUNS.has(word)) return eventFrom(view, text, run, 'event:named-operation');
  return eventFrom(view, text, run, 'event:named-occasion', noun);
}

/**
 * Where a naming verb after the noun introduces the name: "an exercise dubbed
 * Iron Wolf", "the operation, code-named X", "an operation the military
 * called Northern Arrows".
 */
function namingVerbAfter(view: SentenceView, noun: number): number | undefined {
  for (let position = noun + 1; position <= noun + 4; position++) {
    if (NAMING_VERBS.has(view.lowerWord(position)) && view.token(position)?.pos.startsWith('VB')) return position;
    if (/^[.;:!?]$/.test(view.word(position))) return undefined;
  }
  return undefined;
}

/** "the exercises West/Interaction-2021", "exercise Iron Wolf-2024", "an operation the military called Northern Arrows". */
function followingName(view: SentenceView, text: string, noun: number): Candidate | undefined {
  if (!OPERATION_NOUNS.has(view.lowerWord(noun))) return undefined;
  const naming = namingVerbAfter(view, noun);
  const run = nameRunFrom(view, skipQuotes(view, naming === undefined ? noun + 1 : naming + 1, 1));
  if (!run) return undefined;
  // An explicit naming verb outweighs NER's guess; right after the noun, "the exercise Garuda Southern
  // Cross will be held" names it, "the exercises NATO held" does not.
  const finiteVerbNext = /^(VBD|VBZ|VBP)$/.test(view.token(skipQuotes(view, run.end, 1))?.pos ?? '');
  const allowed = naming !== undefined || !finiteVerbNext ? ['ORGANIZATION', 'LOCATION'] : [];
  return isOwnName(view, run, allowed) ? eventFrom(view, text, run, 'event:named-exercise') : undefined;
}

/** "Amber Shield-25, a two-week naval exercise": a name in apposition to an event noun. */
function appositiveName(view: SentenceView, text: string, noun: number): Candidate | undefined {
  if (!OPERATION_NOUNS.has(view.lowerWord(noun))) return undefined;
  let position = noun - 1;
  while (position > 0 && noun - position < 7 && DESCRIPTOR_POS.test(view.token(position)?.pos ?? '') && view.word(position) !== ',') position--;
  if (view.word(position) !== ',' || !['a', 'an', 'the'].includes(view.lowerWord(position + 1))) return undefined;
  const run = nameRunEndingAt(view, skipQuotes(view, position - 1, -1) + 1);
  return run && isOwnName(view, run) ? eventFrom(view, text, run, 'event:named-exercise') : undefined;
}

/** '"Zapad-2021" is the name of the drill', "Iron Wolf is the code name for the operation". */
function namedByCopula(view: SentenceView, text: string, noun: number): Candidate | undefined {
  let position = noun - 1;
  while (position > 0 && ['DT', 'JJ', 'PRP$'].includes(view.token(position)?.pos ?? '')) position--;
  if (!['of', 'for'].includes(view.lowerWord(position)) || !['name', 'codename'].includes(view.lowerWord(position - 1))) return undefined;
  position -= 2;
  if (view.lowerWord(position) === 'the') position--;
  if (view.lemma(position) !== 'be') return undefined;
  const end = skipQuotes(view, position - 1, -1) + 1;
  const run = nameRunEndingAt(view, end);
  return run && isOwnName(view, run) ? eventFrom(view, text, run, 'event:named-exercise') : undefined;
}

/** Named events of one sentence. Headlines are skipped: all their words are capitalized. */
export function namedEventCandidates(view: SentenceView, text: string): Candidate[] {
  if (view.isTitleLine) return [];
  const found: Candidate[] = [];
  view.tokens.forEach((_, position) => {
    if (!isEventNoun(view, position)) return;
    for (const rule of [premodifiedName, followingName, appositiveName, namedByCopula]) {
      const candidate = rule(view, text, position);
      if (candidate && !found.some((other) => other.start === candidate.start && other.end === candidate.end)) found.push(candidate);
    }
  });
  return found;
}
