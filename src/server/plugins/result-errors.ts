import { GraphQLError } from 'graphql';
import { createGraphQLError, isAsyncIterable, type Plugin } from 'graphql-yoga';

type OnResultProcess = NonNullable<Plugin['onResultProcess']>;
type ResultInput = Parameters<OnResultProcess>[0]['result'];
/** One GraphQL result (not a batch, not a stream), as Yoga is about to send it. */
export type SingleResult = Exclude<ResultInput, AsyncIterable<unknown> | readonly unknown[]>;

/**
 * A copy of the error with another message or extensions. Errors are never
 * changed in place: Yoga caches validation errors per document and hands the
 * same objects to the next request with that document.
 */
export function copyError(error: GraphQLError, changes: { message?: string; extensions?: Record<string, unknown> }): GraphQLError {
  return createGraphQLError(changes.message ?? error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: changes.extensions ?? error.extensions,
  });
}

/**
 * An onResultProcess hook that rewrites every result Yoga is about to send
 * (errors thrown before execution included, as Yoga turns those into results
 * too). Streams (subscriptions) are left alone.
 */
export function rewriteResults(rewrite: (result: SingleResult) => SingleResult): OnResultProcess {
  return ({ result, setResult }) => {
    if (isAsyncIterable(result)) return;
    setResult(Array.isArray(result) ? result.map(rewrite) : rewrite(result as SingleResult));
  };
}

/** The result with each GraphQLError passed through `rewrite`. */
export function mapErrors(result: SingleResult, rewrite: (error: GraphQLError) => GraphQLError): SingleResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((error) => (error instanceof GraphQLError ? rewrite(error) : error)) };
}
