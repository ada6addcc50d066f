import { normalizeName } from '../../../model/names.js';
import type { ExtractedEntity } from '../../types.js';
import { countryOfDemonym } from '../demonyms.js';

const GENERIC_WORDS = new Set([
  'minister',
  'ministry',
  'deputy',
  'vice',
  'of',
  'the',
  'for',
  'and',
  'national',
  'state',
  'secretary',
  'spokesperson',
  'spokesman',
  'spokeswoman',
]);
const SPELLINGS: Record<string, string> = { defense: 'defence' };

function domainWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w && !GENERIC_WORDS.has(w))
    .map((w) => SPELLINGS[w] ?? w);
}

/**
 * The ministry a minister's title names: "Defence Minister" belongs to the
 * article's one organization called a ministry of defence ("Ministry of
 * National Defence", "Defense Ministry"). A nationality before the title
 * must not contradict the ministry's name; more than one candidate is no answer.
 */
export function ministryOfTitle(title: string, nationality: string | undefined, entities: readonly ExtractedEntity[]): ExtractedEntity | undefined {
  if (!/\bminist(?:er|ry)\b/i.test(title)) return undefined;
  const wanted = domainWords(title);
  if (wanted.length === 0) return undefined;
  const country = nationality ? countryOfDemonym(nationality, entities) : undefined;
  const candidates = entities.filter((e) => {
    if (e.type !== 'ORGANIZATION' || !/\bministry\b/i.test(e.name)) return false;
    const words = new Set(domainWords(e.name));
    if (!wanted.every((w) => words.has(w))) return false;
    const named = [...words].filter(
      (w) => countryOfDemonym(w, entities) !== undefined || entities.some((c) => c.type === 'COUNTRY' && normalizeName(c.name) === w),
    );
    if (named.length === 0 || country === undefined) return true;
    return named.every((w) => countryOfDemonym(w, entities)?.key === country.key || normalizeName(country.name) === w);
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}
