/**
 * Records CoreNLP annotations of the seed and the dev gold documents for the
 * development scorers (score-entities.ts, score-relations.ts), through the
 * project's own service (started here, or NEWSGRAPH_CORENLP_URL), anchored to
 * each document's publication date as extraction anchors it. The held-out
 * documents are left out on purpose: rules are not written against them.
 *
 *   npx tsx tools/extract-dev/annotate.ts [FIXTURE_DIR]     (default .data/nlp-fixtures)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { anchorDate } from '../../src/extract/article.js';
import { createLogger } from '../../src/logger.js';
import { createNlpEngine } from '../../src/nlp/nlp-engine.js';

const out = process.argv[2] ?? '.data/nlp-fixtures';
const documents = [{ name: 'seed.json', text: 'data/seed/000_d42a34f1ce22f931.txt', bundle: 'data/seed/seed.bundle.json' }];
for (const file of readdirSync('data/gold/dev')
  .filter((name) => name.endsWith('.txt'))
  .sort()) {
  documents.push({ name: `${file}.json`, text: join('data/gold/dev', file), bundle: join('data/gold/dev', `${basename(file, '.txt')}.bundle.json`) });
}

mkdirSync(out, { recursive: true });
const engine = createNlpEngine(loadConfig(), createLogger('info', process.stderr));
try {
  for (const document of documents) {
    const { document: gold } = JSON.parse(readFileSync(document.bundle, 'utf8')) as { document: { publishedAt?: string } };
    const annotation = await engine.annotate(readFileSync(document.text, 'utf8'), { date: anchorDate(gold.publishedAt ?? null) });
    writeFileSync(join(out, document.name), JSON.stringify(annotation));
    console.error(`${document.text} → ${join(out, document.name)}`);
  }
} finally {
  await engine.stop();
}
