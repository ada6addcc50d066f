import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { prf } from '../eval-extract/score.js';

/** The fixture folder a development scorer reads: its first argument that is not a flag, else annotate.ts's default. */
export const fixtureDir = (): string => process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '.data/nlp-fixtures';

/** The seed and the dev gold documents that have a recorded annotation; never the held-out ones. */
export function devDocuments(fixtures: string): { name: string; bundle: string; annotation: string }[] {
  const found = [{ name: 'seed', bundle: 'data/seed/seed.bundle.json', annotation: join(fixtures, 'seed.json') }];
  for (const file of readdirSync('data/gold/dev')
    .filter((f) => f.endsWith('.bundle.json'))
    .sort()) {
    const stem = basename(file, '.bundle.json');
    found.push({ name: stem, bundle: join('data/gold/dev', file), annotation: join(fixtures, `${stem}.txt.json`) });
  }
  return found.filter((doc) => existsSync(doc.annotation));
}

/** One score line, by the evaluation's own definition of precision, recall and F1 (tools/eval-extract/score.ts). */
export function scoreLine(correct: number, gold: number, predicted: number, gap = ' '): string {
  const { precision, recall, f1 } = prf({ correct, gold, predicted });
  return [`P ${precision.toFixed(2)}`, `R ${recall.toFixed(2)}`, `F1 ${f1.toFixed(2)}`].join(gap);
}
