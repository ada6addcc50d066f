import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { mapNeo4jError } from '../../src/db/errors.js';

function driverError(code: string, message = 'boom') {
  return Object.assign(new Error(message), { code });
}

describe('mapNeo4jError', () => {
  it.each([
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'CONSTRAINT_VIOLATION'],
    ['ServiceUnavailable', 'DATABASE_UNAVAILABLE'],
    ['SessionExpired', 'DATABASE_UNAVAILABLE'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'QUERY_TIMEOUT'],
    // Timed out while waiting for a lock (Neo4j 5 spelling; it was DATABASE_ERROR behind a merge holding the lock).
    ['Neo.ClientError.Transaction.LockClientStopped', 'QUERY_TIMEOUT'],
    ['Neo.TransientError.Transaction.LockClientStopped', 'QUERY_TIMEOUT'],
    // A node deleted (merged away) by a concurrent commit: retryable, not an unexpected error.
    ['Neo.ClientError.Statement.EntityNotFound', 'CONCURRENT_CHANGE'],
    ['Neo.ClientError.Security.Unauthorized', 'DATABASE_AUTH_FAILED'],
    ['Neo.TransientError.Transaction.DeadlockDetected', 'DATABASE_BUSY'],
    ['Neo.ClientError.Statement.SyntaxError', 'DATABASE_ERROR'],
  ])('maps %s to %s', (code, expected) => {
    const mapped = mapNeo4jError(driverError(code));
    expect(mapped).toBeInstanceOf(GraphQLError);
    expect(mapped.extensions.code).toBe(expected);
  });

  it('never copies the driver message, which may hold Cypher', () => {
    const mapped = mapNeo4jError(driverError('Neo.ClientError.Statement.SyntaxError', 'Invalid input MATCH (n:Secret)'));
    expect(mapped.message).not.toContain('MATCH');
  });
});
