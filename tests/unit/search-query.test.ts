import { describe, expect, it } from 'vitest';
import { luceneQueryFor, rankHits } from '../../src/repositories/entity-repository.js';
import type { EntityRecord } from '../../src/repositories/support/records.js';

const entity = (id: string, name: string, aliases: string[] = []): EntityRecord => ({
  id,
  type: 'PERSON',
  name,
  aliases,
  description: null,
  title: null,
  category: null,
  startDate: null,
  endDate: null,
});

describe('luceneQueryFor', () => {
  it('keeps only analyzer tokens, so no query syntax survives', () => {
    expect(luceneQueryFor('AT&T')).toBe('at* OR t* OR "at t"^4');
    expect(luceneQueryFor('a) AND (b:*~^"')).toBe('a* OR and* OR b* OR "a and b"^4');
    expect(luceneQueryFor('*?~/\\')).toBeNull();
  });
});

describe('rankHits', () => {
  it('puts exact name or alias matches first, then prefixes, then the full-text score', () => {
    const ranked = rankHits('wu qian', [
      { entity: entity('other', 'Qian Wulong'), score: 9 },
      { entity: entity('prefix', 'Wu Qianfeng'), score: 1 },
      { entity: entity('exact', 'Spokesperson', ['Wu Qian']), score: 0.5 },
    ]);
    expect(ranked.map((hit) => hit.entity.id)).toEqual(['exact', 'prefix', 'other']);
  });

  it('breaks ties by name in code-unit order, as Cypher ORDER BY does, not by locale', () => {
    const tied = ['Łukasz Bo', 'Zoë Bo', 'zed Bo', 'Lars Bo'].map((name) => ({ entity: entity(name, name), score: 2 }));
    // A locale collation would put Łukasz beside Lars and zed before Zoë; the database orders by code units.
    expect(rankHits('nothing alike', tied).map((hit) => hit.entity.name)).toEqual(['Lars Bo', 'Zoë Bo', 'zed Bo', 'Łukasz Bo']);
  });
});
