import type { GraphQLRequest } from './queries.js';

/** The public GraphQL API, on the same origin as the page. */
export const GRAPHQL_ENDPOINT = '/graphql';
const TIMEOUT_MS = 20_000;

export type ApiErrorKind = 'network' | 'http' | 'database' | 'graphql' | 'timeout';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly code?: string,
    /** The GraphQL error's extensions, e.g. `retryAfterSeconds` or a bundle's `issues`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
}

export interface RequestOptions {
  /** An API key or token, sent as `Authorization: Bearer …`; reads need none, writes do. */
  credential?: string;
  /** Extraction runs a language pipeline and may take longer than a read. */
  timeoutMs?: number;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * One GraphQL operation. Always a JSON POST with an explorer header, which
 * satisfies CSRF prevention whichever of the two it asks for. Throws ApiError
 * with a message meant for the analyst; an AbortError when `signal` aborts.
 */
export async function graphql<T>(request: GraphQLRequest, signal?: AbortSignal, options: RequestOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const timeout = new AbortController();
  const timer = window.setTimeout(() => timeout.abort(), timeoutMs);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
    'x-newsgraph-client': 'explorer',
  };
  if (options.credential) headers.authorization = `Bearer ${options.credential}`;
  const signals = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify(request),
      signal: signals,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (isAbort(error)) throw new ApiError(`The API did not answer within ${timeoutMs / 1000} seconds.`, 'timeout');
    throw new ApiError('Cannot reach the newsgraph API (/graphql). Is the server running?', 'network');
  } finally {
    window.clearTimeout(timer);
  }
  let body: GraphQLBody<T>;
  try {
    body = (await response.json()) as GraphQLBody<T>;
  } catch {
    throw new ApiError(`The API answered HTTP ${response.status} ${response.statusText} without a GraphQL response.`, 'http');
  }
  const errors = body.errors ?? [];
  if (errors.length > 0) {
    const unavailable = errors.find((error) => error.extensions?.code === 'DATABASE_UNAVAILABLE');
    if (unavailable) throw new ApiError(unavailable.message || 'The graph database is unavailable.', 'database', 'DATABASE_UNAVAILABLE');
    const first = errors[0]!;
    throw new ApiError(first.message, 'graphql', first.extensions?.code, first.extensions ?? {});
  }
  if (!response.ok || body.data == null) throw new ApiError(`The API answered HTTP ${response.status} ${response.statusText}.`, 'http');
  return body.data;
}

export function isAbortError(error: unknown): boolean {
  return isAbort(error) || (error instanceof Error && error.name === 'AbortError');
}

/** A short title for an error banner. */
export function errorTitle(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong';
  switch (error.kind) {
    case 'network':
      return 'API unreachable';
    case 'database':
      return 'Database unavailable';
    case 'timeout':
      return 'API timeout';
    case 'http':
      return 'API error';
    default:
      return 'Query failed';
  }
}
