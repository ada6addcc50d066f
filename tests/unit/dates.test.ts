import { describe, expect, it } from 'vitest';
import { dateLowerBound, dateUpperBound, isPartialDate } from '../../src/model/dates.js';

describe('partial dates', () => {
  it.each(['2021', '2021-08', '2021-08-09', '2024-02-29'])('accepts %s', (value) => expect(isPartialDate(value)).toBe(true));
  it.each(['21', '2021-8', '2021-13', '2021-00', '2021-02-29', '2021-08-32', '2021-08-09T10:00', 'August 2021', ''])('rejects %s', (value) =>
    expect(isPartialDate(value)).toBe(false),
  );
  it('bounds partial dates for range queries', () => {
    expect(dateLowerBound('2021')).toBe('2021-01-01');
    expect(dateUpperBound('2021')).toBe('2021-12-31');
    expect(dateLowerBound('2021-02')).toBe('2021-02-01');
    expect(dateUpperBound('2021-02')).toBe('2021-02-28');
    expect(dateUpperBound('2024-02')).toBe('2024-02-29');
    expect(dateUpperBound('2021-08-09')).toBe('2021-08-09');
  });
});
