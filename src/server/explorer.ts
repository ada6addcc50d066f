import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { PROJECT_ROOT } from '../project.js';

/**
 * Serves the explorer (explorer/, built by Vite into dist/explorer) at /explorer.
 * Built files by path; index.html for /explorer and any other sub-path, so deep
 * links work; 404 for missing assets; 503 while the bundle is not built.
 */

export const EXPLORER_PATH = '/explorer';

/** Where `npm run build:explorer` puts the bundle. */
export const DEFAULT_EXPLORER_ROOT = join(PROJECT_ROOT, 'dist', 'explorer');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page talks to /graphql on its own origin and loads nothing from anywhere else. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite names assets by content hash, so they never change under their name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsgraph explorer: not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto">
<h1>The explorer is not built</h1>
<p>The API is running, but the explorer's files (<code>dist/explorer</code>) are missing.
Build them with <code>npm run build:explorer</code> (or <code>npm run build</code>), then reload this page.</p>
<p>The GraphQL API is at <a href="/graphql">/graphql</a>.</p>
</body></html>
`;

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers },
  });
}

function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function regularFile(file: string): Promise<{ size: number; mtimeMs: number } | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

export interface ExplorerOptions {
  /** The built explorer; dist/explorer by default. */
  root?: string;
}

export type ExplorerHandler = (request: Request) => Promise<Response | undefined>;

/** A handler answering requests under /explorer, and undefined for every other path. */
export function createExplorerHandler(options: ExplorerOptions = {}): ExplorerHandler {
  const root = resolve(options.root ?? DEFAULT_EXPLORER_ROOT);

  async function send(request: Request, file: string, cacheControl: string): Promise<Response> {
    const body = await readFile(file);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': cacheControl, etag, 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) Object.assign(headers, { 'content-security-policy': CSP, 'referrer-policy': 'same-origin' });
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    headers['content-length'] = String(body.byteLength);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  }

  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname !== EXPLORER_PATH && !pathname.startsWith(`${EXPLORER_PATH}/`)) return undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed\n', { allow: 'GET, HEAD' });

    const index = resolve(root, 'index.html');
    if (!(await regularFile(index))) {
      return new Response(request.method === 'HEAD' ? null : NOT_BUILT_PAGE, {
        status: 503,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '10' },
      });
    }

    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(EXPLORER_PATH.length + 1));
    } catch {
      return text(400, 'Bad request\n');
    }
    // No traversal, no hidden files, no Windows separators or NUL: such a path is simply not found.
    const segments = relative.split('/');
    if (relative.includes('\0') || relative.includes('\\') || segments.some((segment) => segment === '..' || segment.startsWith('.'))) {
      return text(404, 'Not found\n');
    }
    if (relative === '' || relative.endsWith('/') || relative === 'index.html') return send(request, index, REVALIDATE);

    const file = resolve(root, relative);
    if (isInside(root, file) && (await regularFile(file))) {
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
      if (!isInside(realRoot, realFile)) return text(404, 'Not found\n');
      return send(request, file, relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE);
    }
    // A missing file is a 404; any other path is a view of the single-page app.
    if (relative.startsWith('assets/') || extname(relative) !== '') return text(404, 'Not found\n');
    return send(request, index, REVALIDATE);
  };
}

/** The handler on dist/explorer. */
export const serveExplorer: ExplorerHandler = createExplorerHandler();

/** The Yoga plugin: answers /explorer requests before GraphQL handling sees them. */
export function useExplorer(options: ExplorerOptions = {}): Plugin {
  const handle = options.root ? createExplorerHandler(options) : serveExplorer;
  return {
    async onRequest({ request, endResponse }) {
      const response = await handle(request);
      if (response) endResponse(response);
    },
  };
}
