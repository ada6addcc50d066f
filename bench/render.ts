import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/project.js';
import { writeDetails, writeDocsTargets } from './report.js';
import type { BenchResult } from './results.js';

/**
 * npx tsx bench/render.ts [--docs] bench/results/<file>.json [...]
 *
 * Writes the details of recorded results again, next to each file (after a
 * change to the report's layout); --docs also updates each scale's targets
 * table in docs/benchmarks.md.
 */
const args = process.argv.slice(2);
const docs = args.includes('--docs');
for (const file of args.filter((arg) => arg !== '--docs')) {
  const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  const written = writeDetails(result, resolve(file));
  if (docs) writeDocsTargets(join(PROJECT_ROOT, 'docs', 'benchmarks.md'), result, resolve(file));
  console.error(`rendered ${file} into ${written}${docs ? ' and docs/benchmarks.md' : ''}`);
}
