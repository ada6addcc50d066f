import { InvalidArgumentError, type Command } from 'commander';
import { migrate } from '../db/migrate.js';
import { DEFAULT_BATCH_SIZE } from '../ingest/ndjson.js';
import { assertEmbeddedFree } from './embedded-busy.js';
import { IngestApi } from './ingest-api.js';
import { checkFile, describeCounts, fileProblemMessage, recordsOf, type CheckedFile } from './ingest-files.js';
import { loadIntoDatabase, loadThroughApi, type FileOutcome, type LoadContext } from './ingest-load.js';
import { IngestProgress } from './ingest-progress.js';
import { loadRuntime, UsageError, withDatabase } from './runtime.js';

interface IngestOptions {
  batchSize: number;
  replaceDocuments: boolean;
  dryRun: boolean;
  quiet: boolean;
  api?: string;
  key?: string;
}

function batchSizeOption(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 50_000) throw new InvalidArgumentError('expected a whole number from 1 to 50000.');
  return parsed;
}

const complain = (text: string) => console.error(text);
const print = (text: string) => console.log(text);
const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

/** Pass one over every file, before any database or service is written to: what can be loaded, and what cannot (reported now). */
async function checkAll(files: string[], progress: IngestProgress): Promise<{ checked: CheckedFile[]; failed: string[] }> {
  const checked: CheckedFile[] = [];
  const failed: string[] = [];
  for (const file of files) {
    try {
      checked.push(await checkFile(file, progress));
      progress.stop();
    } catch (error) {
      progress.stop();
      const message = fileProblemMessage(file, error);
      if (message === undefined) throw error;
      complain(`newsgraph: ${message}`);
      failed.push(file);
    }
  }
  return { checked, failed };
}

function summary(total: number, outcomes: FileOutcome[], failedEarlier: string[], dryRun: boolean): string {
  const loaded = outcomes.filter((outcome) => outcome.ok);
  const failed = [...failedEarlier, ...outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.file)];
  const records = plural(
    loaded.reduce((sum, outcome) => sum + outcome.records, 0),
    'record',
  );
  const head = dryRun
    ? `dry run, nothing written: ${loaded.length} of ${plural(total, 'file')} valid (${records} would be written)`
    : `${loaded.length} of ${plural(total, 'file')} ingested (${records})`;
  return `newsgraph: ${head}${failed.length ? `, ${failed.length} failed: ${failed.join(', ')}` : ''}`;
}

async function runIngest(files: string[], options: IngestOptions): Promise<void> {
  const runtime = loadRuntime();
  const key = options.key ?? process.env.NEWSGRAPH_API_KEY;
  if (options.key && !options.api) throw new UsageError('--key is for --api: the key of the service to load through.');
  const api = options.api ? new IngestApi(options.api, key) : undefined;
  // The quick checks first, so a wrong key or a busy database is said before a long validation. A dry run needs neither.
  if (!options.dryRun) {
    if (api) await api.check();
    else await assertEmbeddedFree(runtime.config, true);
  }
  const progress = new IngestProgress(process.stderr, !options.quiet);
  const { checked, failed } = await checkAll(files, progress);
  let outcomes: FileOutcome[];
  if (options.dryRun) {
    for (const file of checked)
      print(`${file.file}: valid ${file.kind === 'stream' ? 'NDJSON stream' : 'JSON bundle'}; would write ${describeCounts(file.counts)}`);
    outcomes = checked.map((file) => ({ file: file.file, ok: true, records: recordsOf(file.counts) }));
  } else if (checked.length === 0) {
    outcomes = [];
  } else {
    const context: LoadContext = { progress, replaceDocuments: options.replaceDocuments, batchSize: options.batchSize, print, complain };
    outcomes = api
      ? await loadThroughApi(api, checked, context)
      : await withDatabase(runtime, async (db) => {
          // MERGE is only safe and fast on the constrained, indexed keys: make sure they exist first.
          await migrate(db.executor);
          return loadIntoDatabase(db.executor, checked, context);
        });
  }
  print(summary(files.length, outcomes, failed, options.dryRun));
  if (failed.length > 0 || outcomes.some((outcome) => !outcome.ok)) process.exitCode = 1;
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description(
      'Load JSON bundles (.json) or NDJSON streams (.ndjson, .jsonl). Every file is read and validated before anything is written; ' +
        'a file that is missing or invalid is reported and the others are loaded (the exit code is then 1).',
    )
    .argument('<files...>', 'bundle or stream files')
    .option('--dry-run', 'validate every file and say what would be written; needs no database and writes nothing', false)
    .option('--api <url>', "load through a running service's GraphQL API (e.g. http://localhost:4000) instead of opening the database")
    .option('--key <key>', 'with --api: an editor (or admin) API key; default: the NEWSGRAPH_API_KEY variable')
    .option('-q, --quiet', 'no progress on stderr', false)
    .option('--batch-size <n>', 'records per transaction for NDJSON streams loaded into the database', batchSizeOption, DEFAULT_BATCH_SIZE)
    .option(
      '--replace-documents',
      'replace stored documents whose text or metadata differ (refused when a stored quote would no longer match; admin key with --api)',
      false,
    )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  newsgraph ingest --dry-run a.json b.ndjson       validate, write nothing\n' +
        '  newsgraph ingest a.json b.ndjson                 into NEO4J_URI, or the embedded Neo4j\n' +
        '  NEWSGRAPH_API_KEY=... newsgraph ingest --api http://localhost:4000 a.json   through a running service',
    )
    .action((files: string[], options: IngestOptions) => runIngest(files, options));
}
