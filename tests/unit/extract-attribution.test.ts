import { describe, expect, it } from 'vitest';
import { extractAttributions } from '../../src/extract/attribution/index.js';
import type { Attribution, Span } from '../../src/extract/types.js';
import { entity, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('attribution-speech');
const text = fixture.article.text;
const entities = [
  entity(fixture, 'PERSON', 'Ali Khan', [
    { phrase: 'Khan', kind: 'alias' },
    { phrase: 'he', kind: 'pronoun' },
  ]),
];
const attributions = extractAttributions(fixture.doc, entities, fixture.article);

/** The narrowest attribution holding a quote: the one the assembler uses. */
function covering(quote: string): Attribution | undefined {
  const start = text.indexOf(quote);
  const span: Span = { start, end: start + quote.length };
  return attributions.filter((a) => a.start <= span.start && a.end >= span.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

describe('attribution', () => {
  it('gives the sentence of "according to spokesperson X" to X, but not the words naming X', () => {
    expect(covering('The army will withdraw by May')).toMatchObject({ speaker: 'ali-khan', rule: 'according-to' });
    expect(covering('defence spokesperson Ali Khan')?.speaker).toBeUndefined();
  });

  it('reads "X said that" and "…, he added" through the speaker\'s mentions', () => {
    expect(covering('the decision was final')).toMatchObject({ speaker: 'ali-khan', rule: 'reported-speech' });
    expect(covering('The troops are tired')).toMatchObject({ speaker: 'ali-khan' });
  });

  it('names outlets from "according to a report in X" and "X reported"', () => {
    expect(covering('the talks failed')).toMatchObject({ outlet: 'The Daily Star' });
    expect(covering('the talks failed')?.speaker).toBeUndefined();
    expect(covering('two bridges were hit')).toMatchObject({ outlet: 'The Kyiv Independent' });
  });

  it('attributes nothing in a sentence that cites no one', () => {
    expect(covering('The weather was cold on Friday')).toBeUndefined();
  });
});

describe('attribution across sentences', () => {
  const more = loadRelationFixture('attribution-more');
  const people = [entity(more, 'ORGANIZATION', 'Defence Ministry'), entity(more, 'PERSON', 'Ana Costa', [{ phrase: 'Costa', kind: 'alias' }])];
  const found = extractAttributions(more.doc, people, more.article);
  const speakerOf = (quote: string) => {
    const start = more.article.text.indexOf(quote);
    return found.filter((a) => a.start <= start && a.end >= start + quote.length).sort((a, b) => a.end - a.start - (b.end - b.start))[0]?.speaker;
  };

  it('gives "a ministry spokesperson said" to the ministry the article named', () => {
    expect(speakerOf('The troops will leave in May')).toBe('defence-ministry');
  });

  it('carries "…, X added" back to the sentence before, and a quotation on to the next one', () => {
    expect(speakerOf('The mission is vital.')).toBe('ana-costa');
    expect(speakerOf('"The ships will sail on time."')).toBe('ana-costa');
  });

  it('gives nothing to a speaker who is no entity', () => {
    expect(speakerOf('Nobody expected this')).toBeUndefined();
    expect(speakerOf('The port was quiet.')).toBeUndefined();
  });
});
