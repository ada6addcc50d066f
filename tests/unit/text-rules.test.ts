import { describe, expect, it } from 'vitest';
import { freeTextProblem, nameProblem } from '../../src/model/text-rules.js';

describe('names: one line of visible text', () => {
  it.each([
    ['Liu Xiaowu'],
    ['Zapad/Interaction-2021'],
    ['Qīngtóngxiá'],
    ['e\u0301te\u0301'],
    ['مرحبا بالعالم'],
    ['שלום עולם'],
    ['日本語のテキスト'],
    ['Ｚａｐａｄ'],
    // A Persian surname spelled with a zero-width non-joiner between its parts, and a Devanagari conjunct with a joiner.
    ['علی\u200Cزاده'],
    ['क्\u200Dष'],
  ])('accepts %s', (name) => {
    expect(nameProblem(name)).toBeNull();
  });

  it.each([
    ['NUL', 'Probe\u0000Nul', /U\+0000/],
    ['a tab', 'a\tb', /U\+0009/],
    ['a newline', 'a\nb', /U\+000A/],
    ['a C1 control', 'a\u0085b', /U\+0085/],
    ['a line separator', 'a\u2028b', /U\+2028/],
    ['right-to-left override', 'Probe \u202Eetirw', /bidirectional.*U\+202E/],
    ['left-to-right embedding', '\u202Aabc', /U\+202A/],
    ['first strong isolate', 'a\u2068b\u2069', /U\+2068/],
    ['pop directional isolate', 'ab\u2069', /U\+2069/],
    ['zero-width space', 'Pu\u200Btin', /U\+200B/],
    ['word joiner', 'Pu\u2060tin', /U\+2060/],
    ['BOM', '\uFEFFBOM', /U\+FEFF/],
    ['soft hyphen', 'Pu\u00ADtin', /U\+00AD/],
    ['a joiner between Latin letters', 'Pu\u200Ctin', /joiner U\+200C/],
    ['a joiner at the end', 'علی\u200C', /joiner U\+200C/],
    ['a joiner between emoji', '👩\u200D👩', /joiner U\+200D/],
    ['an unpaired surrogate', 'lone \uD800 surrogate', /surrogate/],
  ])('refuses %s, naming the character', (_what, name, says) => {
    expect(nameProblem(name)).toMatch(says);
  });
});

describe('free text: layout kept, NUL refused', () => {
  it('keeps tabs, newlines and direction marks, which quotes of a document may carry', () => {
    expect(freeTextProblem('line one\n\tline two \u202Bمرحبا\u202C \u200B')).toBeNull();
  });

  it('refuses NUL and unpaired surrogates', () => {
    expect(freeTextProblem('a\u0000b')).toMatch(/NUL/);
    expect(freeTextProblem('\uDC00')).toMatch(/surrogate/);
  });
});
