import type { Plugin } from 'graphql-yoga';
import { withShortEchoes } from '../../model/echo.js';
import { copyError, mapErrors, rewriteResults } from './result-errors.js';

// graphql-js ends validation and coercion messages with hints such as
// ' Did you mean "entity" or "entities"?' and ' Did you mean the enum value "PERSON"?'.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The message without graphql-js's "Did you mean …?" hints, which name fields and enum values. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * The last word on every error message sent: values the caller sent are
 * repeated at most briefly (src/model/echo.ts), wherever the message came from
 * (graphql-js coercion, a resolver, a repository), and with introspection off
 * the "Did you mean …?" hints go too, since they would list the schema's field
 * names and enum values that introspection is hiding.
 */
export function useErrorMessagePolicy(options: { hideSuggestions: boolean }): Plugin {
  const policy = (message: string) => withShortEchoes(options.hideSuggestions ? withoutSuggestions(message) : message);
  return {
    onResultProcess: rewriteResults((result) =>
      mapErrors(result, (error) => {
        const message = policy(error.message);
        return message === error.message ? error : copyError(error, { message });
      }),
    ),
  };
}
