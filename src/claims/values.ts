import { normalizeName } from '../model/names.js';

/**
 * The properties a report gives a value for, and how two values of one
 * property compare. A date is compatible with a more precise date inside it
 * (`2021-08` and `2021-08-09`); a title with a title that contains it word for
 * word (`General`, `Lieutenant General`); a category only with itself. Free
 * wording (descriptions, roles) is never in dispute: it is only ranked.
 */
export const ENTITY_VALUE_PROPERTIES = ['description', 'title', 'category', 'startDate', 'endDate'] as const;
export const RELATION_VALUE_PROPERTIES = ['role', 'startDate', 'endDate'] as const;
export type ValueProperty = (typeof ENTITY_VALUE_PROPERTIES)[number] | (typeof RELATION_VALUE_PROPERTIES)[number];
export const VALUE_PROPERTIES: readonly ValueProperty[] = [...new Set([...ENTITY_VALUE_PROPERTIES, ...RELATION_VALUE_PROPERTIES])];

/** Cypher: a map projection of these properties of `x` (a report's values, or what its subject shows). */
export const valuesProjection = (x: string, properties: readonly ValueProperty[] = VALUE_PROPERTIES) => `${x} { ${properties.map((p) => `.${p}`).join(', ')} }`;

type Comparison = 'date' | 'words' | 'exact' | 'wording';

const COMPARISON: Record<ValueProperty, Comparison> = {
  startDate: 'date',
  endDate: 'date',
  title: 'words',
  category: 'exact',
  description: 'wording',
  role: 'wording',
};

const words = (value: string) =>
  ` ${value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ')} `;

/** Two values given for one property: may both be true at once? */
export function compatible(property: ValueProperty, a: string, b: string): boolean {
  switch (COMPARISON[property]) {
    case 'date':
      return a.startsWith(b) || b.startsWith(a);
    case 'words':
      return words(a).includes(words(b)) || words(b).includes(words(a));
    case 'exact':
      return normalizeName(a) === normalizeName(b);
    case 'wording':
      return true;
  }
}

/** Values that say the same thing, told apart only by spelling, count as one value. */
export function sameValue(property: ValueProperty, a: string, b: string): boolean {
  return valueKey(property, a) === valueKey(property, b);
}

/** The key two spellings of one value share. */
export function valueKey(property: ValueProperty, value: string): string {
  return COMPARISON[property] === 'date' ? value : normalizeName(value);
}

/** Ties between equally supported values go to the more precise one: a full date, the longer title or description. */
export function precision(property: ValueProperty, value: string): number {
  return COMPARISON[property] === 'date' ? value.split('-').length : value.length;
}

/** Dates compare by their text: a partial date sorts before every day inside it. */
export function disputable(property: ValueProperty): boolean {
  return COMPARISON[property] !== 'wording';
}
