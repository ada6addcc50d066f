import { GraphQLError } from 'graphql';
import { echoed } from './echo.js';

/**
 * The API's errors for input it refuses, in one place: BAD_USER_INPUT naming
 * the input field at fault (`extensions.field`, inside an input object) or the
 * argument (`extensions.argumentName`), and NOT_FOUND for an id.
 */

/** A field-level input error: `extensions.field` names the input field at fault. */
export class InputError extends GraphQLError {
  /** `shownAs`: how the message names the field (`input.endDate` for a mutation's input object). */
  constructor(field: string, message: string, shownAs = field) {
    super(`${shownAs}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
    this.name = 'InputError';
  }
}

/** An argument refused: `extensions.argumentName` names it. */
export class ArgumentError extends GraphQLError {
  constructor(argumentName: string, message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
    this.name = 'ArgumentError';
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string, field?: string) {
    // The id is the caller's, of any length: repeat only its start.
    super(`No ${what} with id ${echoed(id)}.`, { extensions: { code: 'NOT_FOUND', ...(field ? { field } : {}) } });
    this.name = 'NotFoundError';
  }
}
