import type { EntityType } from '../../src/model/types.js';
import { hash32 } from './random.js';

/**
 * Entity names that look like words but never collide. Each entity owns a
 * code word (its index, scrambled, written in consonant–vowel syllables of a
 * fixed count). Every name and alias of a type puts the code word at the same
 * end of its normalized key, so no two entities ever share a key and a load
 * creates exactly one entity per record, with no ambiguous matches.
 */

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v));
/** Coprime to 70^L (70 = 2·5·7), so index → code word is a bijection. */
const SCRAMBLE = 7919;

export const ORGANIZATION_SUFFIXES = {
  military: ['Defense Forces', 'Armed Forces', 'Air Wing', 'Naval Command'],
  government: ['Ministry of Interior', 'State Council', 'Border Agency', 'Foreign Ministry'],
  intergovernmental: ['Union', 'Security Pact', 'Trade Commission'],
  armed_group: ['Brigade', 'Liberation Front', 'Militia'],
  media: ['Times', 'Broadcasting', 'Herald'],
  political: ['Party', 'Movement', 'Alliance'],
  other: ['Foundation', 'Institute', 'Group'],
} as const;
export type OrganizationCategory = keyof typeof ORGANIZATION_SUFFIXES;
const CATEGORIES = Object.keys(ORGANIZATION_SUFFIXES) as OrganizationCategory[];

const LOCATION_SUFFIXES = ['', 'Valley', 'City', 'Heights', 'Province', 'Port', 'Airbase'];
const EVENT_SUFFIXES = ['Summit', 'Offensive', 'Accords', 'Exercise', 'Talks', 'Crisis', 'Elections'];

/**
 * Given names that are not plain ASCII, for about one person in eight:
 * diacritics, an apostrophe, a hyphen, Cyrillic, Greek and Han script (all
 * in the Basic Multilingual Plane). They test search on what real names
 * hold: tokenizing, accent folding and ordering must agree between the
 * benchmark's contenders (q4). Each normalizes to letters only, before the
 * code word, so keys stay unique.
 */
export const WIDE_GIVEN_NAMES = ['Zoë', 'José', 'Ōta', "O'Neill", 'Jean-Luc', 'Łukasz', 'Алексей', 'Νίκη', 'Nguyễn', 'Søren', 'Çağla', '明华'];

/** Which salt of hash32 feeds which choice, so choices stay independent. */
const enum Salt {
  Given = 1,
  Category = 2,
  Suffix = 3,
  Wide = 4,
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export class NameBook {
  private readonly syllableCount: number;
  private readonly space: number;
  private readonly offset: number;

  constructor(
    private readonly seed: number,
    entityCount: number,
  ) {
    // At least 3 syllables, so a code word (6+ letters) never equals a 2-syllable given name.
    this.syllableCount = Math.max(3, Math.ceil(Math.log(Math.max(entityCount, 2)) / Math.log(SYLLABLES.length)));
    this.space = SYLLABLES.length ** this.syllableCount;
    this.offset = hash32(seed, 0, 99) % this.space;
  }

  codeWord(index: number): string {
    let code = (index * SCRAMBLE + this.offset) % this.space;
    let word = '';
    for (let i = 0; i < this.syllableCount; i++) {
      word += SYLLABLES[code % SYLLABLES.length];
      code = Math.floor(code / SYLLABLES.length);
    }
    return capitalize(word);
  }

  category(index: number): OrganizationCategory {
    return CATEGORIES[hash32(this.seed, index, Salt.Category) % CATEGORIES.length]!;
  }

  private givenName(index: number): string {
    const wide = hash32(this.seed, index, Salt.Wide);
    if (wide % 8 === 0) return WIDE_GIVEN_NAMES[(wide >>> 3) % WIDE_GIVEN_NAMES.length]!;
    const h = hash32(this.seed, index, Salt.Given);
    return capitalize(SYLLABLES[h % SYLLABLES.length]! + SYLLABLES[(h >>> 8) % SYLLABLES.length]!);
  }

  private suffix(index: number, suffixes: readonly string[]): string {
    return suffixes[hash32(this.seed, index, Salt.Suffix) % suffixes.length]!;
  }

  /** The canonical name. PERSON and COUNTRY end with the code word; the other types start with it. */
  name(index: number, type: EntityType): string {
    const word = this.codeWord(index);
    switch (type) {
      case 'PERSON':
        return `${this.givenName(index)} ${word}`;
      case 'COUNTRY':
        return word;
      case 'ORGANIZATION':
        return `${word} ${this.suffix(index, ORGANIZATION_SUFFIXES[this.category(index)])}`;
      case 'LOCATION':
        return `${word} ${this.suffix(index, LOCATION_SUFFIXES)}`.trim();
      case 'EVENT':
        return `${word} ${this.suffix(index, EVENT_SUFFIXES)}`;
    }
  }

  /**
   * Spelling variants that normalize to the name's own key (case, hyphens),
   * and short forms that keep the code word at the same end of the key.
   */
  aliasCandidates(index: number, type: EntityType): string[] {
    const name = this.name(index, type);
    const word = this.codeWord(index);
    const variants = [name.toUpperCase(), name.replace(/ /g, '-'), name.toLowerCase()];
    switch (type) {
      case 'PERSON':
        return [...variants, `${name.charAt(0)}. ${word}`, word];
      case 'COUNTRY':
        return [word.toUpperCase(), `Republic of ${word}`, `${word}.`];
      case 'ORGANIZATION': {
        const initials = name
          .split(' ')
          .slice(1)
          .map((part) => part.charAt(0))
          .join('');
        return [...variants, `${word} ${initials}`];
      }
      case 'LOCATION':
        return name === word ? [word.toUpperCase(), `${word}.`] : [...variants, word];
      case 'EVENT':
        return [...variants, `${name}.`];
    }
  }
}

/** An id slug from a name: lowercase words joined by single hyphens. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
