import type { Server } from 'node:http';
import type { Driver } from 'neo4j-driver';

/**
 * A contender's server in a child process of the benchmark: it listens on
 * loopback, prints `READY <port>` (what bench/servers.ts waits for), and
 * stops, closing its connections and its driver, when its stdin closes or on
 * SIGTERM, so it never outlives the benchmark.
 */
export function serveUntilParentEnds(server: Server, port: number, driver: Driver): void {
  server.listen(port, '127.0.0.1', () => console.log(`READY ${port}`));
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void driver.close().finally(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
}
