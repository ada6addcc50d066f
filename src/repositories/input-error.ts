import { GraphQLError } from 'graphql';

/** A field-level input error: `extensions.field` names the input field at fault. */
export class InputError extends GraphQLError {
  constructor(field: string, message: string) {
    super(`${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field } });
    this.name = 'InputError';
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string, field?: string) {
    super(`No ${what} with id "${id}".`, { extensions: { code: 'NOT_FOUND', ...(field ? { field } : {}) } });
    this.name = 'NotFoundError';
  }
}
