import type { NlpDocument } from '../../nlp/annotation.js';
import type { Span } from '../types.js';
import { spanOf } from './candidate.js';
import { KNOWN_CATEGORIES, ORGANIZATION_HEADS } from './lexicon.js';
import { sentenceViews, type SentenceView } from './sentence-view.js';

/** A news outlet named as the publisher of what the article reports: a source, not an entity. */
export interface OutletMention extends Span {
  sentence: number;
  tokenBegin: number;
  tokenEnd: number;
  text: string;
  rule: string;
}

/** Last words of outlet names: "The Baltic Times", "Global Times", "Tasnim News Agency", "MSN News". */
const OUTLET_LAST_WORDS = new Set([
  'times',
  'news',
  'post',
  'journal',
  'herald',
  'tribune',
  'gazette',
  'telegraph',
  'guardian',
  'daily',
  'weekly',
  'magazine',
  'radio',
  'tv',
  'television',
  'broadcasting',
  'press',
  'chronicle',
  'observer',
  'mail',
  'express',
  'independent',
  'economist',
  'insider',
  'wire',
  'newswire',
  'today',
]);
/** Wire services and broadcasters whose names carry no such word. */
const KNOWN_OUTLETS = new Set([
  'reuters',
  'ap',
  'afp',
  'agencefrancepresse',
  'xinhua',
  'tass',
  'rianovosti',
  'ria',
  'interfax',
  'bloomberg',
  'bbc',
  'cnn',
  'aljazeera',
  'yonhap',
  'kyodo',
  'ansa',
  'efe',
  'dpa',
  'anadolu',
  'irna',
  'tasnim',
  'fars',
  'kcna',
  'sputnik',
  'nhk',
  'cbs',
  'nbc',
  'abc',
  'msnbc',
  'politico',
  'axios',
  'msn',
  'ukrinform',
  'pap',
  'bernama',
  'antara',
  'pti',
]);
/** Nouns for what outlets publish; "an article in X", "a report by X". */
const PUBLICATION_NOUNS = new Set([
  'article',
  'report',
  'piece',
  'story',
  'interview',
  'editorial',
  'column',
  'op-ed',
  'dispatch',
  'broadcast',
  'newspaper',
  'magazine',
  'outlet',
  'daily',
  'commentary',
  'podcast',
]);
const PUBLICATION_VERBS = new Set(['report', 'write', 'publish', 'broadcast', 'quote', 'cite', 'air']);

function looksLikeOutletName(words: string[]): boolean {
  const last = (words[words.length - 1] ?? '').toLowerCase();
  if (OUTLET_LAST_WORDS.has(last)) return true;
  if (last === 'agency' && ['news', 'press'].includes((words[words.length - 2] ?? '').toLowerCase())) return true;
  return KNOWN_OUTLETS.has(
    words
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, ''),
  );
}

/** Institutions by their head noun ("Ministry", "Command") report too, but are never outlets. */
function isInstitution(words: string[]): boolean {
  const last = (words[words.length - 1] ?? '').toLowerCase();
  const category = ORGANIZATION_HEADS[last] ?? KNOWN_CATEGORIES[last];
  return category !== undefined && category !== 'media' && category !== 'other';
}

/** "an article in", "a report published by", "told": what puts a name in the publisher's place. */
function inPublicationContext(view: SentenceView, begin: number, end: number): boolean {
  const before = view.lowerWord(begin - 1);
  if (before === 'told' || (before === 'to' && view.lemma(begin - 2) === 'speak')) return true;
  if (['in', 'by', 'from', 'on', 'to'].includes(before)) {
    for (let position = begin - 2; position >= Math.max(0, begin - 5); position--) {
      if (PUBLICATION_NOUNS.has(view.lemma(position)) || PUBLICATION_NOUNS.has(view.lowerWord(position))) return true;
      if (view.word(position) === ',' || (view.token(position)?.pos.startsWith('VB') === true && view.lemma(position) !== 'publish')) break;
    }
  }
  const after = view.token(end);
  // "La Tercera newspaper reported", "the Xinhua news agency".
  if (PUBLICATION_NOUNS.has(view.lowerWord(end)) || (view.lowerWord(end) === 'news' && view.lowerWord(end + 1) === 'agency')) return true;
  return after !== undefined && after.pos.startsWith('VB') && PUBLICATION_VERBS.has(after.lemma.toLowerCase());
}

/**
 * Whether the token range names a news outlet: an outlet's kind of name, or
 * any organization's name (not an institution's) where a publisher stands.
 */
export function isOutletMention(view: SentenceView, begin: number, end: number): boolean {
  let first = begin;
  if (view.lowerWord(first) === 'the' && end - first > 1) first++;
  const words = view.tokens.slice(first, end).map((token) => token.word);
  if (looksLikeOutletName(words)) return true;
  return !isInstitution(words) && inPublicationContext(view, first, end);
}

/** A capitalized run after a publication noun that NER missed: "an article in The National Interest". */
function capitalizedRunAfter(view: SentenceView, begin: number): number {
  let end = begin;
  while (view.token(end) && /^(\p{Lu}|\d)/u.test(view.word(end)) && !['NATIONALITY', 'DATE'].includes(view.token(end)?.ner ?? '')) end++;
  return end;
}

/** Every outlet the article names as a publisher, for attribution to make the report's source. */
export function findOutletMentions(doc: NlpDocument, text: string): OutletMention[] {
  const found: OutletMention[] = [];
  for (const view of sentenceViews(doc)) {
    const covered = new Set<number>();
    for (const mention of view.sentence.entitymentions) {
      if (!['ORGANIZATION', 'MISC', 'PERSON'].includes(mention.ner) || !isOutletMention(view, mention.tokenBegin, mention.tokenEnd)) continue;
      // A capitalized "The" mid-sentence is part of a title: "in The Washington Post".
      const begin = mention.tokenBegin > 1 && view.word(mention.tokenBegin - 1) === 'The' ? mention.tokenBegin - 1 : mention.tokenBegin;
      for (let position = begin; position < mention.tokenEnd; position++) covered.add(position);
      found.push({ ...spanOf(view, text, begin, mention.tokenEnd), sentence: view.index, tokenBegin: begin, tokenEnd: mention.tokenEnd, rule: 'outlet:named' });
    }
    view.tokens.forEach((token, position) => {
      if (!['in', 'by'].includes(token.word.toLowerCase())) return;
      const end = capitalizedRunAfter(view, position + 1);
      if (end === position + 1 || !inPublicationContext(view, position + 1, end)) return;
      for (let inside = position + 1; inside < end; inside++) if (covered.has(inside)) return;
      const begin = position + 1;
      found.push({ ...spanOf(view, text, begin, end), sentence: view.index, tokenBegin: begin, tokenEnd: end, rule: 'outlet:publication-context' });
    });
  }
  return found;
}
