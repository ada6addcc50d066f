import type { EntityType } from './types.js';

/**
 * The key entity resolution matches on: case, diacritics, punctuation and
 * spacing removed, so `ZAPAD/INTERACTION-2021` and `Zapad/Interaction-2021`
 * meet, and so do `Qingtongxia` and `Qīngtóngxiá`.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Name keys are per type: a person and a country may share a name without matching. */
export function nameKeys(type: EntityType, names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const normalized = normalizeName(name);
    if (normalized) keys.add(`${type}:${normalized}`);
  }
  return [...keys];
}
