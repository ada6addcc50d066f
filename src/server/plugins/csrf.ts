import { createGraphQLError, type Plugin } from 'graphql-yoga';

// What a browser sends cross-site without a CORS preflight (plus no Content-Type at all).
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * CSRF prevention as @graphql-yoga/plugin-csrf-prevention does it (a request a
 * browser could send cross-site without a preflight needs one of `headers`),
 * with a message that says what to send.
 */
export function useCsrfPrevention(headers: readonly string[]): Plugin {
  return {
    onRequestParse({ request }) {
      const contentType = request.headers.get('content-type')?.toLowerCase();
      if (contentType && !SIMPLE_CONTENT_TYPES.some((simple) => contentType.startsWith(simple))) return;
      if (headers.some((name) => request.headers.has(name))) return;
      throw createGraphQLError(
        `This request needs a ${headers.join(' or ')} header (any value), or, for a POST, Content-Type: application/json. ` +
          'Requests a browser could send from another site without either are refused (CSRF prevention).',
        { extensions: { code: 'CSRF_HEADER_MISSING', http: { status: 403 } } },
      );
    },
  };
}
