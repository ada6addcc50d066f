import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT, echoed, MESSAGE_LIMIT, withShortEchoes } from '../../src/model/echo.js';
import { withoutSuggestions } from '../../src/server/plugins/error-messages.js';

describe('values echoed in error messages', () => {
  it('are cut to a short prefix with an ellipsis', () => {
    const id = 'a'.repeat(100_000);
    expect(echoed(id)).toBe(`"${'a'.repeat(ECHO_LIMIT)}…"`);
    expect(echoed('liu-xiaowu')).toBe('"liu-xiaowu"');
  });

  it('are cut in any message, as graphql-js and the repositories quote them', () => {
    const long = 'b'.repeat(2_000_000);
    const message = withShortEchoes(`Variable "$n" got invalid value "${long}"; Int cannot represent non-integer value: "${long}"`);
    expect(message).toBe(`Variable "$n" got invalid value "${'b'.repeat(ECHO_LIMIT)}…"; Int cannot represent non-integer value: "${'b'.repeat(ECHO_LIMIT)}…"`);
    expect(withShortEchoes('No entity with id "liu-xiaowu".')).toBe('No entity with id "liu-xiaowu".');
  });

  it('never split an escape sequence or a surrogate pair', () => {
    expect(withShortEchoes(`"${'\\u0041'.repeat(70)}"`)).toBe(`"${'\\u0041'.repeat(ECHO_LIMIT)}…"`);
    expect(withShortEchoes(`"${'😀'.repeat(70)}"`)).toBe(`"${'😀'.repeat(ECHO_LIMIT)}…"`);
    expect(withShortEchoes(`"${'\\"'.repeat(70)}"`)).toBe(`"${'\\"'.repeat(ECHO_LIMIT)}…"`);
  });

  it('are cut when graphql-js prints them unquoted, as object keys and literals', () => {
    const key = 'k'.repeat(100_000);
    expect(withShortEchoes(`Variable "$i" got invalid value { id: "x", ${key}: 1 }; Field "${key}" is not defined by type "EntityInput".`)).toBe(
      `Variable "$i" got invalid value { id: "x", ${'k'.repeat(ECHO_LIMIT)}…: 1 }; Field "${'k'.repeat(ECHO_LIMIT)}…" is not defined by type "EntityInput".`,
    );
  });

  it('leave no message longer than the limit, quoted or not', () => {
    const message = withShortEchoes(Array.from({ length: 1000 }, (_, i) => `issue ${i}: "x"`).join('; '));
    expect(message.length).toBe(MESSAGE_LIMIT + 1);
    expect(message.endsWith('…')).toBe(true);
  });
});

describe('"Did you mean" hints', () => {
  it.each([
    ['Cannot query field "entiti" on type "Query". Did you mean "entity" or "entities"?', 'Cannot query field "entiti" on type "Query".'],
    [
      'Variable "$t" got invalid value "PERSN"; Value "PERSN" does not exist in "EntityType" enum. Did you mean the enum value "PERSON"?',
      'Variable "$t" got invalid value "PERSN"; Value "PERSN" does not exist in "EntityType" enum.',
    ],
    ['Unknown argument "idd" on field "Query.entity". Did you mean "id"?', 'Unknown argument "idd" on field "Query.entity".'],
    ['Field "nam" is not defined by type "EntityInput". Did you mean "name", "type", or "id"?', 'Field "nam" is not defined by type "EntityInput".'],
  ])('are removed from %s', (message, without) => {
    expect(withoutSuggestions(message)).toBe(without);
  });
});
