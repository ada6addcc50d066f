import SchemaBuilder from '@pothos/core';
import { GraphQLError, Kind } from 'graphql';
import type { GraphContext } from '../context.js';
import { isPartialDate, PARTIAL_DATE_HINT } from '../model/dates.js';

export const builder = new SchemaBuilder<{
  Context: GraphContext;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  defaultFieldNullability: false,
});

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    throw new GraphQLError(`Invalid Date ${JSON.stringify(value)}: ${PARTIAL_DATE_HINT}`, { extensions: { code: 'BAD_USER_INPUT' } });
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

builder.queryType({});
builder.mutationType({});

/** The builder's resolved type parameters, for helpers that take refs of any domain. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
