import type { CORSOptions } from 'graphql-yoga';

/** What a browser page on an allowed origin may send and read. */
const ALLOWED_HEADERS = ['content-type', 'accept', 'authorization', 'x-newsgraph-client', 'x-graphql-yoga-csrf', 'x-request-id', 'x-newsgraph-bookmarks'];
const EXPOSED_HEADERS = ['x-request-id'];
const PREFLIGHT_CACHE_SECONDS = 600;

/**
 * CORS for Yoga's `cors` option. Yoga's default reflects any Origin with
 * `Access-Control-Allow-Credentials: true`, which lets every site read answers
 * made with the visitor's ambient credentials. Here only the configured
 * origins (NEWSGRAPH_CORS_ORIGINS) get CORS headers, `*` allows any origin, and
 * credentials are never allowed: the API authenticates with an explicit
 * `Authorization` header, which needs no cookies. A foreign origin gets no CORS
 * headers at all, so the browser keeps the answer from the page.
 */
export function corsOptionsFor(allowedOrigins: readonly string[]): (request: Request) => CORSOptions {
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !(anyOrigin || allowed.has(origin))) return false;
    return {
      // One origin, echoed: the answer then varies by Origin, which Yoga's headers say (Vary).
      origin: [origin],
      methods: ['GET', 'POST'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      credentials: false,
      maxAge: PREFLIGHT_CACHE_SECONDS,
    };
  };
}
