import { describe, expect, it } from 'vitest';
import { assembleDraft } from '../../src/extract/assemble.js';
import { CodePointOffsets } from '../../src/extract/offsets.js';
import type { Article, ExtractedEntity, ExtractedRelation, Span } from '../../src/extract/types.js';

const TEXT =
  'Talks held\n\n🙂 General Ana Ruiz, commander of the Northern Brigade, said the drill Iron Gate 2024 will start in Tarvo. According to a report in Daily Star, it will last a week.';

function at(word: string, from = 0): Span {
  const start = TEXT.indexOf(word, from);
  return { start, end: start + word.length };
}

function entity(key: string, type: ExtractedEntity['type'], name: string, extra: Partial<ExtractedEntity> = {}): ExtractedEntity {
  const span = at(name);
  return {
    key,
    type,
    name,
    aliases: [],
    mentions: [{ ...span, sentence: 1, tokenBegin: 0, tokenEnd: 1, text: name, kind: 'name', rule: 'test' }],
    rule: `rule:${key}`,
    confidence: 0.9,
    ...extra,
  };
}

const article: Article = { text: TEXT, title: null, url: null, publishedAt: '2024-03-05', source: null, documentId: 'doc-1' };
const sentences = [at('Talks held'), { start: 0, end: TEXT.indexOf('Tarvo.') + 6 }, { start: TEXT.indexOf('According'), end: TEXT.length }];
const entities = [
  entity('ruiz', 'PERSON', 'Ana Ruiz', { title: 'General', aliases: ['Ruiz', 'Ana  Ruiz'] }),
  entity('brigade', 'ORGANIZATION', 'Northern Brigade', { category: 'military' }),
  entity('drill', 'EVENT', 'Iron Gate 2024', { startDate: '2024-04', endDate: '2024-03' }),
  entity('tarvo', 'LOCATION', 'Tarvo'),
];
const commands: ExtractedRelation = {
  type: 'COMMANDS',
  from: 'ruiz',
  to: 'brigade',
  role: 'commander',
  evidence: at('Ana Ruiz, commander of the Northern Brigade'),
  sentence: 1,
  rule: 'rel:commander-of',
  confidence: 0.8,
};

describe('assembleDraft', () => {
  const draft = assembleDraft({
    article,
    sentences,
    entities,
    relations: [
      commands,
      { ...commands, confidence: 0.5, role: 'head' },
      {
        type: 'LOCATED_IN',
        from: 'drill',
        to: 'tarvo',
        evidence: at('the drill Iron Gate 2024 will start in Tarvo'),
        sentence: 1,
        rule: 'rel:take-place-in',
        confidence: 0.7,
      },
      { type: 'LOCATED_IN', from: 'ruiz', to: 'tarvo', evidence: at('Tarvo'), sentence: 1, rule: 'rel:wrong', confidence: 0.9 },
    ],
    attributions: [
      { ...at('Ana Ruiz, commander of the Northern Brigade, said the drill Iron Gate 2024 will start in Tarvo'), speaker: 'ruiz', rule: 'attr:said' },
      { start: TEXT.indexOf('According'), end: TEXT.length, outlet: 'Daily Star', rule: 'attr:outlet' },
    ],
  });
  const { bundle } = draft;

  it('writes every quote at its code-point offsets, after an astral character', () => {
    const points = Array.from(TEXT);
    expect(bundle.reports.length).toBeGreaterThan(0);
    for (const report of bundle.reports) expect(points.slice(report.start!, report.end!).join('')).toBe(report.quote);
    const commandReport = bundle.reports.find((report) => report.quote.startsWith('Ana Ruiz, commander'))!;
    expect(commandReport.start).toBe(TEXT.indexOf('Ana Ruiz') - 1);
    expect(new CodePointOffsets(TEXT).of(TEXT.indexOf('Ana Ruiz'))).toBe(commandReport.start);
  });

  it('marks every report as extracted, with its rule and confidence', () => {
    for (const report of bundle.reports) {
      expect(report.method).toBe('extracted');
      expect(report.rule).toMatch(/^rule:|^rel:/);
      expect(report.confidence).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps one relation per fact, the most confident role, and drops what the model forbids with a warning', () => {
    expect(bundle.relations.map((relation) => relation.id).sort()).toEqual(['ana-ruiz-commands-northern-brigade', 'iron-gate-2024-located-in-tarvo']);
    expect(bundle.relations.find((relation) => relation.type === 'COMMANDS')!.role).toBe('commander');
    expect(draft.warnings.join('\n')).toContain('PERSON → LOCATION is not a valid LOCATED_IN');
  });

  it('puts fields only on the types that carry them, and drops an end date before the start', () => {
    const drill = bundle.entities.find((e) => e.id === 'iron-gate-2024')!;
    expect(drill).toMatchObject({ type: 'EVENT', startDate: '2024-04' });
    expect(drill).not.toHaveProperty('endDate');
    expect(bundle.entities.find((e) => e.id === 'ana-ruiz')).toMatchObject({ title: 'General', aliases: ['Ruiz'] });
  });

  it('sources a statement from its speaker, an outlet named for it, or else the document, and omits metadata not given', () => {
    const relation = bundle.reports.find((report) => 'relation' in report.subject && report.subject.relation === 'ana-ruiz-commands-northern-brigade')!;
    expect(relation.attributedTo).toBe('ana-ruiz');
    expect(bundle.sources.find((source) => source.id === relation.source)).toMatchObject({ kind: 'official', entity: 'ana-ruiz', name: 'Ana Ruiz, General' });
    expect(bundle.sources.map((source) => source.kind).sort()).toEqual(['document', 'official']);
    expect(bundle.document).toEqual({ id: 'doc-1', text: TEXT, publishedAt: '2024-03-05' });
  });

  it('gives the mentions in code points for highlighting', () => {
    const ruiz = draft.mentions.find((mention) => mention.entityId === 'ana-ruiz')!;
    expect(Array.from(TEXT).slice(ruiz.start, ruiz.end).join('')).toBe('Ana Ruiz');
  });
});

describe('assembleDraft on web copy', () => {
  it('makes valid names of text with soft hyphens, zero-width spaces and direction marks, and cuts a run-on quote to the limit', () => {
    const runOn = `Col\u00ADonel Vera\u200B Kos of the \u200FCoastal Guard said ${'and then it went on '.repeat(1_500)}the end.`;
    const name = (word: string): Span => ({ start: runOn.indexOf(word), end: runOn.indexOf(word) + word.length });
    const person = name('Vera\u200B Kos');
    const draft = assembleDraft({
      article: { text: runOn, title: null, url: null, publishedAt: null, source: 'Daily\u200B Star', documentId: 'doc-2' },
      sentences: [{ start: 0, end: runOn.length }],
      entities: [
        {
          key: 'kos',
          type: 'PERSON',
          name: 'Vera\u200B Kos',
          aliases: ['Kos\u00AD'],
          title: 'Col\u00ADonel',
          mentions: [{ ...person, sentence: 0, tokenBegin: 1, tokenEnd: 3, text: 'Vera Kos', kind: 'name', rule: 'test' }],
          rule: 'test',
          confidence: 0.9,
        },
        {
          key: 'guard',
          type: 'ORGANIZATION',
          name: '\u200FCoastal Guard',
          aliases: [],
          mentions: [{ ...name('Coastal Guard'), sentence: 0, tokenBegin: 5, tokenEnd: 7, text: 'Coastal Guard', kind: 'name', rule: 'test' }],
          rule: 'test',
          confidence: 0.9,
        },
      ],
      relations: [{ type: 'MEMBER_OF', from: 'kos', to: 'guard', evidence: { start: 0, end: runOn.length }, sentence: 0, rule: 'test', confidence: 0.5 }],
      attributions: [],
    });
    expect(draft.bundle.entities.map((entity) => entity.name)).toEqual(['Vera Kos', 'Coastal Guard']);
    expect(draft.bundle.entities[0]).toMatchObject({ title: 'Colonel', aliases: ['Kos'] });
    expect(draft.bundle.sources[0]!.name).toBe('Daily Star');
    const points = Array.from(runOn);
    for (const report of draft.bundle.reports) {
      expect(report.end! - report.start!).toBeLessThanOrEqual(20_000);
      expect(points.slice(report.start!, report.end!).join('')).toBe(report.quote);
    }
  });
});
