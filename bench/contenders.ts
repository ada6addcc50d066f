import type { Driver } from 'neo4j-driver';
import type { Answer } from './answers.js';
import type { Params, Workload } from './workloads.js';

export type ContenderName = 'newsgraph' | 'neo4j-graphql' | 'raw-http' | 'raw';
export const CONTENDERS: ContenderName[] = ['newsgraph', 'neo4j-graphql', 'raw-http', 'raw'];
export const LABEL: Record<ContenderName, string> = {
  newsgraph: 'newsgraph',
  'neo4j-graphql': '@neo4j/graphql',
  'raw-http': 'raw Cypher over HTTP',
  raw: 'raw Cypher in-process',
};

/** One way of asking a workload: returns the canonical answer (and so fails on any error). */
export interface Contender {
  name: ContenderName;
  ask(workload: Workload, params: Params): Promise<Answer>;
  /** The HTTP request autocannon replays, for the GraphQL contenders. */
  httpRequest?(workload: Workload, params: Params): { url: string; body: string; headers: Record<string, string> };
}

type Post = (body: string) => Promise<Response>;

const HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

function graphqlBody(side: Workload['newsgraph'], params: Params): string {
  return JSON.stringify({ query: side.query(params), variables: side.variables(params) });
}

async function graphqlData(post: Post, body: string): Promise<Record<string, unknown>> {
  const response = await post(body);
  const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (json.errors?.length || !json.data) throw new Error(`GraphQL errors (HTTP ${response.status}): ${JSON.stringify(json.errors).slice(0, 500)}`);
  return json.data;
}

/** A GraphQL contender reached through `post`: over HTTP (fetch) or in-process (yoga.fetch). */
export function graphqlContender(name: 'newsgraph' | 'neo4j-graphql', post: Post, url?: string): Contender {
  const side = (workload: Workload) => (name === 'newsgraph' ? workload.newsgraph : workload.neo4jGraphql);
  return {
    name,
    async ask(workload, params) {
      return side(workload).answer(await graphqlData(post, graphqlBody(side(workload), params)), params);
    },
    // A copy each time: autocannon adds content-length to the headers object it is given.
    httpRequest: url ? (workload, params) => ({ url, body: graphqlBody(side(workload), params), headers: { ...HEADERS } }) : undefined,
  };
}

export function httpPost(url: string): Post {
  return (body) => fetch(url, { method: 'POST', headers: { ...HEADERS }, body });
}

export function inProcessPost(app: { fetch: (url: string, init: RequestInit) => Promise<Response> | Response }): Post {
  return async (body) => app.fetch('http://bench.local/graphql', { method: 'POST', headers: { ...HEADERS }, body });
}

/** Runs one workload's hand-written Cypher, one read transaction per operation, as newsgraph's executor does. */
export async function runRaw(driver: Driver, database: string, workload: Workload, params: Params): Promise<Array<Record<string, unknown>>> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(workload.raw.cypher(params), workload.raw.params(params)));
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

/**
 * The floor over the same transport (bench/raw-http/server.ts): the
 * workload's parameters posted as JSON to its route, the rows back as JSON,
 * turned into the canonical answer here as the GraphQL contenders' are.
 */
export function rawHttpContender(baseUrl: string): Contender {
  const request = (workload: Workload, params: Params) => ({ url: `${baseUrl}/${workload.id}`, body: JSON.stringify(params), headers: { ...HEADERS } });
  return {
    name: 'raw-http',
    async ask(workload, params) {
      const { url, body, headers } = request(workload, params);
      const response = await fetch(url, { method: 'POST', headers, body });
      const json = (await response.json()) as { rows?: Array<Record<string, unknown>>; error?: string };
      if (!response.ok || !json.rows) throw new Error(`raw-http ${response.status}: ${json.error ?? 'no rows'}`);
      return workload.raw.answer(json.rows, params);
    },
    httpRequest: request,
  };
}

/** The database's own time: neo4j-driver in this process, no transport. The driver must have disableLosslessIntegers, as newsgraph's does. */
export function rawContender(driver: Driver, database: string): Contender {
  return {
    name: 'raw',
    async ask(workload, params) {
      return workload.raw.answer(await runRaw(driver, database, workload, params), params);
    },
  };
}
