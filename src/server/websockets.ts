import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, getOperationAST, type ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { NewsgraphYoga } from './yoga.js';

/** What Yoga's envelope hands each operation: its execute and subscribe, which run Yoga's plugins. */
interface Enveloped {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
}

/** The upgrade request's headers as a fetch Request, as Yoga's context factory reads a request. */
function requestOf(upgrade: IncomingMessage, connectionParams: Readonly<Record<string, unknown>> | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(upgrade.headers)) if (typeof value === 'string') headers.set(name, value);
  // A browser cannot set headers on a WebSocket: the key comes in the connection_init payload instead.
  const authorization = connectionParams?.authorization ?? connectionParams?.Authorization;
  if (typeof authorization === 'string') headers.set('authorization', authorization);
  return new Request(`http://websocket${upgrade.url ?? '/graphql'}`, { method: 'POST', headers });
}

/**
 * Subscriptions over WebSockets (the graphql-ws protocol) on the HTTP
 * server's GraphQL path, beside Server-Sent Events. Only subscriptions: the
 * HTTP layer's protections (rate and body limits, CSRF) see queries and
 * mutations, so those stay on HTTP. Each operation runs through Yoga's
 * envelope, so authentication, the read rules and the context are the same
 * as over HTTP.
 */
export function serveWebSockets(server: Server, yoga: NewsgraphYoga): { close(): Promise<void> } {
  const sockets = new WebSocketServer({ server, path: yoga.graphqlEndpoint });
  useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args) as never,
      onSubscribe: async (context, _id, payload) => {
        const request = requestOf(context.extra.request, context.connectionParams);
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({ request, params: payload });
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return [
            new GraphQLError('Only subscriptions are served over WebSockets; send queries and mutations over HTTP (POST /graphql).', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        try {
          const contextValue = await contextFactory();
          return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue, rootValue: { execute, subscribe } };
        } catch (error) {
          // Authentication failed (a wrong key): said as the operation's error, as over HTTP.
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
      },
    },
    sockets,
  );
  return {
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets.clients) socket.close(1001, 'going away');
        sockets.close(() => resolve());
      }),
  };
}
