import type { Viewer } from './auth/authenticate.js';
import type { SecurityConfig } from './config.js';
import type { Consistency, Executor } from './db/executor.js';
import type { ChangeActor } from './changes/kinds.js';
import type { ChangeFeed } from './changes/feed.js';
import type { ExtractionEngine } from './extract/extraction-engine.js';
import { createLoaders, type Loaders } from './loaders.js';
import { createRepositories, type Repositories } from './repositories/index.js';
import type { Logger } from './logger.js';
import type { Readiness } from './server/readiness.js';
import { RequestDeadline, withDeadline } from './request-deadline.js';

/** Long-lived parts shared by every request. */
export interface AppServices {
  executor: Executor;
  log: Logger;
  security: SecurityConfig;
  /** What `/ready` answers; the server builds one when none is given. */
  readiness?: Readiness;
  /** The language engine behind extractDraft; without it the mutation answers NLP_UNAVAILABLE. */
  extraction?: ExtractionEngine;
  /** The change feed behind changes and changed; the server builds one when none is given. */
  changeFeed?: ChangeFeed;
}

/** What each GraphQL request sees: repositories bound to its logger, and its own DataLoaders; never a session. */
export interface GraphContext {
  requestId: string;
  viewer: Viewer;
  anonymousRead: boolean;
  log: Logger;
  repos: Repositories;
  loaders: Loaders;
  /** The request's time budget; its statements are held to it once execution starts it (plugins/request-deadline.ts). */
  deadline: RequestDeadline;
  extraction?: ExtractionEngine;
  changeFeed?: ChangeFeed;
  /** The bookmarks this request reads after, and those its writes left (sent back in the response's extensions). */
  consistency: Consistency;
}

/** Who the change events of a request's writes name. */
export function actorOf(viewer: Viewer): ChangeActor {
  return { role: viewer.role, via: viewer.via, principal: viewer.principal ?? null };
}

/** `readAfter`: Neo4j bookmarks the client sent back (x-newsgraph-bookmarks), so that it reads its own writes. */
export function createContext(services: AppServices, requestId: string, viewer: Viewer, readAfter: string[] = []): GraphContext {
  const log = services.log.child({ requestId, role: viewer.role ?? 'anonymous' });
  const deadline = new RequestDeadline();
  const consistency: Consistency = { readAfter, written: [] };
  const executor = services.executor.withLogger(log).withActor(actorOf(viewer)).withConsistency(consistency);
  const repos = createRepositories(withDeadline(executor, deadline, services.security.limits.statementTimeoutMs));
  return {
    requestId,
    viewer,
    anonymousRead: services.security.anonymousRead,
    log,
    repos,
    loaders: createLoaders(repos),
    deadline,
    extraction: services.extraction,
    changeFeed: services.changeFeed,
    consistency,
  };
}
