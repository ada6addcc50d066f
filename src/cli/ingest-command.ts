import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { IngestReport } from '../ingest/batch.js';
import { migrate } from '../db/migrate.js';
import { DocumentConflictError } from '../ingest/document-conflict.js';
import { ingestBundle } from '../ingest/ingest.js';
import { loadNdjsonFile, type StreamProgress } from '../ingest/ndjson.js';
import { BundleValidationError } from '../model/validate-bundle.js';
import { loadRuntime, withDatabase } from './runtime.js';

const STREAM_FILE = /\.(ndjson|jsonl)$/i;

function progressBar(file: string) {
  if (!process.stderr.isTTY) return undefined;
  return (progress: StreamProgress & { phase: string }) => {
    const share = progress.totalBytes ? progress.bytesRead / progress.totalBytes : 1;
    const filled = Math.round(share * 30);
    process.stderr.write(`\r${file} ${progress.phase.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${progress.records.toLocaleString('en')} records`);
  };
}

export function formatReport(file: string, report: IngestReport): string {
  const lines = [
    `${file}: ${report.documents} document(s), ${report.sources} source(s), ${report.reports} report(s)`,
    `  entities: ${report.entities.created} created, ${report.entities.matched} matched, ${report.entities.ambiguous} ambiguous`,
    `  relations: ${report.relations.created} created, ${report.relations.matched} matched`,
  ];
  for (const match of report.matches.filter((m) => m.by !== 'id').slice(0, 50)) {
    lines.push(match.by === 'merged' ? `  matched ${match.id} -> ${match.matchedId}: it was merged into it` : `  matched ${match.id} -> ${match.matchedId} by ${match.by} "${match.value ?? ''}"`);
  }
  for (const ambiguity of report.ambiguities.slice(0, 50)) {
    lines.push(`  AMBIGUOUS ${ambiguity.id} ("${ambiguity.name}") could be ${ambiguity.candidates.join(', ')}: created separately, not merged`);
  }
  return lines.join('\n');
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('Load JSON bundles (.json) or NDJSON streams (.ndjson, .jsonl). Each file is validated first; an invalid file writes nothing.')
    .argument('<files...>', 'bundle or stream files')
    .option('--batch-size <n>', 'records per transaction for NDJSON streams', '2000')
    .option('--replace-documents', 'replace stored documents whose text or metadata differ (refused when a stored quote would no longer match)', false)
    .action(async (files: string[], options: { batchSize: string; replaceDocuments: boolean }) => {
      const runtime = loadRuntime();
      const batchSize = Number(options.batchSize);
      const replaceDocuments = options.replaceDocuments;
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) throw new Error('--batch-size must be a whole number from 1 to 50000');
      let failed = 0;
      await withDatabase(runtime, async (db) => {
        // MERGE is only safe and fast on the constrained, indexed keys: make sure they exist first.
        await migrate(db.executor);
        for (const file of files) {
          const started = Date.now();
          try {
            const report = STREAM_FILE.test(file)
              ? await loadNdjsonFile(db.executor, file, { batchSize, replaceDocuments, onProgress: progressBar(file) })
              : await ingestBundle(db.executor, JSON.parse(readFileSync(file, 'utf8')), { replaceDocuments });
            if (process.stderr.isTTY) process.stderr.write('\n');
            console.log(`${formatReport(file, report)}\n  took ${((Date.now() - started) / 1000).toFixed(1)} s`);
          } catch (error) {
            failed += 1;
            if (error instanceof BundleValidationError || error instanceof DocumentConflictError || error instanceof SyntaxError) console.error(`${file}: ${error.message}`);
            else throw error;
          }
        }
      });
      if (failed > 0) process.exitCode = 1;
    });
}
