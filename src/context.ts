import type { Executor } from './db/executor.js';
import type { Logger } from './logger.js';
import { StatsRepository } from './repositories/stats-repository.js';

/** Long-lived parts shared by every request. */
export interface AppServices {
  executor: Executor;
  log: Logger;
}

export interface Repositories {
  stats: StatsRepository;
}

/** What each GraphQL request sees: repositories bound to its logger, never a session. */
export interface GraphContext {
  requestId: string;
  log: Logger;
  repos: Repositories;
}

export function createRepositories(executor: Executor): Repositories {
  return { stats: new StatsRepository(executor) };
}

export function createContext(services: AppServices, requestId: string): GraphContext {
  const log = services.log.child({ requestId });
  return { requestId, log, repos: createRepositories(services.executor.withLogger(log)) };
}
