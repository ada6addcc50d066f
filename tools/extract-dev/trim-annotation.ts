/**
 * Trims a CoreNLP JSON annotation to the fields the extraction rules read
 * (src/nlp/annotation.ts), for small committed test fixtures.
 *
 *   npx tsx tools/extract-dev/trim-annotation.ts IN.json OUT.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { NlpDocument, NlpSentence } from '../../src/nlp/annotation.js';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: trim-annotation.ts IN.json OUT.json');
const doc = JSON.parse(readFileSync(input, 'utf8')) as NlpDocument;

const pick = <T extends object>(value: T, keys: readonly string[]): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([key]) => keys.includes(key))) as Partial<T>;

const TOKEN_KEYS = ['index', 'word', 'originalText', 'lemma', 'characterOffsetBegin', 'characterOffsetEnd', 'pos', 'ner', 'normalizedNER', 'before', 'after'];
const MENTION_KEYS = [
  'tokenBegin',
  'tokenEnd',
  'docTokenBegin',
  'docTokenEnd',
  'text',
  'characterOffsetBegin',
  'characterOffsetEnd',
  'ner',
  'normalizedNER',
  'nerConfidences',
  'timex',
];
const COREF_KEYS = [
  'id',
  'text',
  'type',
  'number',
  'gender',
  'animacy',
  'startIndex',
  'endIndex',
  'headIndex',
  'sentNum',
  'position',
  'isRepresentativeMention',
];

const trimmed = {
  sentences: doc.sentences.map((sentence: NlpSentence) => ({
    index: sentence.index,
    tokens: sentence.tokens.map((token) => pick(token, TOKEN_KEYS)),
    basicDependencies: sentence.basicDependencies,
    entitymentions: sentence.entitymentions.map((mention) => pick(mention, MENTION_KEYS)),
  })),
  corefs: Object.fromEntries(Object.entries(doc.corefs).map(([id, chain]) => [id, chain.map((mention) => pick(mention, COREF_KEYS))])),
};
writeFileSync(output, `${JSON.stringify(trimmed)}\n`);
