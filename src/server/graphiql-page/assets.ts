import { createHash } from 'node:crypto';

/**
 * GraphiQL's files, served by the service itself. @graphql-yoga/render-graphiql carries the
 * whole of Yoga's GraphiQL as strings (code, CSS with its fonts as data: URLs, the favicon as
 * a data: URL, and Monaco's three workers), so nothing is fetched from unpkg.com or any other
 * host. Each file is served under a name holding its content hash, so it can be cached forever.
 */

export const GRAPHIQL_ASSETS_PATH = '/graphiql';

export interface GraphiQLAsset {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  etag: string;
}

export interface GraphiQLAssets {
  /** Asset paths (under GRAPHIQL_ASSETS_PATH) the page links to. */
  script: string;
  stylesheet: string;
  favicon: string;
  /** Every served file by its path. */
  files: Map<string, GraphiQLAsset>;
}

const JS = 'text/javascript; charset=utf-8';

function hashOf(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

function asset(body: Uint8Array<ArrayBuffer> | string, contentType: string): GraphiQLAsset {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return { body: bytes, contentType, etag: `"${hashOf(bytes)}"` };
}

/** `/graphiql/<name>-<hash>.<ext>` for a file, the hash making the name change with the content. */
function named(name: string, extension: string, file: GraphiQLAsset): string {
  return `${GRAPHIQL_ASSETS_PATH}/${name}-${file.etag.slice(1, 13)}.${extension}`;
}

function decodeDataUrl(url: string): { contentType: string; body: Uint8Array<ArrayBuffer> } {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (!match) throw new Error('the GraphiQL favicon is not a base64 data: URL');
  return { contentType: match[1]!, body: new Uint8Array(Buffer.from(match[2]!, 'base64')) };
}

/**
 * Before GraphiQL's code: Monaco asks for its workers by label ("editorWorkerService", "json",
 * "graphql"); they are files of this service, so Monaco starts them from its own origin.
 * After it: GraphiQL rendered into #root with the options the page carries as JSON data
 * (a data block, not a script, so the page needs no inline script under its CSP).
 */
function bootstrap(workers: Record<string, string>): { before: string; after: string } {
  return {
    before: `self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (moduleId, label) { var workers = ${JSON.stringify(workers)}; return workers[label] || workers.editorWorkerService; } };`,
    after: `YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), JSON.parse(document.getElementById('graphiql-options').textContent));`,
  };
}

async function build(): Promise<GraphiQLAssets> {
  // About 9 MB of strings: loaded on the first GraphiQL request, never when GraphiQL is off.
  const graphiql = await import('@graphql-yoga/render-graphiql/graphiql');
  const files = new Map<string, GraphiQLAsset>();
  const add = (name: string, extension: string, file: GraphiQLAsset): string => {
    const path = named(name, extension, file);
    files.set(path, file);
    return path;
  };
  const workers = {
    editorWorkerService: add('editor.worker', 'js', asset(graphiql.editorWorkerService, JS)),
    json: add('json.worker', 'js', asset(graphiql.jsonWorker, JS)),
    graphql: add('graphql.worker', 'js', asset(graphiql.graphqlWorker, JS)),
  };
  const { before, after } = bootstrap(workers);
  const script = add('graphiql', 'js', asset(`${before}\n${graphiql.js};\n${after}\n`, JS));
  const stylesheet = add('graphiql', 'css', asset(graphiql.css, 'text/css; charset=utf-8'));
  const icon = decodeDataUrl(graphiql.favicon);
  const favicon = add('favicon', 'ico', asset(icon.body, icon.contentType));
  return { script, stylesheet, favicon, files };
}

let loading: Promise<GraphiQLAssets> | undefined;

/** The assets, built once per process. */
export function graphiqlAssets(): Promise<GraphiQLAssets> {
  loading ??= build().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
