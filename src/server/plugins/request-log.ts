import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../logger.js';

const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Request ids: the caller's if it is safe to echo, else a new one; the same for the whole request. */
export class RequestIds {
  private readonly ids = new WeakMap<Request, string>();

  of(request: Request): string {
    let id = this.ids.get(request);
    if (!id) {
      const given = request.headers.get(REQUEST_ID_HEADER);
      id = given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
      this.ids.set(request, id);
    }
    return id;
  }
}

/** Echoes the request id and logs one line per response. */
export function useRequestLog(log: Logger, requestIds: RequestIds): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const requestId = requestIds.of(request);
      response.headers.set(REQUEST_ID_HEADER, requestId);
      const ms = started.has(request) ? Math.round(performance.now() - started.get(request)!) : undefined;
      log.info({ requestId, method: request.method, path: new URL(request.url).pathname, status: response.status, ms }, 'request');
    },
  };
}
