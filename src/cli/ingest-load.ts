import type { Executor } from '../db/executor.js';
import { addReports, emptyReport, type IngestReport } from '../ingest/batch.js';
import { ingestBundle } from '../ingest/ingest.js';
import { loadNdjsonFile } from '../ingest/ndjson.js';
import { ApiError, type IngestApi } from './ingest-api.js';
import { fileProblemMessage, readBundleFile, recordsOf, type CheckedFile } from './ingest-files.js';
import type { IngestProgress } from './ingest-progress.js';
import { streamBundles } from './stream-bundles.js';
import { formatReport } from './ingest-report.js';

/**
 * The write half of `newsgraph ingest`, for files already validated: into
 * the database (NEO4J_URI or the embedded one) or through a running
 * service's API. A file that fails is reported and the next one goes on.
 */

export interface LoadContext {
  progress: IngestProgress;
  replaceDocuments: boolean;
  batchSize: number;
  /** Where reports go (stdout) and where problems go (stderr). */
  print(text: string): void;
  complain(text: string): void;
}

export interface FileOutcome {
  file: string;
  ok: boolean;
  records: number;
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function each(files: CheckedFile[], context: LoadContext, write: (checked: CheckedFile) => Promise<IngestReport>): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const checked of files) {
    const started = Date.now();
    try {
      const report = await write(checked);
      context.progress.stop();
      context.print(`${formatReport(checked.file, report)}\n  took ${seconds(started)}`);
      outcomes.push({ file: checked.file, ok: true, records: recordsOf(checked.counts) });
    } catch (error) {
      context.progress.stop();
      const message = error instanceof ApiError ? error.message : fileProblemMessage(checked.file, error);
      if (message === undefined) throw error;
      context.complain(`newsgraph: ${message}`);
      outcomes.push({ file: checked.file, ok: false, records: 0 });
    }
  }
  return outcomes;
}

export function loadIntoDatabase(executor: Executor, files: CheckedFile[], context: LoadContext): Promise<FileOutcome[]> {
  const { progress, replaceDocuments } = context;
  return each(files, context, async ({ file, kind }) => {
    if (kind === 'stream') {
      return loadNdjsonFile(executor, file, {
        batchSize: context.batchSize,
        replaceDocuments,
        onProgress: ({ phase, ...numbers }) => progress.at(file, phase, numbers),
      });
    }
    const bundle = await readBundleFile(file, progress);
    // One transaction: nothing to count inside it, so the ticker shows the time it has taken.
    progress.start(file, 'write');
    return ingestBundle(executor, bundle, { replaceDocuments });
  });
}

export function loadThroughApi(api: IngestApi, files: CheckedFile[], context: LoadContext): Promise<FileOutcome[]> {
  const { progress, replaceDocuments } = context;
  return each(files, context, async ({ file, kind }) => {
    if (kind === 'bundle') {
      const bundle = await readBundleFile(file, progress);
      progress.start(file, 'send');
      return api.ingest(bundle, replaceDocuments, file);
    }
    progress.start(file, 'group');
    const bundles = await streamBundles(file, (numbers) => progress.update(numbers));
    const total = emptyReport();
    let records = 0;
    progress.start(file, 'send', { part: { done: 0, total: bundles.length, unit: 'bundles' }, records, unit: 'records sent' });
    for (const [index, { bundle, records: carried }] of bundles.entries()) {
      const what = `${file} (bundle ${index + 1} of ${bundles.length}, document "${bundle.document.id}")`;
      try {
        addReports(total, await api.ingest(bundle, replaceDocuments, what));
      } catch (error) {
        let written = index === 0 ? 'nothing of the file was written' : `the ${index} bundle(s) before it were written`;
        // A connection lost after the bundle was sent: the service may have written it. Loading again is safe (bundles are idempotent).
        if (error instanceof ApiError && error.outcomeUnknown)
          written = `${index === 0 ? 'nothing before it was written' : written}, and this one may have been (load the file again to be sure)`;
        if (error instanceof ApiError) throw new ApiError(`${error.message}\n  ${written}; the rest was not sent`, error.code, error.outcomeUnknown);
        throw error;
      }
      records += carried;
      progress.update({ part: { done: index + 1, total: bundles.length, unit: 'bundles' }, records });
    }
    return total;
  });
}
