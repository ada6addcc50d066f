import { GraphQLError } from 'graphql';

/**
 * Typed database errors. They extend GraphQLError so Yoga's masking lets
 * their (safe, Cypher-free) message and `extensions.code` through.
 */
export class DatabaseError extends GraphQLError {
  constructor(message: string, code: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, { extensions: { code, ...options.details }, originalError: undefined });
    this.name = new.target.name;
    if (options.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
  }
}

export class DatabaseUnavailableError extends DatabaseError {
  constructor(cause?: unknown) {
    super('The graph database is unavailable. Try again shortly.', 'DATABASE_UNAVAILABLE', { cause });
  }
}

export class ConstraintViolationError extends DatabaseError {
  constructor(cause?: unknown) {
    super('The write conflicts with existing data (a unique key is already taken).', 'CONSTRAINT_VIOLATION', { cause });
  }
}

export class QueryTimeoutError extends DatabaseError {
  constructor(cause?: unknown) {
    super('The query took too long and was stopped.', 'QUERY_TIMEOUT', { cause });
  }
}

export class DatabaseAuthError extends DatabaseError {
  constructor(cause?: unknown) {
    super('The service could not authenticate to the graph database.', 'DATABASE_AUTH_FAILED', { cause });
  }
}

export class DatabaseBusyError extends DatabaseError {
  constructor(cause?: unknown) {
    super('The graph database is busy with conflicting work. Try again.', 'DATABASE_BUSY', { cause });
  }
}

/** A node the write needed was deleted by a concurrent commit (a merge or a delete of the same entity). */
export class ConcurrentChangeError extends DatabaseError {
  constructor(cause?: unknown) {
    super('An entity this write needs was merged or deleted at the same moment. Try again.', 'CONCURRENT_CHANGE', { cause });
  }
}

export class UnexpectedDatabaseError extends DatabaseError {
  constructor(cause?: unknown) {
    super('The graph database returned an unexpected error.', 'DATABASE_ERROR', { cause });
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

/** Maps a neo4j-driver error (by its status code) to one of the typed errors above. */
export function mapNeo4jError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = errorCode(error) ?? '';
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.ClientError.Database.DatabaseNotFound')) {
    return new DatabaseUnavailableError(error);
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return new ConstraintViolationError(error);
  if (code === 'Neo.ClientError.Statement.EntityNotFound') return new ConcurrentChangeError(error);
  // A transaction stopped by its timeout while it waited for a lock: Neo4j 5 sends the ClientError spelling, older servers the TransientError one.
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code.endsWith('.Transaction.LockClientStopped')) {
    return new QueryTimeoutError(error);
  }
  if (code.startsWith('Neo.ClientError.Security.')) return new DatabaseAuthError(error);
  if (code.startsWith('Neo.TransientError.') || isPoolExhausted(error)) return new DatabaseBusyError(error);
  if (isConnectionFailure(error)) return new DatabaseUnavailableError(error);
  return new UnexpectedDatabaseError(error);
}

function isPoolExhausted(error: unknown): boolean {
  return error instanceof Error && /Connection acquisition timed out/i.test(error.message);
}

function isConnectionFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /ECONNREFUSED|ECONNRESET|connection.*(closed|refused|timed out)|Failed to connect/i.test(message);
}
