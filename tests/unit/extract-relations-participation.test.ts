import { describe as suite, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { describe, entity, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-participates');
const nominal = (phrase: string) => ({ phrase, kind: 'nominal' as const });
const entities = [
  entity(fixture, 'COUNTRY', 'Kenya'),
  entity(fixture, 'COUNTRY', 'Uganda'),
  entity(fixture, 'EVENT', 'Lake Guard'),
  entity(fixture, 'COUNTRY', 'Germany'),
  entity(fixture, 'EVENT', 'Northern Coast', [nominal('the drill')]),
  entity(fixture, 'EVENT', 'Talks between Armenia and Azerbaijan'),
  entity(fixture, 'EVENT', 'Turkish-Iranian discussions', [nominal('discussions')]),
  entity(fixture, 'COUNTRY', 'Armenia'),
  entity(fixture, 'COUNTRY', 'Azerbaijan'),
  entity(fixture, 'LOCATION', 'Geneva'),
  entity(fixture, 'COUNTRY', 'Turkey'),
  entity(fixture, 'COUNTRY', 'Iran'),
  // Named only by their nationality adjectives: "French and Italian soldiers".
  entity(fixture, 'COUNTRY', 'France'),
  entity(fixture, 'COUNTRY', 'Italy'),
  entity(fixture, 'COUNTRY', 'Spain'),
];
const relations = extractRelations(fixture.doc, entities, fixture.article);
const participations = describe(relations.filter((r) => r.type === 'PARTICIPATES_IN'));

suite('participation rules', () => {
  it('gives every coordinated subject of a participation verb, through "a joint exercise called X"', () => {
    expect(participations).toContain('PARTICIPATES_IN kenya lake-guard (participant)');
    expect(participations).toContain('PARTICIPATES_IN uganda lake-guard (participant)');
    expect(participations).toContain('PARTICIPATES_IN germany northern-coast (participant)');
  });

  it('dates the taking part from the clause ("in March" in an article of 2026)', () => {
    expect(relations.find((r) => r.from === 'kenya')?.startDate).toBe('2026-03');
    expect(relations.find((r) => r.from === 'germany')?.startDate).toBeUndefined();
  });

  it('reads "talks between A and B" and "A held discussions with B" as both taking part', () => {
    expect(participations).toEqual(
      expect.arrayContaining([
        'PARTICIPATES_IN armenia talks-between-armenia-and-azerbaijan (participant)',
        'PARTICIPATES_IN azerbaijan talks-between-armenia-and-azerbaijan (participant)',
        'PARTICIPATES_IN turkey turkish-iranian-discussions (participant)',
        'PARTICIPATES_IN iran turkish-iranian-discussions (participant)',
      ]),
    );
  });

  it('maps the nationality of soldiers to their countries', () => {
    expect(participations).toContain('PARTICIPATES_IN france northern-coast (participant)');
    expect(participations).toContain('PARTICIPATES_IN italy northern-coast (participant)');
  });

  it('does not make a country that criticizes an exercise a participant', () => {
    expect(relations.filter((r) => r.from === 'spain')).toEqual([]);
    expect(participations).toHaveLength(9);
  });
});
