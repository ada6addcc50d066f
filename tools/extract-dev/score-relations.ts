/**
 * Development scorer for the relation and attribution rules: runs the
 * entity layer, extractRelations and extractAttributions on recorded
 * CoreNLP annotations of the seed and the dev gold documents, and compares
 * relations on (type, from, to) after matching entities by type and
 * normalized name or alias, and attributions on each gold report's
 * attributedTo and outlet (the narrowest attribution holding its quote,
 * as the assembler picks it).
 *
 *   npx tsx tools/extract-dev/score-relations.ts [--verbose] [FIXTURE_DIR]
 */
import { readFileSync } from 'node:fs';
import { devDocuments, fixtureDir, scoreLine } from './dev-documents.js';
import { extractAttributions } from '../../src/extract/attribution/index.js';
import { extractEntities } from '../../src/extract/entities/index.js';
import { extractRelations } from '../../src/extract/relations/index.js';
import type { Attribution, ExtractedEntity } from '../../src/extract/types.js';
import { normalizeName } from '../../src/model/names.js';
import type { NlpDocument } from '../../src/nlp/annotation.js';

interface GoldBundle {
  document: { id: string; text: string; publishedAt?: string | null };
  sources: { id: string; name: string; kind: string }[];
  entities: { id: string; type: string; name: string; aliases?: string[] }[];
  relations: { id: string; type: string; from: string; to: string; role?: string }[];
  reports: { id: string; source: string; quote: string; start: number; end: number; attributedTo?: string }[];
}

const verbose = process.argv.includes('--verbose');
const fixtures = fixtureDir();
const documents = () => devDocuments(fixtures);

function goldIdOf(entity: ExtractedEntity, gold: GoldBundle): string {
  const mine = new Set([entity.name, ...entity.aliases].map((n) => `${entity.type}:${normalizeName(n)}`));
  const match = gold.entities.find((g) => [g.name, ...(g.aliases ?? [])].some((n) => mine.has(`${g.type}:${normalizeName(n)}`)));
  return match?.id ?? `?${entity.name}`;
}

/** Code-point offsets (the bundle's) to UTF-16 ones. */
function utf16(text: string, codePoint: number): number {
  return [...text].slice(0, codePoint).join('').length;
}

function narrowest(attributions: Attribution[], start: number, end: number): Attribution | undefined {
  return attributions.filter((a) => a.start <= start && a.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

/** Per rule over every document: right and wrong relations, and in how many sentences it was right, to see a rule that only one sentence carries. */
const byRule = new Map<string, { right: number; wrong: number; sentences: Set<string> }>();
const totals = { tp: 0, gold: 0, got: 0, attrRight: 0, attrGold: 0, attrGot: 0, outletRight: 0, outletGold: 0 };
const f1 = (tp: number, gold: number, got: number): string => scoreLine(tp, gold, got);
for (const doc of documents()) {
  const gold = JSON.parse(readFileSync(doc.bundle, 'utf8')) as GoldBundle;
  const annotation = JSON.parse(readFileSync(doc.annotation, 'utf8')) as NlpDocument;
  const text = gold.document.text;
  const article = { text, title: null, url: null, publishedAt: gold.document.publishedAt ?? null, source: null, documentId: gold.document.id };
  const entities = extractEntities(annotation, article);
  const ids = new Map(entities.map((e) => [e.key, goldIdOf(e, gold)]));
  const relations = extractRelations(annotation, entities, article);
  const goldKeys = new Set(gold.relations.map((r) => `${r.type} ${r.from} ${r.to}`));
  const gotKeys = new Map(relations.map((r) => [`${r.type} ${ids.get(r.from)} ${ids.get(r.to)}`, r]));
  const tp = [...gotKeys.keys()].filter((k) => goldKeys.has(k)).length;
  for (const [key, relation] of gotKeys) {
    const stats = byRule.get(relation.rule) ?? { right: 0, wrong: 0, sentences: new Set<string>() };
    if (goldKeys.has(key)) {
      stats.right++;
      stats.sentences.add(`${doc.name}:${relation.sentence}`);
    } else stats.wrong++;
    byRule.set(relation.rule, stats);
  }
  const attributions = extractAttributions(annotation, entities, article);
  let attrRight = 0,
    attrGold = 0,
    attrGot = 0,
    outletRight = 0,
    outletGold = 0;
  const attrMisses: string[] = [];
  const sources = new Map(gold.sources.map((s) => [s.id, s]));
  for (const report of gold.reports) {
    const found = narrowest(attributions, utf16(text, report.start), utf16(text, report.end));
    const speaker = found?.speaker ? ids.get(found.speaker) : undefined;
    if (report.attributedTo) attrGold++;
    if (speaker) attrGot++;
    if (report.attributedTo && speaker === report.attributedTo) attrRight++;
    else if (report.attributedTo || speaker) attrMisses.push(`${report.id}: gold ${report.attributedTo ?? '-'} got ${speaker ?? '-'} [${found?.rule ?? ''}]`);
    const source = sources.get(report.source);
    if (source?.kind === 'outlet') {
      outletGold++;
      if (found?.outlet && normalizeName(found.outlet) === normalizeName(source.name)) outletRight++;
      else attrMisses.push(`${report.id}: outlet ${source.name} got ${found?.outlet ?? '-'}`);
    }
  }
  if (doc.name !== 'seed') {
    totals.tp += tp;
    totals.gold += goldKeys.size;
    totals.got += gotKeys.size;
    totals.attrRight += attrRight;
    totals.attrGold += attrGold;
    totals.attrGot += attrGot;
    totals.outletRight += outletRight;
    totals.outletGold += outletGold;
  }
  console.log(
    `${doc.name.padEnd(42)} relations gold ${goldKeys.size} got ${gotKeys.size} ${f1(tp, goldKeys.size, gotKeys.size)} | attributedTo ${f1(attrRight, attrGold, attrGot)} | outlets ${outletRight}/${outletGold}`,
  );
  if (verbose) {
    for (const [key, r] of gotKeys)
      console.log(
        `  ${goldKeys.has(key) ? 'ok   ' : 'extra'} ${key} (${r.role ?? ''}) [${r.rule}] «${text.slice(r.evidence.start, r.evidence.end).slice(0, 90)}»`,
      );
    const known = new Set(ids.values());
    for (const key of goldKeys) {
      if (gotKeys.has(key)) continue;
      const [, from, to] = key.split(' ');
      // A miss whose ends the entity layer did not find is the entity layer's; marked so the rules' own misses stand out.
      console.log(`  miss${known.has(from ?? '') && known.has(to ?? '') ? ' ' : '-'} ${key}`);
    }
    for (const miss of attrMisses) console.log(`  attr  ${miss}`);
  }
}
console.log(
  `${'dev documents together'.padEnd(42)} relations gold ${totals.gold} got ${totals.got} ${f1(totals.tp, totals.gold, totals.got)} | attributedTo ${f1(totals.attrRight, totals.attrGold, totals.attrGot)} | outlets ${totals.outletRight}/${totals.outletGold}`,
);
if (process.argv.includes('--rules')) {
  for (const [rule, stats] of [...byRule].sort((a, b) => b[1].right - a[1].right)) {
    console.log(
      `  ${rule.padEnd(36)} right ${String(stats.right).padStart(2)} wrong ${String(stats.wrong).padStart(2)}  right in ${stats.sentences.size} sentence(s) of ${new Set([...stats.sentences].map((s) => s.split(':')[0])).size} document(s)`,
    );
  }
}
