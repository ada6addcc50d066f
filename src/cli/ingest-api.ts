import { setTimeout as sleep } from 'node:timers/promises';
import type { IngestReport } from '../ingest/batch.js';
import type { Bundle } from '../model/bundle-schema.js';
import { INGEST_SUMMARY_SELECTION } from '../model/ingest-summary.js';
import type { ValidationIssue } from '../model/references.js';
import { invalidMessage } from './ingest-files.js';

/**
 * `newsgraph ingest --api URL`: bundles sent to a running service's
 * ingestBundle mutation, the path the service itself offers, with an API key
 * (Bearer). Its errors become one clear line each.
 */

const INGEST_MUTATION = `mutation CliIngest($bundle: JSON!, $replaceDocument: Boolean) {
  ingestBundle(bundle: $bundle, replaceDocument: $replaceDocument) {
    ${INGEST_SUMMARY_SELECTION}
  }
}`;

const CHECK = 'the check';

/** A 429 is waited out this many times before the file is given up. */
const RATE_LIMIT_RETRIES = 5;
const LONGEST_WAIT_S = 60;

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly code?: string,
    /** The request may have reached the service and been carried out: the connection failed after it was sent. */
    readonly outcomeUnknown = false,
  ) {
    super(message);
  }
}

/** Connection failures that happen before anything is sent. */
const NOTHING_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; issues?: ValidationIssue[]; retryAfterSeconds?: number } }>;
}

/** `http://host:4000` means its /graphql; a URL with a path is taken as the endpoint itself. */
export function endpointOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ApiError(`--api expects the service's URL, such as http://localhost:4000, not ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ApiError(`--api expects an http:// or https:// URL, not ${JSON.stringify(url)}`);
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/graphql';
  return parsed.toString();
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused (is the service running?)';
  if (cause?.code === 'ENOTFOUND') return 'unknown host';
  return cause?.message ?? (error as Error).message;
}

export class IngestApi {
  readonly endpoint: string;

  constructor(
    url: string,
    private readonly key: string | undefined,
  ) {
    this.endpoint = endpointOf(url);
  }

  /** Reaches the service once before any file is sent: a wrong URL or a refused key stops here, with nothing sent. */
  async check(): Promise<void> {
    await this.post<{ __typename: string }>('query CliCheck { __typename }', {}, CHECK);
  }

  async ingest(bundle: Bundle, replaceDocument: boolean, what: string): Promise<IngestReport> {
    const data = await this.post<{ ingestBundle: IngestReport }>(INGEST_MUTATION, { bundle, replaceDocument }, what);
    return data.ingestBundle;
  }

  private async post<T>(query: string, variables: Record<string, unknown>, what: string): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.key) headers.authorization = `Bearer ${this.key}`;
    const body = JSON.stringify({ query, variables });
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(this.endpoint, { method: 'POST', headers, body });
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        throw new ApiError(`cannot reach the service at ${this.endpoint}: ${reasonOf(error)}`, undefined, code === undefined || !NOTHING_SENT.has(code));
      }
      const answer = (await response.json().catch(() => undefined)) as GraphQLAnswer<T> | undefined;
      if (response.status === 429 && attempt < RATE_LIMIT_RETRIES) {
        const waitS = Math.min(LONGEST_WAIT_S, Number(response.headers.get('retry-after')) || 1);
        await sleep(waitS * 1000);
        continue;
      }
      // A success whose answer was lost (cut off while read) may still have been written.
      if (!answer)
        throw new ApiError(
          `the service at ${this.endpoint} answered ${what} with HTTP ${response.status} and no GraphQL answer (is --api the newsgraph service's URL?)`,
          undefined,
          response.ok,
        );
      const [error] = answer.errors ?? [];
      if (error || !answer.data) throw this.errorOf(error, response.status, what);
      return answer.data;
    }
  }

  private errorOf(error: NonNullable<GraphQLAnswer<unknown>['errors']>[number] | undefined, status: number, what: string): ApiError {
    const code = error?.extensions?.code;
    const message = error?.message ?? 'no data and no error';
    if (code === 'UNAUTHENTICATED') {
      const problem = this.key
        ? `refused the API key (HTTP ${status}, ${code}): ${message}`
        : `needs an API key (HTTP ${status}, ${code}): ${message} Give an editor key with --key or NEWSGRAPH_API_KEY.`;
      return new ApiError(what === CHECK ? `the service ${problem}` : `the service refused ${what}: it ${problem}`, code);
    }
    if (code === 'FORBIDDEN')
      return new ApiError(
        `the service refused ${what}: the key may not write (HTTP ${status}, ${code}): ${message} Ingest needs an editor or admin key.`,
        code,
      );
    if (code === 'BAD_USER_INPUT' && error?.extensions?.issues?.length)
      return new ApiError(invalidMessage(what, error.extensions.issues, 'the service wrote nothing of it'), code);
    if (status === 413) return new ApiError(`the service refused ${what} as too large (HTTP 413): ${message} (its limit is NEWSGRAPH_MAX_BODY_BYTES)`, code);
    return new ApiError(`the service refused ${what} (HTTP ${status}${code ? `, ${code}` : ''}): ${message}`, code);
  }
}
