import { describe as suite, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { describe, entity, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-forces');
const entities = [
  entity(fixture, 'EVENT', 'Ocean Guard'),
  entity(fixture, 'COUNTRY', 'Norway'),
  entity(fixture, 'COUNTRY', 'Denmark'),
  entity(fixture, 'COUNTRY', 'Canada'),
  entity(fixture, 'ORGANIZATION', 'Royal Navy'),
  entity(fixture, 'COUNTRY', 'Brazil'),
  entity(fixture, 'COUNTRY', 'Peru'),
  entity(fixture, 'EVENT', 'Pacific Games'),
];
const relations = extractRelations(fixture.doc, entities, fixture.article);

suite('contribution rules', () => {
  it('makes those who send forces (and the force they sail alongside) take part in the event the passage is about', () => {
    expect(describe(relations.filter((r) => r.to === 'ocean-guard'))).toEqual([
      'PARTICIPATES_IN canada ocean-guard (participant)',
      'PARTICIPATES_IN denmark ocean-guard (participant)',
      'PARTICIPATES_IN norway ocean-guard (participant)',
      'PARTICIPATES_IN royal-navy ocean-guard (participating force)',
    ]);
    expect(relations.find((r) => r.from === 'norway')?.rule).toBe('sends-forces-to-event-in-focus');
  });

  it('gives no event to troops sent where the paragraph names none', () => {
    expect(relations.filter((r) => r.from === 'brazil')).toEqual([]);
  });

  it('reads a participation noun: "Peru\'s hosting of the Pacific Games"', () => {
    expect(describe(relations.filter((r) => r.from === 'peru'))).toEqual(['PARTICIPATES_IN peru pacific-games (host)']);
  });
});
