import { describe as suite, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { describe, entity, evidenceOf, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-located-in');
const nominal = (phrase: string) => [{ phrase, kind: 'nominal' as const }];
const entities = [
  entity(fixture, 'EVENT', 'Summit', nominal('The summit')),
  entity(fixture, 'EVENT', 'Narva drills', nominal('The drills')),
  entity(fixture, 'LOCATION', 'Geneva'),
  entity(fixture, 'LOCATION', 'Narva'),
  entity(fixture, 'COUNTRY', 'Estonia'),
  entity(fixture, 'LOCATION', 'Orzysz base', nominal('a base')),
  entity(fixture, 'LOCATION', 'Orzysz'),
  entity(fixture, 'COUNTRY', 'Poland'),
  entity(fixture, 'LOCATION', 'Kupang'),
  entity(fixture, 'LOCATION', 'East Nusa Tenggara'),
  entity(fixture, 'LOCATION', 'Berlin'),
  entity(fixture, 'LOCATION', 'Paris'),
];
const relations = extractRelations(fixture.doc, entities, fixture.article);

suite('location rules', () => {
  it('places events where they take place or are held, and places in the places that hold them', () => {
    expect(describe(relations)).toEqual([
      'LOCATED_IN kupang east-nusa-tenggara',
      'LOCATED_IN narva estonia',
      'LOCATED_IN narva-drills narva',
      'LOCATED_IN orzysz poland',
      'LOCATED_IN orzysz-base orzysz',
      'LOCATED_IN summit geneva',
    ]);
  });

  it('quotes the clause that says it', () => {
    expect(
      evidenceOf(
        fixture,
        relations.find((r) => r.from === 'summit'),
      ),
    ).toBe('The summit will take place in Geneva');
    expect(relations.find((r) => r.from === 'orzysz')?.rule).toBe('nationality-of-place');
  });

  it('does not place one city in another because someone travelled between them', () => {
    expect(relations.filter((r) => ['berlin', 'paris'].includes(r.from))).toEqual([]);
  });
});

suite('a capital named by its nationality', () => {
  const capital = loadRelationFixture('relations-capital');
  const found = extractRelations(
    capital.doc,
    [
      entity(capital, 'EVENT', 'Tallinn talks', [{ phrase: 'talks', kind: 'nominal' }]),
      entity(capital, 'LOCATION', 'Tallinn'),
      entity(capital, 'COUNTRY', 'Estonia'),
      entity(capital, 'COUNTRY', 'France'),
    ],
    capital.article,
  );

  it('is the capital city the article names, in its country', () => {
    expect(describe(found)).toEqual(['LOCATED_IN tallinn estonia', 'LOCATED_IN tallinn-talks tallinn']);
  });

  it('is nothing when the article does not name the city ("the French capital")', () => {
    expect(found.filter((r) => r.to === 'france')).toEqual([]);
  });
});
