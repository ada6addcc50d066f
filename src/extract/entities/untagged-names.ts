import { candidateAt, type Candidate } from './candidate.js';
import { countryNamed, countryWithCapital } from './gazetteer.js';
import { EVENT_NAME_HEADS, ORGANIZATION_HEADS } from './lexicon.js';
import { nameRunEndingAt } from './name-runs.js';
import type { SentenceView } from './sentence-view.js';

/**
 * Names NER leaves untagged, recognised by the noun that follows or ends them.
 */

/** Lowercase nouns after a proper name that make it a grouping of states or parties: "the AUKUS pact". */
const GROUPING_NOUNS = new Set(['pact', 'alliance', 'partnership', 'bloc', 'grouping', 'coalition']);

function untagged(view: SentenceView, begin: number, end: number): boolean {
  return view.tokens.slice(begin, end).every((token) => token.ner === 'O');
}

/** "the AUKUS pact", "the Quad grouping": an untagged proper name before a grouping noun. */
export function groupingCandidates(view: SentenceView, text: string): Candidate[] {
  if (view.isTitleLine) return [];
  const found: Candidate[] = [];
  view.tokens.forEach((token, position) => {
    if (!GROUPING_NOUNS.has(token.word) || ORGANIZATION_HEADS[token.word] === undefined) return;
    const run = nameRunEndingAt(view, position);
    if (!run || run.begin === 0 || !untagged(view, run.begin, run.end)) return;
    if (!view.tokens.slice(run.begin, run.end).every((t) => t.pos.startsWith('NNP'))) return;
    found.push(candidateAt(view, text, run, { type: 'ORGANIZATION', rule: 'organization:grouping-noun', confidence: 0.6 }));
  });
  return found;
}

const POSSESSIVES = new Set(["'", "'s", '’', '’s']);

/**
 * "the ASEAN Defence Ministers' Meeting-Plus", "the Shangri-La Dialogue":
 * a capitalized run ending in a capitalized event word, possessives inside.
 */
export function titledEventCandidates(view: SentenceView, text: string): Candidate[] {
  if (view.isTitleLine) return [];
  const found: Candidate[] = [];
  view.tokens.forEach((token, position) => {
    if (position === 0 || !/^\p{Lu}/u.test(token.word) || !EVENT_NAME_HEADS.has(token.word.toLowerCase())) return;
    let begin = position;
    for (;;) {
      const run = nameRunEndingAt(view, begin);
      if (run && run.end === begin && run.begin < begin) begin = run.begin;
      else if (POSSESSIVES.has(view.word(begin - 1)) && /^\p{Lu}/u.test(view.word(begin - 2))) begin -= 1;
      else break;
    }
    let end = position + 1;
    while (view.gluedToPrevious(end) && (/^[-/]$/.test(view.word(end)) || /^[\p{Lu}\d]/u.test(view.word(end)))) end++;
    while (end > position + 1 && /^[-/]$/.test(view.word(end - 1))) end--;
    if (begin === position || begin === 0) return;
    // Inside an organization's name ("Conference of Bishops") it is no event.
    if (view.sentence.entitymentions.some((m) => m.ner === 'ORGANIZATION' && m.tokenBegin <= position && position < m.tokenEnd && m.tokenEnd > end)) return;
    found.push(candidateAt(view, text, { begin, end }, { type: 'EVENT', rule: 'event:named-occasion', confidence: 0.7 }));
  });
  return found;
}

/**
 * Countries and capitals NER left untagged ("Kyiv has said ...", a dateline
 * "KYIV, March 4"): proper nouns the gazetteer knows. Capitals come out as
 * places; metonymy decides later whether they stand for their country.
 */
export function gazetteerCandidates(view: SentenceView, text: string): Candidate[] {
  const found: Candidate[] = [];
  let position = 0;
  while (position < view.tokens.length) {
    let matched = 0;
    for (let length = 3; length >= 1 && matched === 0; length--) {
      const tokens = view.tokens.slice(position, position + length);
      if (tokens.length < length || !tokens.every((t) => t.ner === 'O' && t.pos.startsWith('NNP'))) continue;
      const surface = candidateAt(view, text, { begin: position, end: position + length }, { type: 'LOCATION', rule: 'gazetteer:capital', confidence: 0.7 });
      const country = countryNamed(surface.text);
      if (country) found.push({ ...surface, type: 'COUNTRY', name: country.name, canonicalKey: `COUNTRY:${country.name}`, rule: 'gazetteer:country' });
      else if (countryWithCapital(surface.text)) found.push(surface);
      else continue;
      matched = length;
    }
    position += Math.max(1, matched);
  }
  return found;
}
