import { describe, expect, it } from 'vitest';
import { extractAttributions } from '../../src/extract/attribution/index.js';
import type { Attribution, Span } from '../../src/extract/types.js';
import { entity, loadRelationFixture } from '../helpers/relation-fixtures.js';

const fixture = loadRelationFixture('attribution-speech');
const text = fixture.article.text;
const entities = [entity(fixture, 'PERSON', 'Ali Khan', [{ phrase: 'Khan', kind: 'alias' }, { phrase: 'he', kind: 'pronoun' }])];
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
