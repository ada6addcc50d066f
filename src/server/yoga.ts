import { randomUUID } from 'node:crypto';
import { createYoga, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { createContext, type AppServices, type GraphContext } from '../context.js';
import { schema } from '../schema/index.js';
import { GRAPHIQL_DEFAULT_QUERY } from './graphiql.js';

export type NewsgraphYoga = YogaServerInstance<Record<string, unknown>, GraphContext>;

const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The request's id: the caller's if it is safe to echo, else a new one; the same for the whole request. */
function requestIdFor(request: Request, requestIds: WeakMap<Request, string>): string {
  let id = requestIds.get(request);
  if (!id) {
    const given = request.headers.get(REQUEST_ID_HEADER);
    id = given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    requestIds.set(request, id);
  }
  return id;
}

/** Echoes the request id and logs one line per response. */
function requestLogPlugin(services: AppServices, requestIds: WeakMap<Request, string>): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const requestId = requestIdFor(request, requestIds);
      response.headers.set(REQUEST_ID_HEADER, requestId);
      const ms = started.has(request) ? Math.round(performance.now() - started.get(request)!) : undefined;
      services.log.info({ requestId, method: request.method, path: new URL(request.url).pathname, status: response.status, ms }, 'request');
    },
  };
}

/** The HTTP application, apart from any listener, so tests can call `yoga.fetch` in-process. */
export function createNewsgraphYoga(services: AppServices): NewsgraphYoga {
  const requestIds = new WeakMap<Request, string>();
  return createYoga<Record<string, unknown>, GraphContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Masked in every environment: unexpected errors never carry Cypher or driver text to callers.
    maskedErrors: { isDev: false },
    graphiql: { title: 'newsgraph', defaultQuery: GRAPHIQL_DEFAULT_QUERY },
    logging: {
      debug: (...args) => services.log.debug(args.map(String).join(' ')),
      info: (...args) => services.log.info(args.map(String).join(' ')),
      warn: (...args) => services.log.warn(args.map(String).join(' ')),
      error: (...args) => services.log.error({ err: args.find((arg) => arg instanceof Error) }, args.map(String).join(' ')),
    },
    context: ({ request }) => createContext(services, requestIdFor(request, requestIds)),
    plugins: [requestLogPlugin(services, requestIds), useReadinessCheck({ endpoint: '/ready', check: () => services.executor.ping() })],
  });
}
