import { describe as suite, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { describe, entity, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-work');
const entities = [
  entity(fixture, 'PERSON', 'Anna Weiss'),
  entity(fixture, 'ORGANIZATION', 'University of Vienna'),
  entity(fixture, 'PERSON', 'Paul Okafor'),
  entity(fixture, 'ORGANIZATION', 'Red Cross'),
  entity(fixture, 'LOCATION', 'Lagos'),
  entity(fixture, 'PERSON', 'Maria Diaz'),
  entity(fixture, 'ORGANIZATION', 'Foreign Ministry'),
];
const relations = extractRelations(fixture.doc, entities, fixture.article);

suite('employment rule', () => {
  it('makes a person who works or lectures at an organization its member, dated by "since"', () => {
    expect(describe(relations)).toEqual(['MEMBER_OF anna-weiss university-of-vienna (lecturer)', 'MEMBER_OF paul-okafor red-cross']);
    expect(relations.find((r) => r.from === 'anna-weiss')?.startDate).toBe('2019');
  });

  it('does not make someone who waits at a ministry its member', () => {
    expect(relations.filter((r) => r.from === 'maria-diaz')).toEqual([]);
  });
});
