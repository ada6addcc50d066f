import { createGraphQLError, type Plugin } from 'graphql-yoga';

/**
 * graphql-js parses recursively: about 2,000 nested `[` fit within the token
 * limit and overflow the stack before any limit is checked, which Yoga masks
 * as a 500. Such a document gets a parse error instead.
 */
export function useParseGuard(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof RangeError) {
          replaceParseResult(createGraphQLError('Syntax Error: The document is nested too deeply.', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } }));
        }
      };
    },
  };
}
