import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createNlpEngine } from '../../src/nlp/nlp-engine.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A newsgraph CoreNLP service's base URL (POST /annotate, GET /health), the same for the whole run. */
    corenlpUrl: string;
  }
}

function answerError(response: ServerResponse, status: number, error: unknown): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
}

/**
 * One CoreNLP service for the run: NEWSGRAPH_CORENLP_URL when set; else a loopback forwarder in front of
 * the local service, which the forwarder's first request starts through the same engine the API uses
 * (and starts again if it died). Most runs pick test files that never annotate: they do not pay the
 * service's 4 GB and minute of CPU. The first request waits for the start (under a minute here).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.NEWSGRAPH_CORENLP_URL;
  if (given) {
    console.log(`[newsgraph tests] CoreNLP: given at ${given}`);
    project.provide('corenlpUrl', given.replace(/\/+$/, ''));
    return async () => {};
  }
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  // A longer start than the product's default: a test run shares two cores with Neo4j, Chromium and the tests.
  const env = { NEWSGRAPH_CORENLP_START_TIMEOUT_MS: '300000', ...process.env, NEWSGRAPH_CORENLP_URL: undefined };
  const engine = createNlpEngine(loadConfig(env), log);
  const forwarder = createServer((incoming, response) => {
    engine.serviceUrl().then(
      (target) => {
        const upstream = request(new URL(incoming.url ?? '/', target), { method: incoming.method, headers: incoming.headers }, (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        });
        upstream.on('error', (error) => answerError(response, 502, error));
        incoming.pipe(upstream);
      },
      (error: unknown) => answerError(response, 503, error),
    );
  });
  await new Promise<void>((resolve) => forwarder.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(forwarder.address() as AddressInfo).port}`;
  console.log(`[newsgraph tests] CoreNLP: local service, started by the first request to ${url}`);
  project.provide('corenlpUrl', url);
  return async () => {
    forwarder.closeAllConnections();
    await new Promise((resolve) => forwarder.close(resolve));
    await engine.stop();
  };
}
