import { describe as suite, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { describe, entity, evidenceOf, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-commands');
const entities = [
  entity(fixture, 'PERSON', 'Mark Hale', [{ phrase: 'Hale', kind: 'alias' }]),
  entity(fixture, 'ORGANIZATION', 'Pacific Fleet'),
  entity(fixture, 'ORGANIZATION', 'Eastern Brigade'),
  entity(fixture, 'PERSON', 'Anna Berg'),
  entity(fixture, 'PERSON', 'Chen Wei'),
  entity(fixture, 'ORGANIZATION', 'Northern Fleet'),
  entity(fixture, 'PERSON', 'Luis Ruiz'),
  entity(fixture, 'EVENT', 'Operation Desert Shield'),
  entity(fixture, 'LOCATION', 'Manila'),
];
const relations = extractRelations(fixture.doc, entities, fixture.article);

suite('command rules', () => {
  it('reads a commander\'s title, "led by", and command verbs to organizations and events', () => {
    expect(describe(relations)).toEqual([
      'COMMANDS anna-berg eastern-brigade (leader)',
      'COMMANDS chen-wei northern-fleet (commander)',
      'COMMANDS luis-ruiz operation-desert-shield (leader)',
      'COMMANDS mark-hale pacific-fleet (commander)',
    ]);
  });

  it('names the rule and quotes whole names', () => {
    const chen = relations.find((r) => r.from === 'chen-wei');
    expect(chen?.rule).toBe('command-verb');
    expect(evidenceOf(fixture, chen)).toBe('Chen Wei commands the Northern Fleet');
    expect(relations.find((r) => r.from === 'anna-berg')?.rule).toBe('led-by');
  });

  it('does not make someone who praises a commander the commander', () => {
    expect(relations.filter((r) => r.from === 'mark-hale' && r.to === 'eastern-brigade')).toEqual([]);
  });
});
