import type { Server } from 'node:http';
import { connectDatabase } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { loadSeedIfEmpty } from '../ingest/seed.js';
import { closeServer, listen } from '../server/http.js';
import { createNewsgraphYoga } from '../server/yoga.js';
import { onShutdownSignal, type Runtime } from './runtime.js';

export async function serve(runtime: Runtime): Promise<void> {
  const { config, log } = runtime;
  const db = await connectDatabase(config, log);
  const running: { server?: Server } = {};
  onShutdownSignal(log, async () => {
    if (running.server) await closeServer(running.server);
    await db.close();
  });
  try {
    const applied = await migrate(db.executor);
    log.info({ statements: applied.statements }, 'schema migrations applied');
    if (config.loadSeed) await loadSeedIfEmpty(db.executor, log);
    const yoga = createNewsgraphYoga({ executor: db.executor, log, security: config.security });
    running.server = await listen(yoga, config.http.port, config.http.host);
  } catch (error) {
    await db.close();
    throw error;
  }
  const shownHost = config.http.host === '0.0.0.0' ? 'localhost' : config.http.host;
  log.info({ url: `http://${shownHost}:${config.http.port}/graphql`, database: db.mode }, 'newsgraph is serving');
}
