import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { Authenticator } from '../auth/authenticate.js';
import { createContext, type AppServices, type GraphContext } from '../context.js';
import { ChangeFeed, DEFAULT_FEED_OPTIONS } from '../changes/feed.js';
import { schema } from '../schema/index.js';
import { corsOptionsFor } from './cors.js';
import { useExplorer } from './explorer.js';
import { GRAPHIQL_DEFAULT_QUERY } from './graphiql.js';
import { renderOfflineGraphiQL } from './graphiql-page/page.js';
import { useOfflineGraphiQL } from './graphiql-page/serve.js';
import { useBodyLimit } from './plugins/body-limit.js';
import { bookmarksOf, useBookmarks } from './plugins/bookmarks.js';
import { useCsrfPrevention } from './plugins/csrf.js';
import { useErrorMessagePolicy } from './plugins/error-messages.js';
import { useResponseStatus } from './plugins/response-status.js';
import { useDisableIntrospection } from './plugins/introspection.js';
import { useParseGuard } from './plugins/parse-guard.js';
import { useCostLimit } from './plugins/cost-limit.js';
import { createRateLimit } from './plugins/rate-limit.js';
import { useRequestDeadline } from './plugins/request-deadline.js';
import { useReadyEndpoint } from './plugins/ready-endpoint.js';
import { viewerPerRequest } from './viewer-per-request.js';
import { readinessOf } from './readiness-of.js';
import { RequestIds, useRequestLog } from './plugins/request-log.js';

export type NewsgraphYoga = YogaServerInstance<Record<string, unknown>, GraphContext>;

/** Headers a non-browser client may send to pass CSRF prevention on GET; JSON POSTs pass anyway. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'x-newsgraph-client'];

/** The HTTP application, apart from any listener, so tests can call `yoga.fetch` in-process. */
export function createNewsgraphYoga(services: AppServices): NewsgraphYoga {
  const { security, log } = services;
  const readiness = services.readiness ?? readinessOf(services);
  // Each instance tails the shared outbox; serve() passes its own, configured and closed at shutdown.
  const withFeed: AppServices = { ...services, changeFeed: services.changeFeed ?? new ChangeFeed(services.executor, log, DEFAULT_FEED_OPTIONS) };
  const requestIds = new RequestIds();
  const authenticator = new Authenticator(security);
  const viewerOf = viewerPerRequest(authenticator);
  const rateLimit = createRateLimit({ endpoint: '/graphql', ...security.rateLimit }, viewerOf);
  const armor = new EnvelopArmor({
    maxDepth: { n: security.limits.depth },
    maxAliases: { n: security.limits.aliases },
    maxTokens: { n: security.limits.tokens },
    maxDirectives: { n: security.limits.directives },
    // Replaced by useCostLimit, whose estimate sees arguments, variables and the caller (armor's counts fields).
    costLimit: { enabled: false },
    // Suggestions would leak field names that introspection is hiding.
    blockFieldSuggestion: { enabled: !security.introspection },
  });
  const plugins: Plugin[] = [
    useRequestLog(log, requestIds),
    useExplorer(),
    useOfflineGraphiQL({ enabled: security.graphiql, graphqlEndpoint: '/graphql' }),
    // Before the body is read: a client over its budget costs no more than this.
    rateLimit.plugin,
    useBodyLimit(security.maxBodyBytes),
    useCsrfPrevention(CSRF_HEADERS),
    ...(armor.protect().plugins as Plugin[]),
    useParseGuard(),
    ...(security.introspection ? [] : [useDisableIntrospection()]),
    useCostLimit({ authenticated: security.limits.cost, anonymous: security.limits.anonymousCost }, (request, cost) => rateLimit.chargeCost(request, cost)),
    useRequestDeadline(security.limits.requestTimeoutMs),
    useBookmarks(),
    useReadyEndpoint(() => readiness.isReady()),
    // On every answer: echoed values cut short (and suggestions gone without introspection), then the status rule.
    useErrorMessagePolicy({ hideSuggestions: !security.introspection }),
    useResponseStatus(),
  ];
  const yoga = createYoga<Record<string, unknown>, GraphContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    multipart: false,
    // Yoga's default echoes any Origin with credentials; only configured origins get CORS headers, never credentials.
    cors: corsOptionsFor(security.corsOrigins),
    // useBodyLimit caps every body, of every content type, with its own 413; Yoga's cap (25 MB by default) would preempt it.
    maxRequestBodySize: false,
    // Masked in every environment: unexpected errors never carry Cypher or driver text to callers.
    maskedErrors: { isDev: false },
    graphiql: security.graphiql
      ? { title: 'newsgraph', defaultQuery: GRAPHIQL_DEFAULT_QUERY, headers: JSON.stringify({ 'x-newsgraph-client': 'graphiql' }) }
      : false,
    // GraphiQL's page and files from the service's own dependencies: Yoga's default loads them from unpkg.com.
    renderGraphiQL: renderOfflineGraphiQL,
    logging: {
      debug: (...args) => log.debug(args.map(String).join(' ')),
      info: (...args) => log.info(args.map(String).join(' ')),
      warn: (...args) => log.warn(args.map(String).join(' ')),
      error: (...args) => log.error({ err: args.find((arg) => arg instanceof Error) }, args.map(String).join(' ')),
    },
    context: async ({ request }) => createContext(withFeed, requestIds.of(request), await viewerOf(request), bookmarksOf(request)),
    plugins,
  });
  // The warm-up sends the explorer's requests through this application (src/server/warm-up-explorer.ts).
  readiness.serves((request) => yoga.fetch(request));
  return yoga;
}
