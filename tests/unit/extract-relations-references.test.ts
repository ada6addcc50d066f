import { describe as suite, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { describe, entity, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-coreference');
const entities = [
  entity(fixture, 'COUNTRY', 'Lithuania'),
  entity(fixture, 'EVENT', 'Iron Wolf'),
  entity(fixture, 'COUNTRY', 'Poland'),
  entity(fixture, 'COUNTRY', 'Spain'),
  entity(fixture, 'ORGANIZATION', 'Chilean Navy'),
  entity(fixture, 'PERSON', 'Rosa Vega'),
  entity(fixture, 'ORGANIZATION', 'Pacific Squadron'),
];
const lines = describe(extractRelations(fixture.doc, entities, fixture.article));

suite('references the entity layer left unlinked', () => {
  it('takes "the exercise" for the article\'s one exercise, but not "another exercise"', () => {
    expect(lines).toContain('PARTICIPATES_IN lithuania iron-wolf (host)');
    expect(lines).toContain('PARTICIPATES_IN poland iron-wolf (participant)');
    expect(lines.filter((line) => line.includes('spain'))).toEqual([]);
  });

  it('takes "the navy" for the one organization whose name ends so', () => {
    expect(lines).toContain('MEMBER_OF pacific-squadron chilean-navy');
    expect(lines).toContain('COMMANDS rosa-vega pacific-squadron (commander)');
  });
});
