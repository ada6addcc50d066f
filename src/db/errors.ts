import { GraphQLError } from 'graphql';

/** What can go wrong at the database, each with the code and the safe message a caller gets. */
const KINDS = {
  unavailable: { code: 'DATABASE_UNAVAILABLE', message: 'The graph database is unavailable. Try again shortly.' },
  constraintViolation: { code: 'CONSTRAINT_VIOLATION', message: 'The write conflicts with existing data (a unique key is already taken).' },
  timeout: { code: 'QUERY_TIMEOUT', message: 'The query took too long and was stopped.' },
  auth: { code: 'DATABASE_AUTH_FAILED', message: 'The service could not authenticate to the graph database.' },
  busy: { code: 'DATABASE_BUSY', message: 'The graph database is busy with conflicting work. Try again.' },
  // A node the write needed was deleted by a concurrent commit (a merge or a delete of the same entity).
  concurrentChange: { code: 'CONCURRENT_CHANGE', message: 'An entity this write needs was merged or deleted at the same moment. Try again.' },
  unexpected: { code: 'DATABASE_ERROR', message: 'The graph database returned an unexpected error.' },
} as const;

export type DatabaseErrorKind = keyof typeof KINDS;

/**
 * A typed database error. It extends GraphQLError so Yoga's masking lets its
 * (safe, Cypher-free) message and `extensions.code` through; `kind` tells
 * the service's own code what happened. The driver's error stays as `cause`,
 * not enumerable, so it reaches logs and never a response.
 */
export class DatabaseError extends GraphQLError {
  constructor(
    readonly kind: DatabaseErrorKind,
    cause?: unknown,
  ) {
    super(KINDS[kind].message, { extensions: { code: KINDS[kind].code }, originalError: undefined });
    this.name = 'DatabaseError';
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, enumerable: false });
  }
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Maps a neo4j-driver error (by its status code) to a typed DatabaseError. */
export function mapNeo4jError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = errorCode(error) ?? '';
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.ClientError.Database.DatabaseNotFound')) {
    return new DatabaseError('unavailable', error);
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return new DatabaseError('constraintViolation', error);
  if (code === 'Neo.ClientError.Statement.EntityNotFound') return new DatabaseError('concurrentChange', error);
  // A transaction stopped by its timeout while it waited for a lock: Neo4j 5 sends the ClientError spelling, older servers the TransientError one.
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code.endsWith('.Transaction.LockClientStopped')) {
    return new DatabaseError('timeout', error);
  }
  if (code.startsWith('Neo.ClientError.Security.')) return new DatabaseError('auth', error);
  if (code.startsWith('Neo.TransientError.') || isPoolExhausted(error)) return new DatabaseError('busy', error);
  if (isConnectionFailure(error)) return new DatabaseError('unavailable', error);
  return new DatabaseError('unexpected', error);
}

function isPoolExhausted(error: unknown): boolean {
  return error instanceof Error && /Connection acquisition timed out/i.test(error.message);
}

function isConnectionFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /ECONNREFUSED|ECONNRESET|connection.*(closed|refused|timed out)|Failed to connect/i.test(message);
}
