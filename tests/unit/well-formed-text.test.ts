import { describe, expect, it } from 'vitest';
import { decodeUtf8, holdsUnpairedSurrogate, percentEscapesAreUtf8 } from '../../src/server/plugins/well-formed-text.js';

describe('text that decoding would alter', () => {
  it('finds bytes that are not UTF-8, where a lenient decoder would put U+FFFD', () => {
    expect(decodeUtf8(Buffer.from('é 日本 😀', 'utf8'))).toBe('é 日本 😀');
    expect(decodeUtf8(Buffer.from([0x61, 0xff]))).toBeNull();
    // A surrogate encoded as if it were a character (CESU-8): not UTF-8.
    expect(decodeUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBeNull();
    // A byte-order mark is kept, so a JSON body that starts with one stays malformed JSON.
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b]))).toBe('\ufeff{');
  });

  it('finds percent-escapes of invalid UTF-8 in forms and query strings, and leaves a lone "%" alone', () => {
    expect(percentEscapesAreUtf8('query=%7B%20__typename%20%7D&variables=%7B%22s%22%3A%22%C3%A9%E6%97%A5%22%7D')).toBe(true);
    expect(percentEscapesAreUtf8('s=100%&t=%zz+a')).toBe(true);
    expect(percentEscapesAreUtf8('variables=%7B%22s%22%3A%22%ED%A0%80%22%7D')).toBe(false);
    expect(percentEscapesAreUtf8('s=%FF')).toBe(false);
    expect(percentEscapesAreUtf8('s=%C3')).toBe(false);
  });

  it('finds unpaired surrogates anywhere in parsed parameters, keys included, however deep', () => {
    expect(holdsUnpairedSurrogate({ query: '{ a }', variables: { s: ['ok', { t: 'pair 😀' }] } })).toBe(false);
    expect(holdsUnpairedSurrogate({ variables: { s: ['ok', { t: 'lone \ud800' }] } })).toBe(true);
    expect(holdsUnpairedSurrogate({ variables: { ['\udc00']: 1 } })).toBe(true);
    let deep: unknown = '\ud800';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(holdsUnpairedSurrogate(deep)).toBe(true);
  });
});
