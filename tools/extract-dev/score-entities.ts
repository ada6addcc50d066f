/**
 * Development scorer for the entity layer alone: runs extractEntities on
 * recorded CoreNLP annotations of the seed and the dev gold documents and
 * compares entities with the gold bundles on (type, normalized name or alias).
 * An extracted entity matches a gold entity of the same type when any of
 * their names meet; each gold entity is matched at most once.
 *
 *   npx tsx tools/extract-dev/score-entities.ts [--verbose] [FIXTURE_DIR]
 *
 * FIXTURE_DIR holds `seed.json` and `<dev doc>.txt.json` (default .data/nlp-fixtures, made by tools/extract-dev/annotate.ts).
 */
import { readFileSync } from 'node:fs';
import { devDocuments, fixtureDir, scoreLine } from './dev-documents.js';
import { extractEntities } from '../../src/extract/entities/index.js';
import type { ExtractedEntity } from '../../src/extract/types.js';
import { normalizeName } from '../../src/model/names.js';
import type { NlpDocument } from '../../src/nlp/annotation.js';

interface GoldEntity {
  id: string;
  type: string;
  name: string;
  aliases?: string[];
}
interface GoldBundle {
  document: { id: string; text: string; publishedAt?: string | null };
  entities: GoldEntity[];
}

const verbose = process.argv.includes('--verbose');
const fixtures = fixtureDir();
const documents = () => devDocuments(fixtures);

function keys(type: string, names: string[]): Set<string> {
  return new Set(names.map((name) => `${type}:${normalizeName(name)}`));
}

function score(gold: GoldEntity[], extracted: ExtractedEntity[]): { tp: number; misses: string[]; extras: string[] } {
  const unmatched = [...gold];
  const extras: string[] = [];
  let tp = 0;
  for (const entity of extracted) {
    const mine = keys(entity.type, [entity.name, ...entity.aliases]);
    const index = unmatched.findIndex((g) => [...keys(g.type, [g.name, ...(g.aliases ?? [])])].some((key) => mine.has(key)));
    if (index >= 0) {
      tp++;
      unmatched.splice(index, 1);
    } else extras.push(`${entity.type} ${entity.name} [${entity.rule}]`);
  }
  return { tp, misses: unmatched.map((g) => `${g.type} ${g.name}`), extras };
}

let totalTp = 0;
let totalGold = 0;
let totalExtracted = 0;
const f1 = (tp: number, gold: number, got: number): string => scoreLine(tp, gold, got, '  ');
for (const doc of documents()) {
  const bundle = JSON.parse(readFileSync(doc.bundle, 'utf8')) as GoldBundle;
  const annotation = JSON.parse(readFileSync(doc.annotation, 'utf8')) as NlpDocument;
  const article = {
    text: bundle.document.text,
    title: null,
    url: null,
    publishedAt: bundle.document.publishedAt ?? null,
    source: null,
    documentId: bundle.document.id,
  };
  const entities = extractEntities(annotation, article);
  const result = score(bundle.entities, entities);
  if (doc.name !== 'seed') {
    totalTp += result.tp;
    totalGold += bundle.entities.length;
    totalExtracted += entities.length;
  }
  console.log(
    `${doc.name.padEnd(45)} gold ${String(bundle.entities.length).padStart(2)}  got ${String(entities.length).padStart(2)}  ${f1(result.tp, bundle.entities.length, entities.length)}`,
  );
  for (const miss of result.misses) console.log(`    miss  ${miss}`);
  for (const extra of result.extras) console.log(`    extra ${extra}`);
  if (verbose)
    for (const e of entities)
      console.log(
        `    = ${e.type} ${e.name} | ${e.aliases.join('; ')} | ${e.title ?? e.category ?? [e.startDate, e.endDate].join('..')} (${e.confidence}, ${e.mentions.length} mentions)`,
      );
}
console.log(`${'dev documents together'.padEnd(45)} gold ${totalGold}  got ${totalExtracted}  ${f1(totalTp, totalGold, totalExtracted)}`);
