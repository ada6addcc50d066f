/**
 * Prints the entity layer's output for one recorded CoreNLP annotation:
 * each entity with its aliases, title, category or dates, rule and
 * confidence; with --mentions, every mention with its sentence, tokens,
 * kind and rule.
 *
 *   npx tsx tools/extract-dev/show-entities.ts ANNOTATION.json TEXT.txt [YYYY-MM-DD] [--mentions]
 */
import { readFileSync } from 'node:fs';
import { extractEntities } from '../../src/extract/entities/index.js';
import type { NlpDocument } from '../../src/nlp/annotation.js';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const [annotation, textFile, publishedAt] = args;
if (!annotation || !textFile) throw new Error('usage: show-entities.ts ANNOTATION.json TEXT.txt [YYYY-MM-DD] [--mentions]');
const doc = JSON.parse(readFileSync(annotation, 'utf8')) as NlpDocument;
const text = readFileSync(textFile, 'utf8');
const article = { text, title: null, url: null, publishedAt: publishedAt ?? null, source: null, documentId: 'show' };
for (const entity of extractEntities(doc, article)) {
  const detail = entity.title ?? entity.category ?? (entity.startDate || entity.endDate ? `${entity.startDate ?? ''}..${entity.endDate ?? ''}` : '');
  console.log(`${entity.type} ${entity.name} | ${entity.aliases.join('; ')} | ${detail} | ${entity.rule} ${entity.confidence}`);
  if (!process.argv.includes('--mentions')) continue;
  for (const m of entity.mentions) console.log(`    s${m.sentence} [${m.tokenBegin},${m.tokenEnd}) ${JSON.stringify(m.text)} ${m.kind} ${m.rule}`);
}
