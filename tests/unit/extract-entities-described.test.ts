import { describe, expect, it } from 'vitest';
import { entitiesOf, entityNamed } from './extract-entities-fixture.js';

/** tests/fixtures/nlp/entities/described-events.txt: events written as common nouns, and generic or hypothetical ones. */
describe('events described in common nouns', () => {
  const entities = entitiesOf('described-events');
  const events = entities.filter((entity) => entity.type === 'EVENT');

  it('makes one event of talks the article refers to twice, named by the noun with its modifiers and place', () => {
    const talks = entityNamed(entities, 'ceasefire talks in Jeddah');
    expect(talks?.type).toBe('EVENT');
    expect(talks?.aliases).toContain('ceasefire talks');
    expect(talks?.mentions.map((m) => m.text)).toEqual(['ceasefire talks in Jeddah', 'ceasefire talks', 'The talks']);
    expect(talks?.rule).toBe('event:described-noun');
    // Below a named event's 0.75.
    expect(talks?.confidence).toBeLessThan(0.75);
  });

  it('makes an event of a ceremony referred to twice, with no named argument', () => {
    const ceremony = entityNamed(entities, 'handover ceremony');
    expect(ceremony?.mentions.map((m) => m.text)).toEqual(['handover ceremony', 'the ceremony']);
  });

  it('does not attach "any talks" to the talks, nor make events of hypothetical, negated or generic mentions', () => {
    expect(events.map((event) => event.name).sort()).toEqual(['ceasefire talks in Jeddah', 'handover ceremony']);
    const talks = entityNamed(entities, 'ceasefire talks in Jeddah');
    expect(talks?.mentions.some((m) => /any/i.test(m.text))).toBe(false);
  });

  it('leaves the named entities inside and around the descriptions as they are', () => {
    expect(entityNamed(entities, 'Jeddah')?.type).toBe('LOCATION');
    expect(entityNamed(entities, 'Rapid Support Forces')?.type).toBe('ORGANIZATION');
  });
});
