import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError, Kind } from 'graphql';
import { hasRole } from '../auth/authenticate.js';
import type { GraphContext } from '../context.js';
import { isPartialDate, PARTIAL_DATE_HINT } from '../model/dates.js';

export const builder = new SchemaBuilder<{
  Context: GraphContext;
  /** read: reader, or anyone while anonymous reads are on; edit: editor; admin: admin. */
  AuthScopes: { read: boolean; edit: boolean; admin: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin],
  scopeAuth: {
    // A subscription is authorized when it starts (its subscribe function), not per event after it is running.
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      read: context.anonymousRead || hasRole(context.viewer, 'reader'),
      edit: hasRole(context.viewer, 'editor'),
      admin: hasRole(context.viewer, 'admin'),
    }),
    // Anonymous callers are told to authenticate; known callers without the role are forbidden.
    unauthorizedError: (_parent, context, info) =>
      context.viewer.role === null
        ? new GraphQLError(`Authentication required for ${info.parentType.name}.${info.fieldName}: send Authorization: Bearer <key>.`, { extensions: { code: 'UNAUTHENTICATED' } })
        : new GraphQLError(`The ${context.viewer.role} role may not use ${info.parentType.name}.${info.fieldName}.`, { extensions: { code: 'FORBIDDEN' } }),
  },
});

/** The value, briefly: a deeply nested list would overflow JSON.stringify, a long string would be echoed whole. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    throw new GraphQLError(`Invalid Date ${describeValue(value)}: ${PARTIAL_DATE_HINT}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

builder.scalarType('Date', {
  description: 'An ISO 8601 date that may be partial: 2021, 2021-08 or 2021-08-09.',
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => {
    throw new GraphQLError(`JSON arguments must be passed as variables, not inline literals (got ${ast.kind}).`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});

// Every query needs the read scope; each mutation declares its own scope on its field.
builder.queryType({
  description: 'Reads of the graph: entities, relations, their sources, neighbourhoods, paths and timelines. Every query needs the read scope.',
  authScopes: { read: true },
});
builder.mutationType({
  description:
    'Writes: edits of the graph and of saved work. Every mutation needs at least the editor role (Authorization: Bearer <key>); deleteEntity, mergeEntities and replacing a stored document need the admin role.',
});

/** The builder's resolved type parameters, for helpers that take refs of any domain. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
