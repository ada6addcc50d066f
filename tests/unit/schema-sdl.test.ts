import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printBundleJsonSchema } from '../../src/model/json-schema.js';
import { printSortedSchema } from '../../src/schema/index.js';
import { bundleJsonSchemaValidator } from '../helpers/bundle-json-schema.js';

const committed = (name: string) => readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8');

describe('the printed schemas in schema/ (run `npm run schema:print` when these fail)', () => {
  it('schema.graphql is the SDL printed from the code', () => {
    expect(committed('schema.graphql')).toBe(printSortedSchema());
  });

  it('bundle.schema.json is the JSON Schema generated from the zod bundle schema', () => {
    expect(committed('bundle.schema.json')).toBe(printBundleJsonSchema());
  });
});

describe('schema/bundle.schema.json, for tools outside TypeScript', () => {
  it('accepts the seed bundle and rejects a broken one', async () => {
    const validate = await bundleJsonSchemaValidator();
    const seed = JSON.parse(readFileSync(new URL('../../data/seed/seed.bundle.json', import.meta.url), 'utf8'));
    expect(validate(seed), JSON.stringify(validate.errors)).toBe(true);
    seed.entities[0].type = 'COMPANY';
    seed.document.publishedAt = '3 August 2021';
    expect(validate(seed)).toBe(false);
    expect(validate.errors?.map((error: { instancePath: string }) => error.instancePath)).toEqual(expect.arrayContaining(['/document/publishedAt']));
  });
});
