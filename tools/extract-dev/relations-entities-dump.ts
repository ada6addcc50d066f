import { readFileSync } from 'node:fs';
import { extractEntities } from '../../src/extract/entities/index.js';
const [bundlePath, annPath] = process.argv.slice(2);
const gold = JSON.parse(readFileSync(bundlePath!, 'utf8'));
const doc = JSON.parse(readFileSync(annPath!, 'utf8'));
const article = { text: gold.document.text, title: null, url: null, publishedAt: gold.document.publishedAt ?? null, source: null, documentId: 'x' };
for (const e of extractEntities(doc, article)) {
  if (process.argv[4] && e.type !== process.argv[4]) continue;
  console.log(e.type, e.key, '|', e.mentions.map((m) => `${m.sentence}:${m.tokenBegin}-${m.tokenEnd} ${m.kind} "${m.text}"`).join('; '));
}
