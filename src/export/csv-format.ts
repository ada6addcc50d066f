/**
 * RFC 4180 fields as `neo4j-admin database import` reads them: a field with
 * a comma, a double quote or a line break is quoted, quotes doubled. A
 * missing value (null) is an empty field, which the importer skips; an empty
 * string is written quoted (`""`) so it stays an empty string.
 */

export type CsvValue = string | number | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (text === '') return '""';
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, newline-terminated. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** Thrown when an array element contains the array delimiter and so could not be read back. */
export class ArrayDelimiterError extends Error {
  constructor(
    readonly value: string,
    readonly delimiter: string,
  ) {
    super(`the value ${JSON.stringify(value)} contains the array delimiter ${JSON.stringify(delimiter)}`);
    this.name = 'ArrayDelimiterError';
  }
}

/** An array property (`name:string[]`): elements joined by the import's --array-delimiter; empty is missing. */
export function csvArray(values: readonly string[], delimiter: string): string | null {
  for (const value of values) if (value.includes(delimiter)) throw new ArrayDelimiterError(value, delimiter);
  return values.length > 0 ? values.join(delimiter) : null;
}

/** neo4j-admin takes one character as the array delimiter, and not the field separator or quote. */
export function checkArrayDelimiter(delimiter: string): void {
  if ([...delimiter].length !== 1 || delimiter === ',' || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`the array delimiter must be one character other than a comma, quote or line break, not ${JSON.stringify(delimiter)}`);
  }
}
