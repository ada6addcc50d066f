import { GraphQLError } from 'graphql';

/**
 * A problem with what was asked for (an unknown document, a bad option), as
 * opposed to a database failure. A GraphQLError so it passes through the
 * executor unchanged, and the CLI prints its message as one line.
 */
export class ExportError extends GraphQLError {
  constructor(message: string, code: 'NOT_FOUND' | 'BAD_USER_INPUT' = 'BAD_USER_INPUT') {
    super(message, { extensions: { code } });
    this.name = 'ExportError';
  }
}
