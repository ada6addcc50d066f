import { describe as suite, expect, it } from 'vitest';
import { extractAttributions } from '../../src/extract/attribution/index.js';
import { extractRelations } from '../../src/extract/relations/index.js';
import { describe, entity, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-dateline');
const entities = [
  entity(fixture, 'LOCATION', 'MANILA', [{ phrase: 'Manila', kind: 'alias' }]),
  entity(fixture, 'COUNTRY', 'Philippines'),
  entity(fixture, 'LOCATION', 'Cebu'),
  entity(fixture, 'LOCATION', 'Davao'),
  entity(fixture, 'PERSON', 'Jose Reyes'),
];

suite('datelines and pronoun speakers', () => {
  it("places the dateline's city in the country after it, and nothing in a list of cities", () => {
    const relations = extractRelations(fixture.doc, entities, fixture.article);
    expect(describe(relations)).toEqual(['LOCATED_IN manila philippines']);
    expect(relations[0]?.rule).toBe('dateline');
  });

  it('keeps the speaker for "He stressed that …" when the pronoun was left unlinked', () => {
    const attributions = extractAttributions(fixture.doc, entities, fixture.article);
    const start = fixture.article.text.indexOf('the plan was defensive');
    const covering = attributions.filter((a) => a.start <= start && a.end >= start + 5 && a.speaker);
    expect(covering.map((a) => a.speaker)).toEqual(['jose-reyes']);
  });
});
