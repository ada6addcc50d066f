import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { PROJECT_ROOT } from '../../src/project.js';
import type { Bundle } from '../../src/model/bundle-schema.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a user whose NEO4J_URI is the run's test database. */
export function testDatabaseEnv(): NodeJS.ProcessEnv {
  const target = inject('neo4j');
  return { NEO4J_URI: target.uri, NEO4J_USERNAME: target.username, NEO4J_PASSWORD: target.password, NEO4J_DATABASE: target.database };
}

/** Runs the real `newsgraph` CLI in a child process (stdin closed, stdout and stderr pipes, so not a TTY). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = testDatabaseEnv()): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', NEWSGRAPH_LOAD_SEED: 'false' };
    delete base.NEO4J_URI;
    delete base.NEWSGRAPH_API_KEY;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A bundle as an NDJSON stream: header, then its records in export order. */
export function bundlesToNdjson(bundles: Bundle[], extra: { entities?: Array<Record<string, unknown>> } = {}): string {
  const lines: unknown[] = [{ record: 'header', format: 'newsgraph.bundle', version: 1 }];
  const seen = new Set<string>();
  const once = (kind: string, value: { id: string }) => {
    if (seen.has(`${kind}:${value.id}`)) return;
    seen.add(`${kind}:${value.id}`);
    lines.push({ record: kind, ...value });
  };
  for (const bundle of bundles) once('document', bundle.document);
  for (const bundle of bundles) for (const source of bundle.sources) once('source', source);
  for (const bundle of bundles) for (const entity of bundle.entities) once('entity', entity);
  for (const entity of extra.entities ?? []) once('entity', entity as { id: string });
  for (const bundle of bundles) for (const relation of bundle.relations) once('relation', relation);
  for (const bundle of bundles) for (const report of bundle.reports) lines.push({ record: 'report', ...report, document: bundle.document.id });
  return `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`;
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

/** Lines of a child's output that look like a JavaScript stack frame. */
export const stackLines = (text: string) => text.split('\n').filter((line) => /^\s+at /.test(line));
