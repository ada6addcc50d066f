import { describe as suite, expect, it } from 'vitest';
import { extractRelations } from '../../src/extract/relations/index.js';
import { changeOfCommand } from '../../src/extract/relations/rules/commands.js';
import { EntityLookup } from '../../src/extract/relations/entity-lookup.js';
import { describe, entity, evidenceOf, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('relations-events');
const entities = [
  entity(fixture, 'COUNTRY', 'Sudan'),
  entity(fixture, 'COUNTRY', 'Chad'),
  entity(fixture, 'COUNTRY', 'Qatar'),
  entity(fixture, 'COUNTRY', 'Egypt'),
  entity(fixture, 'COUNTRY', 'Kenya'),
  entity(fixture, 'LOCATION', 'Doha'),
  entity(fixture, 'EVENT', 'ceasefire talks', [{ phrase: 'negotiations', kind: 'nominal' }]),
  entity(fixture, 'ORGANIZATION', 'MONUSCO'),
  entity(fixture, 'LOCATION', 'South Kivu'),
  entity(fixture, 'EVENT', 'withdrawal'),
  entity(fixture, 'PERSON', 'Bintou Keita'),
  entity(fixture, 'EVENT', 'handover ceremony'),
  entity(fixture, 'LOCATION', 'Bukavu'),
  entity(fixture, 'PERSON', 'John Wade', [{ phrase: 'Wade', kind: 'alias' }]),
  entity(fixture, 'ORGANIZATION', 'Third Fleet'),
  entity(fixture, 'PERSON', 'Mark Boyle', [{ phrase: 'Boyle', kind: 'alias' }]),
  entity(fixture, 'ORGANIZATION', 'Pacific Fleet'),
  entity(fixture, 'PERSON', 'Lisa Franchetti'),
  entity(fixture, 'PERSON', 'Gen Nakatani', [{ phrase: 'Nakatani', kind: 'alias' }]),
  entity(fixture, 'LOCATION', 'Manila'),
  entity(fixture, 'LOCATION', 'Hanoi'),
  entity(fixture, 'EVENT', 'security dialogue'),
  entity(fixture, 'PERSON', 'Gilberto Teodoro'),
];
const relations = extractRelations(fixture.doc, entities, fixture.article);
const lines = describe(relations);
const find = (type: string, from: string, to: string) => relations.find((r) => r.type === type && r.from === from && r.to === to);

suite('relations to described events', () => {
  it('takes the parties of a verb whose object is the event as participants, with the role the verb gives', () => {
    expect(lines).toContain('PARTICIPATES_IN sudan ceasefire-talks (participant)');
    expect(lines).toContain('PARTICIPATES_IN chad ceasefire-talks (participant)');
    expect(lines).toContain('PARTICIPATES_IN qatar ceasefire-talks (host)');
    // The passive's agent, through the relative pronoun that stands for the event's nominal mention.
    expect(lines).toContain('PARTICIPATES_IN egypt ceasefire-talks (mediator)');
    expect(evidenceOf(fixture, find('PARTICIPATES_IN', 'sudan', 'ceasefire-talks'))).toBe('Delegations from Sudan and Chad resumed ceasefire talks');
  });

  it('does not make a party that did not attend a participant', () => {
    expect(relations.filter((r) => r.from === 'kenya')).toEqual([]);
  });

  it('reads the possessor of a withdrawal as the withdrawing force and its "from" phrase as its place', () => {
    expect(lines).toContain('PARTICIPATES_IN monusco withdrawal (withdrawing force)');
    expect(lines).toContain('LOCATED_IN withdrawal south-kivu');
  });

  it('places an event where the verb it is the object of happens, and reads "who heads"', () => {
    expect(lines).toContain('PARTICIPATES_IN bintou-keita handover-ceremony (participant)');
    expect(lines).toContain('LOCATED_IN handover-ceremony bukavu');
    expect(lines).toContain('COMMANDS bintou-keita monusco (head)');
  });

  it("reads taking and handing over command, and an appointment to a leader's post", () => {
    expect(lines).toContain('COMMANDS mark-boyle third-fleet (outgoing commander)');
    expect(find('COMMANDS', 'john-wade', 'third-fleet')?.rule).toBe('change-of-command');
    expect(lines).toContain('COMMANDS lisa-franchetti pacific-fleet (commander)');
    expect(find('COMMANDS', 'lisa-franchetti', 'pacific-fleet')?.rule).toBe('appointed-leader');
    // Merged, Wade's command keeps the first statement; the hand-over sentence alone names both ends of the change.
    const lookup = new EntityLookup(fixture.doc, entities);
    const handed = changeOfCommand(lookup.graphs[6]!, { lookup, article: fixture.article });
    expect(describe(handed)).toEqual(['COMMANDS john-wade third-fleet (incoming commander)', 'COMMANDS mark-boyle third-fleet (outgoing commander)']);
  });

  it('does not read a command someone only could take', () => {
    expect(find('COMMANDS', 'mark-boyle', 'pacific-fleet')).toBeUndefined();
  });

  it('places the event a trip is for where the trip goes, and takes the partner of "talks with" and the traveller as participants', () => {
    expect(lines).toContain('PARTICIPATES_IN gen-nakatani security-dialogue (participant)');
    expect(lines).toContain('PARTICIPATES_IN gilberto-teodoro security-dialogue (participant)');
    expect(lines).toContain('LOCATED_IN security-dialogue manila');
    expect(relations.filter((r) => r.to === 'hanoi')).toEqual([]);
  });
});

const more = loadRelationFixture('relations-events-more');
const moreEntities = [
  ...['France', 'Ghana', 'Nigeria', 'Togo', 'Benin'].map((name) => entity(more, 'COUNTRY', name)),
  entity(more, 'EVENT', 'naval drills'),
  entity(more, 'PERSON', 'Ana Costa'),
  entity(more, 'LOCATION', 'Crete'),
  entity(more, 'LOCATION', 'Kano State'),
];
const moreLines = describe(extractRelations(more.doc, moreEntities, more.article));

suite('more ways of stating a part in an event', () => {
  it("reads observers sent, the parties an event involves, and a purpose clause's subject", () => {
    expect(moreLines).toContain('PARTICIPATES_IN france naval-drills (observer)');
    expect(moreLines).toContain('PARTICIPATES_IN ghana naval-drills (participant)');
    expect(moreLines).toContain('PARTICIPATES_IN ana-costa naval-drills (observer)');
  });

  it('places a place in its possessor', () => {
    expect(moreLines).toContain('LOCATED_IN kano-state nigeria');
  });

  it('does not read a refusal or a negation as taking part', () => {
    expect(moreLines.filter((line) => line.includes(' togo ') || line.includes(' benin '))).toEqual([]);
  });
});
