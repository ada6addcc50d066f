import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { BASELINE, WORKLOADS, type Params, type Workload } from '../workloads.js';
import { BENCH_QUERY_TIMEOUT_MS } from '../config.js';
import { serveUntilParentEnds } from '../child-server.js';

/**
 * The floor over the same transport as the GraphQL contenders: Node's `http`,
 * one route per workload (`POST /q1` with the workload's parameters as JSON),
 * the hand-written Cypher in one read transaction with newsgraph's driver
 * settings (createDriver), the rows back as JSON. No GraphQL, no schema, no
 * validation: what any HTTP API over the same statements must at least pay.
 * `node --import tsx bench/raw-http/server.ts` with NEO4J_URI and PORT; prints
 * `READY <port>`; exits when its stdin closes.
 */

const config = loadConfig({ ...process.env, NEO4J_QUERY_TIMEOUT_MS: String(BENCH_QUERY_TIMEOUT_MS) });
const driver = createDriver({ uri: config.neo4j.uri!, username: config.neo4j.username, password: config.neo4j.password }, config.neo4j);
const database = config.neo4j.database;
const routes = new Map<string, Workload>([BASELINE, ...WORKLOADS].map((workload) => [`/${workload.id}`, workload]));

/** Neo4j's temporal values as their ISO text, as newsgraph's API sends them. */
const temporal = (value: unknown) =>
  neo4j.isDate(value as never) ||
  neo4j.isDateTime(value as never) ||
  neo4j.isLocalDateTime(value as never) ||
  neo4j.isTime(value as never) ||
  neo4j.isDuration(value as never);
const toJson = (_key: string, value: unknown) => (value !== null && typeof value === 'object' && temporal(value) ? String(value) : value);

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const workload = request.method === 'POST' ? routes.get(request.url ?? '') : undefined;
  if (!workload) {
    response.writeHead(404).end();
    return;
  }
  const params = JSON.parse(await body(request)) as Params;
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(workload.raw.cypher(params), workload.raw.params(params)), { timeout: BENCH_QUERY_TIMEOUT_MS });
    const rows = result.records.map((record) => record.toObject());
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rows }, toJson));
  } finally {
    await session.close();
  }
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: Error) => {
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: error.message }));
  });
});
const port = Number(process.env.PORT ?? 4200);
serveUntilParentEnds(server, port, driver);
