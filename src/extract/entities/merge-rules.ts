import { normalizeName } from '../../model/names.js';
import type { Candidate } from './candidate.js';

/**
 * When two groups of mentions are one entity although their names differ:
 * a surname and the full name, an acronym and the name it abbreviates, an
 * exercise's name with and without its number. Each rule must find exactly
 * one partner, or it merges nothing.
 */
export interface Group {
  key: string;
  type: Candidate['type'];
  mentions: Candidate[];
}

function covers(mention: Candidate, sentence: number, position: number): boolean {
  return mention.sentence === sentence && mention.tokenBegin <= position && position < mention.tokenEnd;
}

/** The group with a mention over the token at `position` (0-based) of sentence `sentence`. */
export function groupAt(groups: Group[], sentence: number, position: number): Group | undefined {
  return groups.find((group) => group.mentions.some((mention) => covers(mention, sentence, position)));
}

export const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'in', '&']);

function bestName(group: Group): string {
  return group.mentions.reduce((best, mention) => (mention.name.length > best.length ? mention.name : best), '');
}

function words(name: string): string[] {
  return name.split(/\s+/).filter((word) => word !== '');
}

export function initialsOf(name: string): string {
  return words(name)
    .filter((word) => !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => word[0] ?? '')
    .join('')
    .toUpperCase();
}

/** "Wu" → "Wu Qian" (family name first), "Vollmer" → "Katrin Vollmer". */
function surnameOf(short: Group, long: Group): boolean {
  const single = words(bestName(short));
  const full = words(bestName(long));
  return single.length === 1 && full.length >= 2 && (full[0] === single[0] || full[full.length - 1] === single[0]);
}

/**
 * Whether the letters spell the words in order, each word giving its initial
 * and maybe more of its letters: "ASEAN" in "Association of SouthEast Asian Nations".
 */
export function spells(letters: string, wordsLeft: string[]): boolean {
  const [word, ...rest] = wordsLeft;
  if (word === undefined) return letters === '';
  if (letters[0] !== word[0]) return false;
  for (let taken = 1; taken <= letters.length; taken++) {
    const used = letters.slice(1, taken);
    let cursor = 1;
    const inWord = [...used].every((letter) => (cursor = word.indexOf(letter, cursor) + 1) > 0);
    if (inWord && spells(letters.slice(taken), rest)) return true;
  }
  return false;
}

/** "SCO" → "Shanghai Cooperation Organization", "ASEAN" → "Association of Southeast Asian Nations". */
function acronymOf(short: Group, long: Group): boolean {
  const acronym = bestName(short).replace(/\./g, '');
  const longWords = words(bestName(long))
    .filter((word) => !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => word.toUpperCase());
  if (!/^[A-Z]{2,6}$/.test(acronym) || longWords.length < 2) return false;
  return initialsOf(bestName(long)) === acronym || spells(acronym, longWords);
}

/** "People's Liberation Army" → "Chinese People's Liberation Army". */
function nameSuffixOf(short: Group, long: Group): boolean {
  const shortName = bestName(short);
  return words(shortName).length >= 2 && bestName(long).endsWith(` ${shortName}`);
}

/** Event names without their number or year: "Amber Shield" and "Amber Shield-25". */
function eventStem(name: string): string {
  return normalizeName(name.replace(/[\s\-/]*\d+$/, ''));
}

/** "West/Interaction-2021" and "Zapad/Interaction-2021": a shared part with letters and digits. */
function numberedParts(name: string): Set<string> {
  return new Set(
    name
      .split(/[\s/]+/)
      .filter((part) => /\p{L}/u.test(part) && /\d/.test(part))
      .map(normalizeName),
  );
}

function sameEvent(a: Group, b: Group): boolean {
  const nameA = bestName(a);
  const nameB = bestName(b);
  if (eventStem(nameA) !== '' && eventStem(nameA) === eventStem(nameB)) return true;
  const partsB = numberedParts(nameB);
  return [...numberedParts(nameA)].some((part) => partsB.has(part));
}

/** A form both groups carry: "SCO" after "Shanghai Cooperation Organization (SCO)" was tied to it. */
function sharesForm(a: Group, b: Group): boolean {
  const forms = new Set(a.mentions.map((mention) => normalizeName(mention.name)));
  return b.mentions.some((mention) => forms.has(normalizeName(mention.name)));
}

function uniquePartner(group: Group, groups: Group[], related: (short: Group, long: Group) => boolean): Group | undefined {
  const partners = groups.filter((other) => other !== group && other.type === group.type && related(group, other));
  return partners.length === 1 ? partners[0] : undefined;
}

/** Merges groups in place until no rule applies; returns the surviving groups. */
export function mergeGroups(initial: Group[]): Group[] {
  let groups = [...initial];
  const rules: [Candidate['type'], (short: Group, long: Group) => boolean][] = [
    ['PERSON', surnameOf],
    ['ORGANIZATION', acronymOf],
    ['ORGANIZATION', nameSuffixOf],
    ['EVENT', sameEvent],
    ...(['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT'] as const).map((type) => [type, sharesForm] as [Candidate['type'], typeof sharesForm]),
  ];
  let merged = true;
  while (merged) {
    merged = false;
    for (const group of groups) {
      for (const [type, rule] of rules) {
        if (group.type !== type) continue;
        const partner = uniquePartner(group, groups, rule);
        if (!partner) continue;
        partner.mentions.push(...group.mentions);
        groups = groups.filter((other) => other !== group);
        merged = true;
        break;
      }
      if (merged) break;
    }
  }
  return groups;
}
