import { INGEST_SUMMARY_SELECTION } from '../../../src/model/ingest-summary.js';
import { ApiError, graphql } from '../api.js';
import type { ArticleInput, DraftBundle, ExtractResult, IngestSummary } from './types.js';

const EXTRACT = `mutation ExtractDraft($input: ExtractInput!) {
  extractDraft(input: $input) {
    bundle
    mentions { entityId start end text kind }
    resolution { id type name outcome matchedId matchedName by value candidates { id name } message }
    warnings
  }
}`;

const INGEST = `mutation IngestReviewed($bundle: JSON!) {
  ingestBundle(bundle: $bundle) {
    ${INGEST_SUMMARY_SELECTION}
  }
}`;

/** A cold language pipeline loads its models first; a warm one takes seconds per article. */
const EXTRACT_TIMEOUT_MS = 180_000;
/** The engine starts in about a minute; after this long, waiting on is no longer the likely cure. */
const MAX_STARTING_WAIT_MS = 5 * 60_000;
const DEFAULT_RETRY_SECONDS = 5;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = window.setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      window.clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });

/**
 * `extractDraft`, retried for as long as the API says the language engine is
 * starting (`NLP_STARTING`), waiting the seconds it asks for; `onWaiting`
 * tells the page so it can say why nothing has come back yet.
 */
export async function extractDraft(input: ArticleInput, credential: string, signal: AbortSignal, onWaiting: (seconds: number) => void): Promise<ExtractResult> {
  const started = Date.now();
  for (;;) {
    try {
      const data = await graphql<{ extractDraft: ExtractResult }>({ query: EXTRACT, variables: { input } }, signal, {
        credential,
        timeoutMs: EXTRACT_TIMEOUT_MS,
      });
      return data.extractDraft;
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'NLP_STARTING' || Date.now() - started > MAX_STARTING_WAIT_MS) throw error;
      const asked = Number(error.extensions.retryAfterSeconds);
      const seconds = Number.isFinite(asked) && asked > 0 ? Math.min(asked, 60) : DEFAULT_RETRY_SECONDS;
      onWaiting(seconds);
      await sleep(seconds * 1000, signal);
    }
  }
}

export async function ingestReviewed(bundle: DraftBundle, credential: string, signal: AbortSignal): Promise<IngestSummary> {
  const data = await graphql<{ ingestBundle: IngestSummary }>({ query: INGEST, variables: { bundle } }, signal, { credential, timeoutMs: 60_000 });
  return data.ingestBundle;
}

/** One problem of a refused bundle, as `ingestBundle` lists them in `extensions.issues`. */
export function bundleIssues(error: unknown): Array<{ path: string; message: string }> {
  if (!(error instanceof ApiError) || !Array.isArray(error.extensions.issues)) return [];
  return (error.extensions.issues as unknown[]).flatMap((issue) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message } = issue as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
}
