import { describe as suite, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { describe, entity, evidenceOf, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-member-of');
const entities = [
  entity(fixture, 'PERSON', 'Maria Lopez'),
  entity(fixture, 'ORGANIZATION', 'Foreign Ministry'),
  entity(fixture, 'PERSON', 'Ivan Petrov'),
  entity(fixture, 'ORGANIZATION', 'Southern Military District'),
  entity(fixture, 'ORGANIZATION', 'Indian Army'),
  entity(fixture, 'PERSON', 'Rakesh Singh'),
  entity(fixture, 'ORGANIZATION', 'Nordic Council'),
  entity(fixture, 'COUNTRY', 'Norway'),
  entity(fixture, 'COUNTRY', 'Denmark'),
  entity(fixture, 'COUNTRY', 'Finland'),
  entity(fixture, 'ORGANIZATION', 'NATO'),
  entity(fixture, 'PERSON', 'John Smith'),
  entity(fixture, 'ORGANIZATION', 'Interior Ministry'),
  entity(fixture, 'LOCATION', 'Rome'),
];
const relations = extractRelations(fixture.doc, entities, fixture.article);
const find = (from: string, to: string) => relations.find((r) => r.from === from && r.to === to);

suite('membership rules', () => {
  it('reads a title between an organization and a name, and a title in apposition', () => {
    expect(find('maria-lopez', 'foreign-ministry')).toMatchObject({ type: 'MEMBER_OF', role: 'spokesperson' });
    expect(find('ivan-petrov', 'southern-military-district')).toMatchObject({ type: 'MEMBER_OF', role: 'deputy commander', rule: 'title-apposition' });
    expect(evidenceOf(fixture, find('ivan-petrov', 'southern-military-district'))).toBe('Ivan Petrov, deputy commander of the Southern Military District');
    expect(find('rakesh-singh', 'indian-army')).toMatchObject({ type: 'MEMBER_OF', role: 'major general', rule: 'title-before-name' });
  });

  it('reads member states from "which includes A and B as members" and a dated "joined"', () => {
    expect(find('norway', 'nordic-council')).toMatchObject({ type: 'MEMBER_OF', role: 'member state', rule: 'organization-includes-members' });
    expect(find('denmark', 'nordic-council')).toMatchObject({ type: 'MEMBER_OF', role: 'member state' });
    expect(find('finland', 'nato')).toMatchObject({ type: 'MEMBER_OF', startDate: '2023-04', rule: 'joins-organization' });
  });

  it("gives meeting an organization's spokesperson no membership", () => {
    expect(relations.filter((r) => r.from === 'john-smith')).toEqual([]);
  });

  it('finds nothing else in these sentences', () => {
    expect(describe(relations)).toEqual([
      'MEMBER_OF denmark nordic-council (member state)',
      'MEMBER_OF finland nato (member state)',
      'MEMBER_OF ivan-petrov southern-military-district (deputy commander)',
      'MEMBER_OF maria-lopez foreign-ministry (spokesperson)',
      'MEMBER_OF norway nordic-council (member state)',
      'MEMBER_OF rakesh-singh indian-army (major general)',
    ]);
  });

  it('quotes each relation from the text at its offsets', () => {
    for (const relation of relations) expect(fixture.article.text.slice(relation.evidence.start, relation.evidence.end).length).toBeGreaterThan(0);
  });
});
