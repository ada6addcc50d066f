import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSortedSchema } from '../../src/schema/index.js';

describe('schema/schema.graphql', () => {
  it('is the SDL printed from the code (run `npm run schema:print` when this fails)', () => {
    expect(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8')).toBe(printSortedSchema());
  });
});
