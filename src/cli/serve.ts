import type { Server } from 'node:http';
import { connectDatabase } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { ExtractionEngine } from '../extract/extraction-engine.js';
import { loadSeedIfEmpty } from '../ingest/seed.js';
import { createNlpEngine } from '../nlp/nlp-engine.js';
import { drainServer, listen } from '../server/http.js';
import type { Readiness } from '../server/readiness.js';
import { readinessOf } from '../server/readiness-of.js';
import { createNewsgraphYoga } from '../server/yoga.js';
import { serveWebSockets } from '../server/websockets.js';
import { assertEmbeddedFree, claimEmbedded } from './embedded-busy.js';
import { onShutdownSignal, type Runtime } from './runtime.js';
import { ChangeFeed } from '../changes/feed.js';
import { redisWake, wakeChannel } from '../changes/redis-wake.js';

export async function serve(runtime: Runtime): Promise<void> {
  const { config, log } = runtime;
  // Said in a second, rather than by Neo4j's "Address already in use" after its start.
  await assertEmbeddedFree(config);
  const db = await connectDatabase(config, log);
  const shownHost = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  // Tells a later `newsgraph ingest` on the same store where to send its data instead (--api).
  if (db.mode === 'embedded') claimEmbedded(config, { command: 'serve', bolt: db.uri, api: `http://${shownHost}:${config.http.port}` });
  const running: { server?: Server; readiness?: Readiness; sockets?: { close(): Promise<void> } } = {};
  const changeFeed = new ChangeFeed(db.executor, log, config.changes);
  if (config.changes.redisUrl) changeFeed.connectPeers(redisWake(config.changes.redisUrl, wakeChannel(config.neo4j.database), log));
  // Started by the first extractDraft, not here: a service that never extracts should not pay its minute of CPU and 4 GB.
  const extraction = new ExtractionEngine(createNlpEngine(config, log), config.nlp.requestTimeoutMs + config.security.limits.requestTimeoutMs, log);
  // Shutdown drains: /ready turns 503, requests in flight finish while new ones get 503 SHUTTING_DOWN, then the listener and the database close.
  onShutdownSignal(log, async () => {
    running.readiness?.drain();
    // Subscriptions end first (their clients reconnect elsewhere with their last cursor): open streams would hold the drain.
    await changeFeed.close();
    await running.sockets?.close();
    if (running.server) {
      const cut = await drainServer(running.server, config.http.shutdownGraceMs);
      log.info({ cut, graceMs: config.http.shutdownGraceMs }, cut === 0 ? 'every request in flight finished' : 'requests cut at the end of the grace period');
    }
    await extraction.stop();
    await db.close();
  });
  try {
    const applied = await migrate(db.executor);
    log.info({ statements: applied.statements }, 'schema migrations applied');
    if (config.loadSeed) await loadSeedIfEmpty(db.executor, log);
    changeFeed.startPruning();
    const services = { executor: db.executor, log, security: config.security, extraction, changeFeed };
    running.readiness = readinessOf(services);
    running.readiness.start();
    const yoga = createNewsgraphYoga({ ...services, readiness: running.readiness });
    running.server = await listen(yoga, config.http.port, config.http.host);
    running.sockets = serveWebSockets(running.server, yoga);
  } catch (error) {
    await changeFeed.close();
    await extraction.stop();
    await db.close();
    throw error;
  }
  log.info(
    { url: `http://${shownHost}:${config.http.port}/graphql`, database: db.mode },
    'newsgraph is serving; /ready answers 200 once the database is warmed up',
  );
}
