import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { GRAPHIQL_ASSETS_PATH, graphiqlAssets, type GraphiQLAsset } from './assets.js';
import { GRAPHIQL_CSP } from './page.js';

/** Hashed names: a file never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const gzipped = new WeakMap<GraphiQLAsset, Promise<Uint8Array<ArrayBuffer>>>();

/** The file gzipped (GraphiQL's code shrinks from 5 MB to about a quarter), once, off the event loop. */
function gzippedBody(file: GraphiQLAsset): Promise<Uint8Array<ArrayBuffer>> {
  let body = gzipped.get(file);
  if (!body) {
    body = promisify(gzip)(file.body).then((zipped) => new Uint8Array(zipped));
    gzipped.set(file, body);
  }
  return body;
}

/** gzip listed in Accept-Encoding, and not refused with q=0. */
function acceptsGzip(request: Request): boolean {
  return /(?:^|,)\s*gzip\s*(?:;\s*q=(?!0(?:\.0*)?\s*(?:,|$))[\d.]+\s*)?(?:,|$)/i.test(request.headers.get('accept-encoding') ?? '');
}

function notFound(): Response {
  return new Response('Not found\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}

async function serveAsset(request: Request, pathname: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed\n', { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' } });
  }
  const file = (await graphiqlAssets()).files.get(pathname);
  if (!file) return notFound();
  const sendGzip = acceptsGzip(request);
  // Each encoding is its own representation, with its own validator.
  const etag = sendGzip ? `${file.etag.slice(0, -1)}-gzip"` : file.etag;
  const headers: Record<string, string> = {
    'content-type': file.contentType,
    'cache-control': IMMUTABLE,
    etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const body = sendGzip ? await gzippedBody(file) : file.body;
  if (sendGzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.byteLength);
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

/** Is this Yoga's answer with GraphiQL's page (GET /graphql asking for HTML)? */
function isGraphiQLPage(request: Request, response: Response, graphqlEndpoint: string): boolean {
  const { pathname } = new URL(request.url);
  return request.method === 'GET' && pathname.replace(/\/$/, '') === graphqlEndpoint && (response.headers.get('content-type') ?? '').startsWith('text/html');
}

/**
 * Serves GraphiQL's files at /graphiql/… when GraphiQL is on (404 otherwise), and gives its page
 * a Content-Security-Policy that allows nothing from another host.
 */
export function useOfflineGraphiQL(options: { enabled: boolean; graphqlEndpoint: string }): Plugin {
  return {
    async onRequest({ request, endResponse }) {
      const { pathname } = new URL(request.url);
      if (!pathname.startsWith(`${GRAPHIQL_ASSETS_PATH}/`)) return;
      endResponse(options.enabled ? await serveAsset(request, pathname) : notFound());
    },
    onResponse({ request, response }) {
      if (!options.enabled || !isGraphiQLPage(request, response, options.graphqlEndpoint)) return;
      response.headers.set('content-security-policy', GRAPHIQL_CSP);
      response.headers.set('referrer-policy', 'same-origin');
      response.headers.set('x-content-type-options', 'nosniff');
      response.headers.set('content-type', 'text/html; charset=utf-8');
      response.headers.set('cache-control', 'no-cache');
    },
  };
}
