import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities } from '../../src/extract/entities/index.js';
import type { ExtractedEntity } from '../../src/extract/types.js';
import type { NlpDocument } from '../../src/nlp/annotation.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/nlp/entities');

/** A short text of our own and CoreNLP 4.5.10's recorded annotation of it (annotated with the date 2025-06-02). */
export function loadFixture(name: string): { doc: NlpDocument; text: string } {
  return {
    doc: JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as NlpDocument,
    text: readFileSync(join(FIXTURES, `${name}.txt`), 'utf8'),
  };
}

export function entitiesOf(name: string, publishedAt = '2025-06-02'): ExtractedEntity[] {
  const { doc, text } = loadFixture(name);
  return extractEntities(doc, { text, title: null, url: null, publishedAt, source: null, documentId: name });
}

export function entityNamed(entities: ExtractedEntity[], name: string): ExtractedEntity | undefined {
  return entities.find((entity) => entity.name === name);
}
