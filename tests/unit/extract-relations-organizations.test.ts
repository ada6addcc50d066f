import { describe as suite, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { describe, entity, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-organizations');
const entities = [
  entity(fixture, 'ORGANIZATION', 'AUKUS'),
  entity(fixture, 'COUNTRY', 'Australia'),
  entity(fixture, 'COUNTRY', 'Britain'),
  entity(fixture, 'COUNTRY', 'United States'),
  entity(fixture, 'COUNTRY', 'China'),
  entity(fixture, 'ORGANIZATION', 'Standing NATO Maritime Group 2'),
  entity(fixture, 'ORGANIZATION', 'NATO'),
  entity(fixture, 'PERSON', 'Helena Berg'),
  entity(fixture, 'ORGANIZATION', 'Swedish Army'),
  entity(fixture, 'PERSON', 'Mara Quispe'),
  entity(fixture, 'ORGANIZATION', 'Social Democratic Party'),
  entity(fixture, 'PERSON', 'Kalev Tamm'),
  entity(fixture, 'ORGANIZATION', 'Estonian Ministry of Defence'),
];
const relations = extractRelations(fixture.doc, entities, fixture.article);
const lines = describe(relations);

suite('organization rules', () => {
  it('makes the parties to a pact its members, but not the parties to a dispute', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'MEMBER_OF australia aukus (member state)',
        'MEMBER_OF britain aukus (member state)',
        'MEMBER_OF united-states aukus (member state)',
      ]),
    );
    expect(relations.filter((r) => r.from === 'china')).toEqual([]);
  });

  it('puts a unit named after an organization in it', () => {
    expect(lines).toContain('MEMBER_OF standing-nato-maritime-group-2 nato');
  });

  it('reads "a retired general who led X" as membership with the rank and as command', () => {
    expect(lines).toContain('MEMBER_OF helena-berg swedish-army (retired general)');
    expect(lines).toContain('COMMANDS helena-berg swedish-army (leader)');
  });

  it("reads a person's party, and a minister's title with its nationality as the ministry", () => {
    expect(lines).toContain('MEMBER_OF mara-quispe social-democratic-party (member)');
    expect(lines).toContain('MEMBER_OF kalev-tamm estonian-ministry-of-defence (defence minister)');
    expect(relations.filter((r) => r.from === 'mara-quispe')).toHaveLength(1);
  });
});
