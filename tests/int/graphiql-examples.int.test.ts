import { gunzipSync } from 'node:zlib';
import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_DEFAULT_QUERY } from '../../src/server/graphiql.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { seededApi } from '../helpers/api.js';

const api = seededApi();

const operations = parse(GRAPHIQL_DEFAULT_QUERY)
  .definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')
  .map((operation) => operation.name!.value);

describe('GraphiQL example operations', () => {
  it('cover every query of the contract', () => {
    const fields = new Set(
      parse(GRAPHIQL_DEFAULT_QUERY).definitions.flatMap((definition) =>
        definition.kind === 'OperationDefinition'
          ? definition.selectionSet.selections.map((selection) => (selection.kind === 'Field' ? selection.name.value : ''))
          : [],
      ),
    );
    for (const field of ['entity', 'entities', 'search', 'neighborhood', 'shortestPath', 'timeline', 'source', 'sources', 'stats'])
      expect(fields).toContain(field);
  });

  it.each(operations)('%s runs on the seed graph with a non-empty answer', async (operationName) => {
    const response = await api.yoga.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GRAPHIQL_DEFAULT_QUERY, operationName }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const answer = Object.values(body.data ?? {})[0];
    expect(answer).not.toBeNull();
    expect(JSON.stringify(answer)).not.toMatch(/^\[\]$|"totalCount":0/);
  });
});

const BASE = 'http://newsgraph.test';

/** GraphiQL's page as a browser asks for it. */
async function graphiqlPage(yoga = api.yoga): Promise<{ response: Response; html: string }> {
  const response = await yoga.fetch(`${BASE}/graphql`, { headers: { accept: 'text/html' } });
  return { response, html: await response.text() };
}

/** Every URL the page's elements load (script src, link href), as written. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/gi)].map((match) => match[1]!);
}

describe('GraphiQL served by the service itself', () => {
  it('references nothing on another host, and every file it references is served', async () => {
    const { response, html } = await graphiqlPage();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).not.toMatch(/unpkg|jsdelivr|githubusercontent|https?:\/\//i);
    const urls = referencedUrls(html);
    // The favicon, the stylesheet and the script, all on this origin.
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(url).toMatch(/^\/graphiql\//);
      const asset = await api.yoga.fetch(`${BASE}${url}`);
      expect(asset.status, url).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(1000);
    }
  });

  it("starts Monaco's workers from files of the service, each served", async () => {
    const { html } = await graphiqlPage();
    const script = referencedUrls(html).find((url) => url.endsWith('.js'))!;
    const code = await (await api.yoga.fetch(`${BASE}${script}`)).text();
    const workers = JSON.parse(/var workers = (\{[^}]*\})/.exec(code)![1]!) as Record<string, string>;
    expect(Object.keys(workers).sort()).toEqual(['editorWorkerService', 'graphql', 'json']);
    for (const url of Object.values(workers)) {
      const worker = await api.yoga.fetch(`${BASE}${url}`);
      expect(worker.status, url).toBe(200);
      expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
    }
    // The stylesheet's fonts and images are data: URLs, not fetched from anywhere.
    const css = await (await api.yoga.fetch(`${BASE}${referencedUrls(html).find((url) => url.endsWith('.css'))!}`)).text();
    expect(css).not.toMatch(/url\(\s*["']?(?!data:)/);
  });

  it('opens with our example operations and the client header, under a CSP that allows no other host', async () => {
    const { response, html } = await graphiqlPage();
    const options = JSON.parse(/<script type="application\/json" id="graphiql-options">([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, string>;
    expect(options.defaultQuery).toBe(GRAPHIQL_DEFAULT_QUERY);
    expect(JSON.parse(options.headers!)).toEqual({ 'x-newsgraph-client': 'graphiql' });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('is neither rendered nor served when security.graphiql is off', async () => {
    const yoga = createNewsgraphYoga({ executor: api.db.executor, log: api.db.log, security: { ...api.db.config.security, graphiql: false } });
    const { response, html } = await graphiqlPage(yoga);
    expect(html).not.toContain('graphiql-options');
    expect(response.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
    const script = referencedUrls((await graphiqlPage()).html).find((url) => url.endsWith('.js'))!;
    expect((await yoga.fetch(`${BASE}${script}`)).status).toBe(404);
  });

  it('sends its files gzipped to a client that accepts gzip, and as they are to one that does not', async () => {
    const script = referencedUrls((await graphiqlPage()).html).find((url) => url.endsWith('.js'))!;
    const plain = await api.yoga.fetch(`${BASE}${script}`);
    const zipped = await api.yoga.fetch(`${BASE}${script}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
    const [original, compressed] = [Buffer.from(await plain.arrayBuffer()), Buffer.from(await zipped.arrayBuffer())];
    expect(compressed.byteLength).toBeLessThan(original.byteLength / 2);
    expect(gunzipSync(compressed).equals(original)).toBe(true);
    const refused = await api.yoga.fetch(`${BASE}${script}`, { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('answers 404 for a file it does not have', async () => {
    expect((await api.yoga.fetch(`${BASE}/graphiql/graphiql-000000000000.js`)).status).toBe(404);
  });
});
