import type { Candidate } from './candidate.js';
import { ARMED_GROUP_CUES, KNOWN_CATEGORIES, ORGANIZATION_HEADS } from './lexicon.js';
import type { SentenceView } from './sentence-view.js';
import { normalizeName } from '../../model/names.js';

/** TITLE mentions right before a person's name: "Lieutenant General" in "Lieutenant General Liu Xiaowu". */
export function titlesBefore(view: SentenceView, mention: Candidate): string[] {
  const titles: string[] = [];
  let end = mention.tokenBegin;
  for (;;) {
    const title = view.sentence.entitymentions.find((m) => m.ner === 'TITLE' && m.tokenEnd === end);
    if (!title) break;
    titles.unshift(title.text);
    end = title.tokenBegin;
  }
  return titles;
}

/**
 * A person's title is the formal one written capitalized before the name
 * ("President Joe Biden", "Rear Admiral Katrin Vollmer"); a lowercase
 * descriptor ("spokesperson Wu Qian") is a role, not a title.
 */
export function formalTitle(titles: string[]): string | undefined {
  const formal = titles.filter((title) => /^\p{Lu}/u.test(title));
  return formal.length > 0 ? formal.join(' ') : undefined;
}

const POLITICAL_BODIES = new Set(['congress', 'alliance', 'front', 'union', 'movement', 'league', 'coalition']);
const POLITICAL_CREEDS = new Set([
  'democratic',
  'socialist',
  'progressive',
  'liberal',
  'conservative',
  'republican',
  'labour',
  'labor',
  'revolutionary',
  'patriotic',
  'communist',
  'nationalist',
  'green',
  'christian',
]);
const MILITARY_MODIFIERS = new Set(['military', 'naval', 'maritime', 'marine', 'armed', 'army', 'navy', 'air', 'amphibious', 'defence', 'defense']);

function categoryFromName(name: string): string | undefined {
  const known = KNOWN_CATEGORIES[normalizeName(name)];
  if (known) return known;
  const words = name
    .toLowerCase()
    .split(/[\s']+/)
    .filter((word) => /\p{L}/u.test(word));
  const head = [...words].reverse().find((word) => ORGANIZATION_HEADS[word] !== undefined);
  const category = head === undefined ? undefined : ORGANIZATION_HEADS[head];
  // "National Democratic Congress", "Patriotic Front": a generic body named by a political creed is a party.
  if (head !== undefined && POLITICAL_BODIES.has(head) && words.some((word) => POLITICAL_CREEDS.has(word))) return 'political';
  // A generic head ("Standing NATO Maritime Group") takes its kind from its modifiers.
  if ((category === undefined || category === 'other') && words.some((word) => MILITARY_MODIFIERS.has(word))) return 'military';
  return category;
}

/** "the militant group X", "X, a rebel movement", "X as the terrorist organization". */
function describedAsArmedGroup(view: SentenceView, mention: Candidate): boolean {
  for (let position = Math.max(0, mention.tokenBegin - 3); position < Math.min(view.tokens.length, mention.tokenEnd + 5); position++) {
    if (position >= mention.tokenBegin && position < mention.tokenEnd) continue;
    if (ARMED_GROUP_CUES.has(view.lowerWord(position))) return true;
  }
  return false;
}

/** "the SBU security service", "the AUKUS pact": a lowercase head noun right after the name says what it is. */
function categoryFromNextNoun(view: SentenceView | undefined, mention: Candidate): string | undefined {
  for (let position = mention.tokenEnd; view && position < mention.tokenEnd + 2; position++) {
    const token = view.token(position);
    if (!token || !/^\p{Ll}/u.test(token.word) || !token.pos.startsWith('NN')) return undefined;
    const category = ORGANIZATION_HEADS[token.word];
    if (category !== undefined && category !== 'other') return category;
  }
  return undefined;
}

/** An organization's category: by its name's head noun, a short list of known names, then its description in the text. */
export function organizationCategory(name: string, mentions: Candidate[], views: SentenceView[]): string {
  // "the paramilitary Rapid Support Forces": a cue word right before the name outweighs its head noun.
  const cuedBefore = mentions.some((mention) => {
    const view = views[mention.sentence];
    return view !== undefined && mention.kind !== 'pronoun' && [1, 2].some((back) => ARMED_GROUP_CUES.has(view.lowerWord(mention.tokenBegin - back)));
  });
  if (cuedBefore) return 'armed_group';
  const fromName =
    mentions.map((mention) => categoryFromName(mention.name)).find((category) => category !== undefined && category !== 'other') ??
    mentions.map((mention) => categoryFromNextNoun(views[mention.sentence], mention)).find((category) => category !== undefined) ??
    categoryFromName(name);
  if (fromName !== undefined && fromName !== 'other') return fromName;
  const described = mentions.some((mention) => {
    const view = views[mention.sentence];
    return view !== undefined && mention.kind !== 'pronoun' && describedAsArmedGroup(view, mention);
  });
  return described ? 'armed_group' : (fromName ?? 'other');
}
