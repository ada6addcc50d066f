import { describe, expect, it } from 'vitest';
import { findOutletMentions } from '../../src/extract/entities/index.js';
import { entitiesOf, entityNamed, loadFixture } from './extract-entities-fixture.js';

const summary = (name: string): string[] => entitiesOf(name).map((e) => `${e.type} ${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''}`);

describe('entity layer over recorded CoreNLP annotations', () => {
  it('reads a capital acting as its government as the country, and a capital as a place as a location', () => {
    // "Moscow and Beijing signed ...", "held in Moscow", "Washington criticized ..."
    expect(summary('capital-metonymy')).toEqual([
      'COUNTRY Russia (Moscow)',
      'COUNTRY China (Beijing)',
      'LOCATION Moscow',
      'COUNTRY United States (Washington)',
    ]);
    const russia = entityNamed(entitiesOf('capital-metonymy'), 'Russia');
    expect(russia?.rule).toBe('gazetteer:capital-as-country');
    expect(russia?.mentions.map((m) => m.kind)).toEqual(['alias']);
  });

  it('sets news outlets apart as sources, not entities, and lists them for attribution', () => {
    expect(summary('outlets')).toEqual(['COUNTRY Iran', 'LOCATION Semnan']);
    const { doc, text } = loadFixture('outlets');
    expect(findOutletMentions(doc, text).map((outlet) => outlet.text)).toEqual(['Tasnim News Agency', 'The Washington Post', 'Reuters']);
    for (const outlet of findOutletMentions(doc, text)) expect(text.slice(outlet.start, outlet.end)).toBe(outlet.text);
  });

  it('finds named exercises after their noun and in apposition to it, with dates', () => {
    const entities = entitiesOf('named-event');
    const ironWolf = entityNamed(entities, 'Iron Wolf-2024');
    // "began the exercise Iron Wolf-2024 on Monday" (2025-06-02 is a Monday); "The drill, which ends on June 30"
    expect(ironWolf).toMatchObject({ type: 'EVENT', rule: 'event:named-exercise', startDate: '2025-06-02', endDate: '2025-06-30' });
    expect(ironWolf?.mentions.map((m) => [m.text, m.kind])).toEqual([
      ['the exercise', 'nominal'],
      ['Iron Wolf-2024', 'name'],
      ['The drill', 'nominal'],
    ]);
    expect(entityNamed(entities, 'Sea Breeze 2023')).toMatchObject({ type: 'EVENT', rule: 'event:named-exercise' });
    expect(entities.filter((e) => e.type === 'EVENT')).toHaveLength(2);
  });

  it('names described withdrawals and occasions headed by a trigger noun', () => {
    const events = entitiesOf('trigger-event').filter((e) => e.type === 'EVENT');
    expect(events.map((e) => [e.name, e.rule])).toEqual([
      ['U.S. withdrawal from Afghanistan', 'event:trigger-noun'],
      ['France withdrawal from Mali', 'event:trigger-noun'],
      ['COVID-19 pandemic', 'event:named-occasion'],
    ]);
    expect(events[0]).toMatchObject({ startDate: '2021', endDate: '2021' });
    expect(events[1]?.mentions[0]?.text).toBe('France pulling out of Mali');
  });

  it('joins a surname to the full name, keeps formal titles and resolves "the spokesperson"', () => {
    const people = entitiesOf('people').filter((e) => e.type === 'PERSON');
    expect(people.map((p) => [p.name, p.aliases, p.title])).toEqual([
      ['Emmanuel Macron', ['Macron'], 'President'],
      ['Olaf Scholz', [], 'Chancellor'],
      // "Defence Ministry spokesperson Anna Kowalska": a lowercase descriptor is a role, not a title.
      ['Anna Kowalska', [], undefined],
    ]);
    const spokesperson = people[2]?.mentions.find((m) => m.kind === 'nominal');
    expect(spokesperson).toMatchObject({ text: 'the spokesperson', rule: 'nominal:title' });
  });

  it('ties acronyms to their names and joins a place CoreNLP split in two', () => {
    expect(summary('acronym-location')).toEqual([
      'ORGANIZATION North Atlantic Treaty Organization (NATO)',
      // "will hold a summit in Vilnius": a described event with its place (event-nouns.ts).
      'EVENT summit in Vilnius',
      'LOCATION Vilnius',
      // "Leaders of the Association ..." came out as one organization; ASEAN takes more than initials.
      'ORGANIZATION Association of Southeast Asian Nations (ASEAN)',
      'LOCATION Jakarta',
      'COUNTRY Russia',
      'COUNTRY Afghanistan',
      // NER tagged "Central" and "Asia" separately.
      'LOCATION Central Asia',
    ]);
  });

  it('names facilities by their place, merges two facilities of one place, and categorizes organizations', () => {
    const entities = entitiesOf('facility-category');
    expect(entityNamed(entities, 'Jableh military base')).toMatchObject({ type: 'LOCATION', aliases: ['Jableh air base'], rule: 'facility:place-noun' });
    const categories = entities.filter((e) => e.type === 'ORGANIZATION').map((e) => [e.name, e.category]);
    expect(categories).toEqual([
      ['Islamic State', 'armed_group'],
      ['Syrian Arab Army', 'military'],
      ['Labour Party', 'political'],
      ['Ministry of Foreign Affairs', 'government'],
    ]);
  });

  it('finds capitals NER missed, names after a naming verb, acronym definitions NER cut up, and governments by their capital', () => {
    const entities = entitiesOf('more-rules', '2025-06-15');
    expect(entities.map((e) => `${e.type} ${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''}`)).toEqual([
      // "Kyiv has said": untagged by NER, a capital acting for its country.
      'COUNTRY Ukraine (Kyiv)',
      // "an operation the military called Northern Arrows"; "The drills NATO conducted" names nothing.
      'EVENT Northern Arrows',
      'ORGANIZATION NATO',
      'LOCATION Mediterranean',
      'ORGANIZATION Economic Community of West African States (ECOWAS)',
      // "the Beirut government"; "La Tercera newspaper reported" is a source.
      'COUNTRY Lebanon (Beirut)',
    ]);
    expect(entityNamed(entities, 'Economic Community of West African States')?.mentions.map((m) => m.text)).toEqual([
      'Economic Community of West African States',
      'ECOWAS',
    ]);
  });

  it('gives every mention a span that is the text it quotes, and only the fields its type allows', () => {
    for (const name of ['capital-metonymy', 'outlets', 'named-event', 'trigger-event', 'people', 'acronym-location', 'facility-category', 'more-rules']) {
      const { text } = loadFixture(name);
      for (const entity of entitiesOf(name)) {
        for (const mention of entity.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
        expect(entity.name).toBe(entity.name.trim());
        expect(entity.name).not.toMatch(/\n/);
        if (entity.type !== 'PERSON') expect(entity.title).toBeUndefined();
        if (entity.type !== 'ORGANIZATION') expect(entity.category).toBeUndefined();
        if (entity.type !== 'EVENT') expect(entity.startDate ?? entity.endDate).toBeUndefined();
        expect(entity.confidence).toBeGreaterThan(0);
        expect(entity.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});
