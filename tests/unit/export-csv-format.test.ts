import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArrayDelimiterError, checkArrayDelimiter, csvArray, csvField, csvRow } from '../../src/export/csv-format.js';
import { importCommand, shellQuote } from '../../src/export/import-readme.js';

/** RFC 4180 reader for one record; a quoted empty field reads as '', an unquoted one as null. */
function parseRecord(line: string): Array<string | null> {
  const fields: Array<string | null> = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (line[i + 1] === '"') field += line[++i];
      else quoted = false;
    } else if (char === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (char === ',' || (char === '\n' && i === line.length - 1)) {
      fields.push(field === '' && !wasQuoted ? null : field);
      field = '';
      wasQuoted = false;
    } else field += char;
  }
  return fields;
}

/** Mostly the characters that matter to CSV, and any Unicode besides. */
const FIELD = fc.oneof(fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', ';', 'é') }), fc.string({ unit: 'binary' }));

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain values alone and quotes commas, quotes and line breaks', () => {
    expect(csvField('Jane Roe')).toBe('Jane Roe');
    expect(csvField(42)).toBe('42');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('He said, "hi"\nthen left')).toBe('"He said, ""hi""\nthen left"');
    expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvField('"')).toBe('""""');
  });

  it('writes a missing value as an empty field and an empty string as ""', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvRow(['a', null, '', 'b'])).toBe('a,,"",b\n');
  });

  it('reads back every row it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.option(FIELD, { nil: null }), { minLength: 1, maxLength: 8 }), (values) => {
        expect(parseRecord(csvRow(values))).toEqual(values);
      }),
    );
  });
});

describe('CSV arrays and the import command', () => {
  it('joins array elements with the delimiter and refuses an element containing it', () => {
    expect(csvArray(['Entity', 'Person'], ';')).toBe('Entity;Person');
    expect(csvArray([], ';')).toBeNull();
    expect(() => csvArray(['Roe; Jane'], ';')).toThrow(ArrayDelimiterError);
    expect(csvArray(['Roe; Jane'], '|')).toBe('Roe; Jane');
  });

  it('accepts one character other than the field separator, the quote and line breaks', () => {
    expect(() => checkArrayDelimiter('|')).not.toThrow();
    for (const bad of [',', '"', '\n', '', ';;']) expect(() => checkArrayDelimiter(bad)).toThrow(RangeError);
  });

  it('quotes the delimiter for the shell', () => {
    expect(shellQuote(';')).toBe(`';'`);
    expect(shellQuote("'")).toBe(`''"'"''`);
    expect(importCommand(';')).toMatch(/^neo4j-admin database import full neo4j \\\n {2}--nodes=entities\.csv/);
    expect(importCommand(';')).toContain(`--array-delimiter=';'`);
  });
});
