import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NewsgraphYoga } from './yoga.js';

interface Tracking {
  /** Responses Yoga has not finished, each maybe for a write its client waits to hear about. */
  open: Set<ServerResponse>;
  draining: boolean;
}

const tracked = new WeakMap<Server, Tracking>();
const PROBES = new Set(['/health', '/ready']);

/** While draining, new requests get a clear 503 (not a reset connection) and their connection is closed. */
function refuseWhileDraining(response: ServerResponse): void {
  response.writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '1' });
  response.end(JSON.stringify({ errors: [{ message: 'The service is shutting down. Try again.', extensions: { code: 'SHUTTING_DOWN' } }] }));
}

/** The listener: a plain node:http server around the Yoga handler. */
export function listen(yoga: NewsgraphYoga, port: number, host: string): Promise<Server> {
  const tracking: Tracking = { open: new Set(), draining: false };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    // The probes still answer while draining: /health 200 (alive), /ready 503 (send nothing new).
    if (tracking.draining && !PROBES.has(new URL(request.url ?? '/', 'http://probe').pathname)) return refuseWhileDraining(response);
    tracking.open.add(response);
    response.once('close', () => tracking.open.delete(response));
    void yoga(request, response);
  });
  tracked.set(server, tracking);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Lets the requests in flight finish, for up to `graceMs`, answering new
 * ones 503 meanwhile; then stops listening and closes every connection.
 * Returns how many requests were cut at the end of the grace period.
 */
export async function drainServer(server: Server, graceMs: number): Promise<number> {
  const tracking = tracked.get(server) ?? { open: new Set(), draining: true };
  tracking.draining = true;
  const deadline = Date.now() + graceMs;
  while (tracking.open.size > 0 && Date.now() < deadline) await sleep(20);
  const cut = tracking.open.size;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  return cut;
}

export function closeServer(server: Server): Promise<void> {
  return drainServer(server, 0).then(() => undefined);
}
