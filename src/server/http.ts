import { createServer, type Server } from 'node:http';
import type { NewsgraphYoga } from './yoga.js';

/** The listener: a plain node:http server around the Yoga handler. */
export function listen(yoga: NewsgraphYoga, port: number, host: string): Promise<Server> {
  const server = createServer(yoga);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
