import { describe, expect, it } from 'vitest';
import { countryNamed, countryWithCapital } from '../../src/extract/entities/gazetteer.js';
import { mergeGroups, type Group } from '../../src/extract/entities/merge-rules.js';
import type { Candidate } from '../../src/extract/entities/candidate.js';
import { anchoredDate } from '../../src/extract/entities/timex.js';

function group(type: Candidate['type'], ...names: string[]): Group {
  const mentions = names.map((name, index): Candidate => ({
    type,
    name,
    text: name,
    sentence: index,
    tokenBegin: 0,
    tokenEnd: 1,
    start: 0,
    end: name.length,
    kind: 'name',
    rule: 'test',
    confidence: 0.9,
  }));
  return { key: `${type}:${names[0] ?? ''}`, type, mentions };
}

const names = (groups: Group[]): string[][] => groups.map((g) => g.mentions.map((m) => m.name));

describe('gazetteer', () => {
  it('knows countries by their other names and capitals', () => {
    expect(countryNamed('U.S.')?.name).toBe('United States');
    expect(countryNamed('the United Kingdom')?.name).toBe('United Kingdom');
    expect(countryNamed('Türkiye')?.name).toBe('Turkey');
    expect(countryWithCapital('Beijing')?.name).toBe('China');
    expect(countryWithCapital('Kyiv')?.name).toBe('Ukraine');
    expect(countryWithCapital('Washington')?.name).toBe('United States');
  });

  it('never reads a city-state or a non-capital as a metonymy', () => {
    expect(countryWithCapital('Singapore')).toBeUndefined();
    expect(countryWithCapital('Qingtongxia')).toBeUndefined();
    expect(countryWithCapital('Klaipeda')).toBeUndefined();
  });
});

describe('merge rules', () => {
  it('joins a surname, family name first or last, to the one full name that has it', () => {
    expect(names(mergeGroups([group('PERSON', 'Wu Qian'), group('PERSON', 'Wu')]))).toEqual([['Wu Qian', 'Wu']]);
    expect(names(mergeGroups([group('PERSON', 'Katrin Vollmer'), group('PERSON', 'Vollmer')]))).toEqual([['Katrin Vollmer', 'Vollmer']]);
  });

  it('leaves a surname alone when two people share it', () => {
    const merged = mergeGroups([group('PERSON', 'Anna Smith'), group('PERSON', 'John Smith'), group('PERSON', 'Smith')]);
    expect(merged).toHaveLength(3);
  });

  it('ties an acronym to its name, by initials or more letters of each word', () => {
    expect(names(mergeGroups([group('ORGANIZATION', 'Shanghai Cooperation Organization'), group('ORGANIZATION', 'SCO')]))).toHaveLength(1);
    expect(names(mergeGroups([group('ORGANIZATION', 'Association of Southeast Asian Nations'), group('ORGANIZATION', 'ASEAN')]))).toHaveLength(1);
    expect(mergeGroups([group('ORGANIZATION', 'World Health Organization'), group('ORGANIZATION', 'NATO')])).toHaveLength(2);
  });

  it('joins an exercise named with and without its number, and two names sharing a numbered part', () => {
    expect(mergeGroups([group('EVENT', 'Amber Shield-25'), group('EVENT', 'Amber Shield')])).toHaveLength(1);
    expect(mergeGroups([group('EVENT', 'Zapad/Interaction-2021'), group('EVENT', 'West/Interaction-2021')])).toHaveLength(1);
    expect(mergeGroups([group('EVENT', 'Iron Wolf-2024'), group('EVENT', 'Iron Defender-2024')])).toHaveLength(2);
  });

  it('never merges across types', () => {
    expect(mergeGroups([group('PERSON', 'Georgia Smith'), group('COUNTRY', 'Georgia')])).toHaveLength(2);
  });
});

describe('dates anchored to the publication date', () => {
  it('keeps full dates and puts a bare month in the publication year', () => {
    expect(anchoredDate('2021-08-13', '2021-08-03', 'present')).toBe('2021-08-13');
    expect(anchoredDate('XXXX-08', '2021-08-03', 'future')).toBe('2021-08');
  });

  it('moves a month across the year only when the tense says so', () => {
    expect(anchoredDate('XXXX-05', '2024-11-14', 'future')).toBe('2025-05');
    expect(anchoredDate('XXXX-12', '2025-02-18', 'past')).toBe('2024-12');
    expect(anchoredDate('XXXX-05', '2024-11-14', 'present')).toBe('2024-05');
  });

  it('takes the nearest weekday back for the past and ahead for the future', () => {
    // 2025-06-10 is a Tuesday.
    expect(anchoredDate('XXXX-WXX-1', '2025-06-10', 'past')).toBe('2025-06-09');
    expect(anchoredDate('XXXX-WXX-4', '2025-06-10', 'future')).toBe('2025-06-12');
    // "next Monday": Monday of the following week.
    expect(anchoredDate('XXXX-WXX-1 OFFSET P1W', '2025-06-10', 'future')).toBe('2025-06-16');
  });

  it('reads relative months and years, and gives nothing for vague references', () => {
    expect(anchoredDate('THIS P1M OFFSET P1M', '2024-11-14', 'present')).toBe('2024-12');
    expect(anchoredDate('THIS P1Y OFFSET P-1Y', '2025-06-10', 'past')).toBe('2024');
    expect(anchoredDate('PAST_REF', '2025-06-10', 'past')).toBeUndefined();
    expect(anchoredDate('XXXX-08', null, 'past')).toBeUndefined();
  });
});
