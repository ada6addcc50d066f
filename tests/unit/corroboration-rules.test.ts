import { describe, expect, it } from 'vitest';
import { corroborate, type ReportFacts } from '../../src/claims/aggregate.js';
import { bands, COPY_SIMILARITY, signature, similarity } from '../../src/claims/minhash.js';
import { sourceKey, voiceOrigin } from '../../src/claims/origins.js';
import { compatible, disputable, ENTITY_VALUE_PROPERTIES, RELATION_VALUE_PROPERTIES, sameValue } from '../../src/claims/values.js';
import { wireCredit } from '../../src/claims/wire-credits.js';

/**
 * Issue 16: the pure rules of corroboration (src/claims/), tried against the
 * cases an analyst would raise: partial dates, ranks inside titles, spelling,
 * the order reports arrive in, syndicated copies and wire credits.
 */

/** A deterministic shuffle (mulberry32), so a failure names the seed that found it. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

let nextId = 0;
function report(origin: string, reportedAt: string | null, values: ReportFacts['values'], sourceId = origin): ReportFacts {
  nextId += 1;
  return { id: `r${String(nextId).padStart(3, '0')}`, sourceId, origin, reportedAt, values };
}

describe('date compatibility', () => {
  it.each([
    ['2021-08', '2021-08-09'],
    ['2021', '2021-08-09'],
    ['2021', '2021-12'],
    ['2021-08-09', '2021-08-09'],
  ])('%s and %s are compatible, both ways', (a, b) => {
    for (const property of ['startDate', 'endDate'] as const) {
      expect(compatible(property, a, b)).toBe(true);
      expect(compatible(property, b, a)).toBe(true);
    }
  });

  it.each([
    ['2021-08-09', '2021-08-12'],
    ['2021', '2022-01'],
    ['2021-08', '2021-09-01'],
    ['2021-01', '2021-10'],
    ['2021-01-01', '2021-01-10'],
    ['2020', '2021'],
  ])('%s and %s are not compatible, both ways', (a, b) => {
    for (const property of ['startDate', 'endDate'] as const) {
      expect(compatible(property, a, b)).toBe(false);
      expect(compatible(property, b, a)).toBe(false);
    }
  });

  it('calls a month and a day inside it two values, not one', () => {
    expect(sameValue('startDate', '2021-08', '2021-08-09')).toBe(false);
    expect(sameValue('startDate', '2021-08-09', '2021-08-09')).toBe(true);
  });
});

describe('title compatibility', () => {
  it('finds a rank inside a longer rank, word for word, case and accents aside', () => {
    expect(compatible('title', 'General', 'Lieutenant General')).toBe(true);
    expect(compatible('title', 'Lieutenant General', 'General')).toBe(true);
    expect(compatible('title', 'general', 'LIEUTENANT-GENERAL')).toBe(true);
    expect(compatible('title', 'Général', 'Lieutenant General')).toBe(true);
  });

  it('does not find a rank inside another word', () => {
    // "General" is not a word of "Generalissimo", nor "Major" of "Majority Leader".
    expect(compatible('title', 'General', 'Generalissimo')).toBe(false);
    expect(compatible('title', 'Major', 'Majority Leader')).toBe(false);
  });

  it('keeps two different ranks apart', () => {
    expect(compatible('title', 'Major General', 'Lieutenant General')).toBe(false);
    expect(compatible('title', 'Colonel', 'General')).toBe(false);
  });
});

describe('category compatibility', () => {
  it('accepts only the same category, spelling aside', () => {
    expect(compatible('category', 'military', 'military')).toBe(true);
    expect(compatible('category', 'military', 'Military')).toBe(true);
    expect(compatible('category', 'armed_group', 'armed group')).toBe(true);
    expect(compatible('category', 'military', 'government')).toBe(false);
    expect(compatible('category', 'political', 'political party')).toBe(false);
  });

  it('never disputes free wording, always disputes dates, titles and categories', () => {
    expect(compatible('description', 'a city', 'a completely different thing')).toBe(true);
    expect(compatible('role', 'commander', 'observer')).toBe(true);
    expect(disputable('description')).toBe(false);
    expect(disputable('role')).toBe(false);
    for (const property of ['startDate', 'endDate', 'title', 'category'] as const) expect(disputable(property)).toBe(true);
  });
});

describe('status', () => {
  it('is UNSOURCED with no report', () => {
    const c = corroborate(ENTITY_VALUE_PROPERTIES, []);
    expect(c).toMatchObject({ sourceCount: 0, independentSourceCount: 0, status: 'UNSOURCED', disputed: [], firstReportedAt: null, lastReportedAt: null });
    expect(c.preferred).toEqual({});
  });

  it('is SINGLE_SOURCE for two sources of one origin (a copy), which still count as two sources', () => {
    const c = corroborate(ENTITY_VALUE_PROPERTIES, [report('voice:a', '2021-08-09', {}, 'outlet-a'), report('voice:a', '2021-08-10', {}, 'outlet-d')]);
    expect(c).toMatchObject({
      sourceCount: 2,
      independentSourceCount: 1,
      status: 'SINGLE_SOURCE',
      firstReportedAt: '2021-08-09',
      lastReportedAt: '2021-08-10',
    });
  });

  it('counts one source reporting twice once', () => {
    const c = corroborate(ENTITY_VALUE_PROPERTIES, [report('source:a', '2021-08-09', {}, 'a'), report('source:a', '2021-08-09', {}, 'a')]);
    expect(c).toMatchObject({ sourceCount: 1, independentSourceCount: 1, status: 'SINGLE_SOURCE' });
  });

  it('is CORROBORATED from two origins, with compatible values', () => {
    const c = corroborate(ENTITY_VALUE_PROPERTIES, [
      report('source:a', '2021-08-09', { startDate: '2021-08', title: 'General' }),
      report('source:b', null, { startDate: '2021-08-09', title: 'Lieutenant General' }),
    ]);
    expect(c).toMatchObject({
      sourceCount: 2,
      independentSourceCount: 2,
      status: 'CORROBORATED',
      disputed: [],
      firstReportedAt: '2021-08-09',
      lastReportedAt: '2021-08-09',
    });
  });

  it('is DISPUTED on incompatible dates, over CORROBORATED, naming only the property in dispute', () => {
    const c = corroborate(ENTITY_VALUE_PROPERTIES, [
      report('source:a', '2021-08-09', { startDate: '2021-08-09', endDate: '2021-08-13', description: 'one wording' }),
      report('source:b', '2021-08-11', { startDate: '2021-08-10', endDate: '2021-08-13', description: 'another wording altogether' }),
      report('source:c', '2021-08-03', { startDate: '2021-08', endDate: '2021-08' }),
    ]);
    expect(c.status).toBe('DISPUTED');
    expect(c.disputed).toEqual(['startDate']);
    expect(c.independentSourceCount).toBe(3);
  });

  it('is DISPUTED on two ranks neither of which contains the other, and on two categories', () => {
    expect(
      corroborate(ENTITY_VALUE_PROPERTIES, [report('source:a', null, { title: 'Major General' }), report('source:b', null, { title: 'Lieutenant General' })])
        .disputed,
    ).toEqual(['title']);
    expect(
      corroborate(ENTITY_VALUE_PROPERTIES, [report('source:a', null, { category: 'military' }), report('source:b', null, { category: 'government' })]).disputed,
    ).toEqual(['category']);
  });

  it('is never DISPUTED on roles or descriptions, however different', () => {
    const c = corroborate(RELATION_VALUE_PROPERTIES, [report('source:a', null, { role: 'commander' }), report('source:b', null, { role: 'observer' })]);
    expect(c).toMatchObject({ status: 'CORROBORATED', disputed: [] });
  });

  it('ignores blank values: they neither dispute nor win', () => {
    const c = corroborate(ENTITY_VALUE_PROPERTIES, [
      report('source:a', null, { title: '   ' }),
      report('source:b', null, { title: 'General', description: null }),
    ]);
    expect(c).toMatchObject({ status: 'CORROBORATED', disputed: [], preferred: { title: 'General' } });
    expect(c.values.filter((value) => value.property === 'title').map((value) => value.value)).toEqual(['General']);
  });

  it('orders partial report dates as text: 2021-08 is before 2021-08-09', () => {
    const c = corroborate(ENTITY_VALUE_PROPERTIES, [
      report('source:a', '2021-08-09', {}),
      report('source:b', '2021-08', {}),
      report('source:c', '2021-09', {}),
    ]);
    expect(c.firstReportedAt).toBe('2021-08');
    expect(c.lastReportedAt).toBe('2021-09');
  });
});

describe('preferred value', () => {
  const preferredOf = (reports: ReportFacts[], property: 'startDate' | 'title' | 'description' | 'role' = 'startDate') =>
    corroborate([...ENTITY_VALUE_PROPERTIES, 'role'], reports).preferred[property];

  /** Every permutation we try must give the same preferred value and the same alternatives. */
  function expectOrderFree(reports: ReportFacts[], property: 'startDate' | 'title' | 'description' | 'role', expected: string) {
    const reference = corroborate([...ENTITY_VALUE_PROPERTIES, 'role'], reports);
    expect(reference.preferred[property]).toBe(expected);
    const norm = (c: ReturnType<typeof corroborate>) =>
      c.values
        .map((value) => ({ ...value, reportIds: [...value.reportIds].sort(), sourceIds: [...value.sourceIds].sort(), origins: [...value.origins].sort() }))
        .sort((a, b) => `${a.property} ${a.value}`.localeCompare(`${b.property} ${b.value}`));
    for (let seed = 1; seed <= 40; seed += 1) {
      const order = shuffled(reports, seed);
      const c = corroborate([...ENTITY_VALUE_PROPERTIES, 'role'], order);
      expect(c.preferred, `seed ${seed}: ${order.map((r) => r.id).join(',')}`).toEqual(reference.preferred);
      expect(c.status, `seed ${seed}`).toBe(reference.status);
      expect(c.disputed, `seed ${seed}`).toEqual(reference.disputed);
      expect(norm(c), `seed ${seed}`).toEqual(norm(reference));
    }
  }

  it('goes to the value most independent sources give, however many reports one origin makes', () => {
    const reports = [
      report('voice:a', '2021-08-09', { startDate: '2021-08-12' }, 'outlet-a'),
      report('voice:a', '2021-08-09', { startDate: '2021-08-12' }, 'copy-1'),
      report('voice:a', '2021-08-09', { startDate: '2021-08-12' }, 'copy-2'),
      report('source:b', '2021-08-10', { startDate: '2021-08-10' }),
      report('source:c', '2021-08-11', { startDate: '2021-08-10' }),
    ];
    expectOrderFree(reports, 'startDate', '2021-08-10');
    const [best] = corroborate(ENTITY_VALUE_PROPERTIES, reports).values.filter((value) => value.preferred && value.property === 'startDate');
    expect(best).toMatchObject({ support: 2, origins: ['source:b', 'source:c'] });
  });

  it('goes, between equally supported values, to the more precise one', () => {
    // The month and the day agree: both have the support of both sources; the day is more precise.
    expectOrderFree(
      [report('source:a', '2021-08-03', { startDate: '2021-08' }), report('source:b', '2021-08-20', { startDate: '2021-08-09' })],
      'startDate',
      '2021-08-09',
    );
    expectOrderFree([report('source:a', null, { title: 'General' }), report('source:b', null, { title: 'Lieutenant General' })], 'title', 'Lieutenant General');
  });

  it('goes, between equally supported and equally precise values, to the earliest reported', () => {
    const reports = [
      report('source:late', '2021-08-11', { startDate: '2021-08-10' }),
      report('source:early', '2021-08-09', { startDate: '2021-08-09' }),
      report('source:undated', null, { startDate: '2021-08-08' }),
    ];
    expectOrderFree(reports, 'startDate', '2021-08-09');
  });

  it('does not let a vague value outvote a clear majority on a precise one', () => {
    // Five independent outlets say the 9th, one says the 10th, one says only "August". The month agrees with everyone,
    // but it is one source's value: the day that six sources support (five plus the month) is the better answer.
    const reports = [
      ...['a', 'b', 'c', 'd', 'e'].map((outlet) => report(`source:${outlet}`, '2021-08-09', { startDate: '2021-08-09' })),
      report('source:f', '2021-08-10', { startDate: '2021-08-10' }),
      report('source:seed', '2021-08-03', { startDate: '2021-08' }),
    ];
    expectOrderFree(reports, 'startDate', '2021-08-09');
  });

  it('gives a role or description to the wording most sources use, not to the longest one', () => {
    const reports = [
      ...['a', 'b', 'c'].map((outlet) => report(`source:${outlet}`, '2021-08-10', { role: 'commander', description: 'PLA officer' })),
      report('source:d', '2021-08-09', {
        role: 'commanding officer of the Chinese participating troops',
        description: 'A senior officer of the PLA Western Theater',
      }),
    ];
    expectOrderFree(reports, 'role', 'commander');
    expectOrderFree(reports, 'description', 'PLA officer');
    const roles = corroborate(RELATION_VALUE_PROPERTIES, reports).values.filter((value) => value.property === 'role');
    expect(Object.fromEntries(roles.map((value) => [value.value, value.support]))).toEqual({
      commander: 3,
      'commanding officer of the Chinese participating troops': 1,
    });
  });

  it('does not depend on the order reports arrive in, spelling variants included', () => {
    const reports = [
      report('source:a', '2021-08-09', { title: 'lieutenant general', description: 'PLA officer', role: 'commander' }),
      report('source:b', '2021-08-10', { title: 'Lieutenant General', description: 'pla officer', role: 'Commander' }),
      report('source:c', '2021-08-10', { title: 'General', description: 'A senior officer of the PLA', role: 'commanding officer' }),
      report('source:d', '2021-08-11', { title: 'LIEUTENANT GENERAL', description: 'PLA Officer', role: 'COMMANDER' }),
    ];
    // The preferred title is one of the spellings of the title three sources give; which one must not depend on the order.
    expectOrderFree(reports, 'title', corroborate(ENTITY_VALUE_PROPERTIES, reports).preferred.title!);
    expectOrderFree(reports, 'role', corroborate(RELATION_VALUE_PROPERTIES, reports).preferred.role!);
    expectOrderFree(reports, 'description', corroborate(ENTITY_VALUE_PROPERTIES, reports).preferred.description!);
    expect(normalized(corroborate(ENTITY_VALUE_PROPERTIES, reports).preferred.title!)).toBe('lieutenant general');
  });

  it('marks exactly one preferred value per property given', () => {
    const reports = [
      report('source:a', '2021-08-09', { startDate: '2021-08-09', endDate: '2021-08-13', description: 'x' }),
      report('source:b', '2021-08-11', { startDate: '2021-08-10', endDate: '2021-08' }),
    ];
    const c = corroborate(ENTITY_VALUE_PROPERTIES, reports);
    for (const property of ['startDate', 'endDate', 'description'] as const) {
      expect(
        c.values.filter((value) => value.property === property && value.preferred),
        property,
      ).toHaveLength(1);
    }
    expect(c.values.some((value) => value.property === 'title')).toBe(false);
    expect(preferredOf(reports, 'title')).toBeUndefined();
  });
});

const normalized = (text: string) => text.toLowerCase();

const ORIGINAL = `Chinese and Russian units began the joint drill Zapad/Interaction-2021 on Monday at a training base near the town of
Qingtongxia in northwestern China. The exercise is scheduled to run until Friday. China and Russia are both fielding ground and
air units for the five days of manoeuvres. Russia has sent fighter jets, air defence crews and motorised infantry, who arrived by
rail and by transport aircraft over the past week, while China provides the host formations, the ranges and most of the
artillery. Lieutenant General Liu Xiaowu is the commanding officer of the Chinese participating troops, and he opened the drill
together with his Russian counterpart at a short ceremony on the parade ground. Both officers spoke of joint command and control
as the core of this year's programme. The scenario, according to the organisers, is a counter-terrorism operation: a combined
staff must find an armed group hiding in open desert terrain, share reconnaissance data between the two armies and strike it
with aircraft and artillery. Observers note that the exercise is the largest the two countries have held on Chinese soil since
the pandemic began. The drill closes on Friday with a live-fire phase.`;

/** The same story under another headline, its last sentence cut, and a line of boilerplate added: a syndicated copy. */
const COPY = `Russian jets land in Ningxia for joint war games\n\n${ORIGINAL.replace(' The drill closes on Friday with a live-fire phase.', '')}\n\nThis article first appeared in a partner publication.`;

/** Another outlet's own story of the same exercise, in its own words. */
const OTHER = `The People's Liberation Army and the Russian military have opened a week of combined manoeuvres in the Ningxia Hui
Autonomous Region, the defence ministry in Beijing said in a statement. According to the ministry, more than ten thousand
servicemen take part, with Su-30SM fighters and Chinese J-20 aircraft flying together for the first time. The PLA commander for
the drills, Liu Xiaowu, told state television that the two armies now plan operations from one shared headquarters. Analysts in
Moscow described the event as a signal to Washington, while diplomats in Kabul watched for a change in Beijing's posture. The
manoeuvres start on Tuesday and end on Friday with a demonstration attended by senior officials from both capitals.`;

describe('MinHash', () => {
  it('finds a syndicated copy (new headline, a sentence cut) similar at or above the copy threshold', () => {
    const a = signature(ORIGINAL)!;
    const b = signature(COPY)!;
    expect(similarity(a, b)).toBeGreaterThanOrEqual(0.5);
    expect(similarity(a, b)).toBeGreaterThanOrEqual(COPY_SIMILARITY);
    // A copy shares at least one band with its original: it is found by index lookup.
    expect(bands(a).some((band) => bands(b).includes(band))).toBe(true);
  });

  it('keeps two outlets’ own stories of the same event apart', () => {
    expect(similarity(signature(ORIGINAL)!, signature(OTHER)!)).toBeLessThan(0.2);
    expect(similarity(signature(COPY)!, signature(OTHER)!)).toBeLessThan(0.2);
  });

  it('is symmetric and 1 for the same text', () => {
    const a = signature(ORIGINAL)!;
    const b = signature(OTHER)!;
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, b)).toBe(similarity(b, a));
  });

  it('gives no signature to a text too short for one shingle', () => {
    expect(signature('')).toBeNull();
    expect(signature('   \n\t ')).toBeNull();
    expect(signature('Russia and China drill.')).toBeNull();
    expect(signature('— — — ... !!! ???')).toBeNull();
    expect(signature('Russia and China hold drills')).not.toBeNull();
  });

  it('is deterministic: the same text, the same signature and bands, across calls', () => {
    const first = signature(ORIGINAL)!;
    expect(first).toHaveLength(128);
    for (const value of first) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(4_294_967_291);
    }
    expect(signature(ORIGINAL)).toEqual(first);
    expect(bands(signature(ORIGINAL)!)).toEqual(bands(first));
    // The same words, spelled with other case, accents, punctuation and spacing, are the same text.
    expect(signature(ORIGINAL.toUpperCase().replace(/\s+/g, '   ').replace(/,/g, ' ;'))).toEqual(first);
  });

  it('survives texts of hostile shapes: a huge text, one repeated word, astral characters', () => {
    const huge = Array.from({ length: 50_000 }, (_, i) => `word${i % 997}`).join(' ');
    expect(signature(huge)).toHaveLength(128);
    const repeated = signature('drill '.repeat(1000))!;
    expect(repeated).toHaveLength(128);
    // One shingle only: every position the same value's permutation, still a valid signature equal to itself.
    expect(similarity(repeated, signature('drill '.repeat(6))!)).toBe(1);
    expect(signature('𝔄𝔅 𝔆𝔇 😀😀 text more words here')).toHaveLength(128);
  });
});

describe('wire credits', () => {
  it('credits a dateline "(Xinhua)"', () => {
    expect(wireCredit('BEIJING, Aug. 9 (Xinhua) -- Chinese and Russian troops began a joint exercise on Monday in Ningxia.')).toBe('Xinhua');
  });

  it('credits "(AP)", "(Reuters)", a closing "— AFP" and a dateline "Reuters -"', () => {
    expect(wireCredit('MOSCOW (AP) — Russia said on Monday that its troops had arrived in China for joint drills.')).toBe('Associated Press');
    expect(wireCredit('MOSCOW (Reuters) - Russia said on Monday that its troops had arrived in China for joint drills.')).toBe('Reuters');
    expect(wireCredit('Russia said on Monday that its troops had arrived in China for joint drills.\n— AFP')).toBe('Agence France-Presse');
    expect(wireCredit('Reuters - Russia said on Monday that its troops had arrived in China for joint drills.')).toBe('Reuters');
    expect(wireCredit('AP — Russia said on Monday that its troops had arrived in China for joint drills.')).toBe('Associated Press');
    expect(wireCredit('AFP—Russia said on Monday that its troops had arrived in China for joint drills.')).toBe('Agence France-Presse');
  });

  it('does not credit a wire merely cited in the text', () => {
    const text = `Chinese and Russian units began a joint drill on Monday in the Ningxia region of northwestern China.
Reuters reported that more than ten thousand troops take part, a figure the ministry did not confirm.
The exercise runs until Friday.`;
    expect(wireCredit(text)).toBeNull();
    expect(wireCredit('Officials told Reuters that the drill was planned months ago, and Xinhua said it would end on Friday.')).toBeNull();
  });

  it('does not credit "ap" in lower case, nor AP inside a word', () => {
    expect(wireCredit('Troops took a nap (ap) before the drill began on Monday.')).toBeNull();
    expect(wireCredit('The drill - ap\nbegan on Monday in Ningxia.')).toBeNull();
    expect(wireCredit('Soldiers used a MAP and an APC during the drill on Monday.')).toBeNull();
  });

  it("does not take an abbreviation in brackets, or a caption credit mid-text, for the text's credit", () => {
    expect(wireCredit('The chief minister of Andhra Pradesh (AP) met the delegation on Monday before the drill in Ningxia began.')).toBeNull();
    const captioned = `Tanks cross the steppe during the drill. - Reuters
Chinese and Russian units began a joint drill on Monday in the Ningxia region, officials said.
The exercise runs until Friday.`;
    expect(wireCredit(captioned)).toBeNull();
    expect(wireCredit('Troops of both countries began the drill on Monday.\nEFE\nThe exercise runs until Friday in Ningxia.')).toBeNull();
  });

  it('does not take a compound word opening a line for a dateline credit', () => {
    // "AP-NORC" is a poll, "Xinhua-run" an adjective: a line opening with them cites, it does not credit.
    expect(wireCredit('AP-NORC poll finds most Americans follow the drills in China.\nThe exercise runs until Friday.')).toBeNull();
    expect(wireCredit('Xinhua-run outlets described the drill as routine.\nThe exercise runs until Friday in Ningxia.')).toBeNull();
  });

  it('reads credits only where they stand: the first or last 400 characters', () => {
    const middle = `${'The exercise continued. '.repeat(40)}(Xinhua)${' The exercise continued.'.repeat(40)}`;
    expect(wireCredit(middle)).toBeNull();
    expect(wireCredit(`${'The exercise continued. '.repeat(40)}(Xinhua)`)).toBe('Xinhua');
  });
});

describe('origins', () => {
  it('keys sources by name, spelling aside', () => {
    expect(sourceKey('Global Times')).toBe(sourceKey('GLOBAL  times'));
    expect(sourceKey('Xinhua')).toBe(sourceKey('xinhua'));
  });

  it('gives a wire-credited document, and every copy of it, the wire’s voice', () => {
    const original = { id: 'a', wire: 'Xinhua', publisherKey: sourceKey('Outlet A') };
    const copy = { id: 'd', wire: null, publisherKey: sourceKey('Outlet D') };
    expect(voiceOrigin(original, original)).toBe(`source:${sourceKey('Xinhua')}`);
    expect(voiceOrigin(copy, original)).toBe(`source:${sourceKey('Xinhua')}`);
  });

  it('gives a copy its original publisher’s voice, and a document without publisher its own', () => {
    const original = { id: 'a', wire: null, publisherKey: sourceKey('Outlet A') };
    expect(voiceOrigin({ id: 'd', wire: null, publisherKey: sourceKey('Outlet D') }, original)).toBe(`source:${sourceKey('Outlet A')}`);
    const bare = { id: 'b', wire: null, publisherKey: null };
    expect(voiceOrigin(bare, bare)).toBe('voice:b');
  });

  it('gives a source named by a wire’s full name the wire credit’s origin', () => {
    const credited = voiceOrigin(
      { id: 'x', wire: wireCredit('BEIJING, Aug. 9 (Xinhua) -- Troops arrived for the drills.'), publisherKey: null },
      { id: 'x', wire: null, publisherKey: null },
    );
    expect(credited).toBe(`source:${sourceKey('Xinhua News Agency')}`);
    expect(sourceKey('Agence France Presse')).toBe(sourceKey('AFP'));
    // Only a whole name: an outlet whose name contains a wire's is another source.
    expect(sourceKey('Apple Daily')).not.toBe(sourceKey('AP'));
    expect(sourceKey('Reuters Institute')).not.toBe(sourceKey('Reuters'));
  });

  it('gives a wire credited by its short name the same origin as a source named by its short name', () => {
    // "(AP)" is credited as "Associated Press"; a source the bundle names "AP" is the same wire, one independent source.
    const credited = voiceOrigin(
      { id: 'x', wire: wireCredit('MOSCOW (AP) — Troops arrived in China for the drills on Monday.'), publisherKey: null },
      { id: 'x', wire: null, publisherKey: null },
    );
    expect(credited).toBe(`source:${sourceKey('AP')}`);
  });
});
