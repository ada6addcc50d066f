/**
 * Trims a CoreNLP JSON annotation to the fields the extraction rules read
 * (src/nlp/annotation.ts), for small committed test fixtures.
 *
 *   npx tsx tools/extract-dev/trim-annotation.ts IN.json OUT.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { NlpDocument, NlpSentence } from '../../src/nlp/annotation.js';
import { COREF_KEYS, MENTION_KEYS, TOKEN_KEYS } from '../../src/nlp/corenlp-json.js';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: trim-annotation.ts IN.json OUT.json');
const doc = JSON.parse(readFileSync(input, 'utf8')) as NlpDocument;

const pick = <T extends object>(value: T, keys: readonly string[]): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([key]) => keys.includes(key))) as Partial<T>;

// The fields the service keeps (src/nlp/corenlp-json.ts), and a mention's timex, which the fixtures keep whole.
const MENTION_KEYS_WITH_TIMEX: readonly string[] = [...MENTION_KEYS, 'timex'];

const trimmed = {
  sentences: doc.sentences.map((sentence: NlpSentence) => ({
    index: sentence.index,
    tokens: sentence.tokens.map((token) => pick(token, TOKEN_KEYS)),
    basicDependencies: sentence.basicDependencies,
    entitymentions: sentence.entitymentions.map((mention) => pick(mention, MENTION_KEYS_WITH_TIMEX)),
  })),
  corefs: Object.fromEntries(Object.entries(doc.corefs).map(([id, chain]) => [id, chain.map((mention) => pick(mention, COREF_KEYS))])),
};
writeFileSync(output, `${JSON.stringify(trimmed)}\n`);
