import { GraphQLError } from 'graphql';
import { echoed } from '../model/echo.js';

/** A field-level input error: `extensions.field` names the input field at fault. */
export class InputError extends GraphQLError {
  constructor(field: string, message: string) {
    super(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
    this.name = 'InputError';
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string, field?: string) {
    // The id is the caller's, of any length: repeat only its start.
    super(`No ${what} with id ${echoed(id)}.`, { extensions: { code: 'NOT_FOUND', ...(field ? { field } : {}) } });
    this.name = 'NotFoundError';
  }
}
