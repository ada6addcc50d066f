import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/db/embedded.js';
import { writeScaleSection } from './report.js';
import type { BenchResult } from './results.js';

/**
 * npx tsx bench/render.ts bench/results/<file>.json [...]
 *
 * Writes the docs/benchmarks.md section of recorded results again (after a
 * change to the report's layout, or for a run made with --no-docs).
 */
for (const file of process.argv.slice(2)) {
  const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  writeScaleSection(join(PROJECT_ROOT, 'docs', 'benchmarks.md'), result);
  console.error(`rendered ${file} into docs/benchmarks.md (scale ${result.scale}${result.label ? `, ${result.label}` : ''})`);
}
