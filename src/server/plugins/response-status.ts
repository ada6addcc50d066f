import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { copyError, mapErrors, rewriteResults, type SingleResult } from './result-errors.js';

/**
 * The HTTP status of a GraphQL answer, by one rule for every media type
 * (docs/security.md, "HTTP statuses"):
 *
 * - An answer with data (even partial, with field errors) is 200, as the
 *   GraphQL-over-HTTP spec requires.
 * - An answer without data (no `data`, or `data: null`) says why: 400 for input
 *   refused (a malformed request, a parse, validation or coercion error, or an
 *   argument a resolver refused), 401 for a missing or invalid credential where
 *   one is needed, 403 for a role that may not do it, 409 for input that
 *   conflicts with what is stored (DOCUMENT_CONFLICT, ENTITY_MERGED), 503 when the database
 *   or the language engine cannot answer (NLP_STARTING and NLP_UNAVAILABLE set it themselves). Other failures of an executed operation (NOT_FOUND,
 *   CONSTRAINT_VIOLATION, QUERY_TIMEOUT, DATABASE_BUSY) stay 200, reported in
 *   the body; an unexpected error before execution is Yoga's 500.
 *
 * Yoga marks its own parse and validation statuses as applying only to
 * `application/graphql-response+json`; here they apply to `application/json`
 * too, so a client sees the same status whichever it asks for.
 */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  // An article in a language extraction cannot read: the input is refused, as any other.
  UNSUPPORTED_LANGUAGE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  // The input conflicts with what is stored: a document id with other text, an id merged into another.
  DOCUMENT_CONFLICT: 409,
  ENTITY_MERGED: 409,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_AUTH_FAILED: 503,
};

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="newsgraph"' };

interface HttpExtension {
  status?: number;
  headers?: Record<string, string>;
  spec?: boolean;
}

const httpOf = (error: GraphQLError) => error.extensions.http as HttpExtension | undefined;

/** A request error graphql-js raised before execution (variable coercion, operation choice): no code, no wrapped exception. */
const isRequestError = (error: GraphQLError) => error.extensions.code === undefined && (!error.originalError || error.originalError instanceof GraphQLError);

function statusWithoutData(error: GraphQLError, executed: boolean): number | undefined {
  const code = error.extensions.code;
  return httpOf(error)?.status ?? (typeof code === 'string' ? STATUS_BY_CODE[code] : undefined) ?? (!executed && isRequestError(error) ? 400 : undefined);
}

function withStatus(error: GraphQLError, status: number | undefined): GraphQLError {
  const http = httpOf(error);
  if (status === undefined) {
    if (http?.status === undefined) return error;
    const { status: _dropped, ...rest } = http;
    return copyError(error, { extensions: { ...error.extensions, http: rest } });
  }
  if (http?.status === status && http.spec === false && (status !== 401 || http.headers)) return error;
  const headers = status === 401 ? { ...CHALLENGE, ...http?.headers } : http?.headers;
  return copyError(error, { extensions: { ...error.extensions, http: { ...http, status, spec: false, ...(headers ? { headers } : {}) } } });
}

export function statusRule(result: SingleResult): SingleResult {
  const hasData = result.data !== null && result.data !== undefined;
  const executed = 'data' in result;
  return mapErrors(result, (error) => withStatus(error, hasData ? undefined : statusWithoutData(error, executed)));
}

export function useResponseStatus(): Plugin {
  return { onResultProcess: rewriteResults(statusRule) };
}
