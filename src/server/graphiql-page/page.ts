import type { GraphiQLOptions } from 'graphql-yoga';
import { graphiqlAssets } from './assets.js';

/**
 * GraphiQL's page at /graphql (GET, accept: text/html): every file it needs is a file of this
 * service (see assets.ts), and its options travel as a JSON data block, not as inline script.
 */

/** What the page may load and do: its own files, its own API, and data:/blob: URLs GraphiQL builds itself. */
export const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** JSON that cannot end its <script> element or open a comment inside it. */
function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The HTML of GraphiQL's page; Yoga calls it with the `graphiql` options of createYoga. */
export async function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const assets = await graphiqlAssets();
  const title = options.title ?? 'GraphiQL';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${assets.favicon}">
<link rel="stylesheet" href="${assets.stylesheet}">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root">Loading ${escapeHtml(title)}…</div>
<script type="application/json" id="graphiql-options">${jsonForScriptElement(options)}</script>
<script src="${assets.script}"></script>
</body>
</html>
`;
}
