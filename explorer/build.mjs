#!/usr/bin/env node
// Builds the explorer into dist/explorer with Vite, unless it is already newer than
// its sources (explorer/, the shared modules it imports, and package-lock.json). `--force` always builds.
// Used by `npm run build`, by `prestart`, and by the browser tests.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const index = join(root, 'dist', 'explorer', 'index.html');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const force = process.argv.includes('--force');
// The modules outside explorer/ that the explorer imports: what it shares with the service and the CLI.
const shared = [
  join(root, 'src', 'model', 'ingest-summary.ts'),
  join(root, 'src', 'changes', 'kinds.ts'),
  join(root, 'src', 'changes', 'event-stream.ts'),
  join(root, 'src', 'model', 'types.ts'),
];
if (!force && existsSync(index) && statSync(index).mtimeMs >= Math.max(newest(here), newest(join(root, 'package-lock.json')), ...shared.map(newest))) {
  console.log('explorer: dist/explorer is up to date');
  process.exit(0);
}

let vite;
try {
  vite = await import('vite');
} catch {
  // A production install (npm ci --omit=dev) has no Vite: the API still starts, and /explorer says it is not built.
  console.warn('explorer: Vite is not installed (a production install?), so the explorer was not built; /explorer will answer 503');
  process.exit(force ? 1 : 0);
}
const started = Date.now();
await vite.build({ configFile: join(here, 'vite.config.ts'), logLevel: 'warn' });
console.log(`explorer: built dist/explorer in ${((Date.now() - started) / 1000).toFixed(1)} s`);
