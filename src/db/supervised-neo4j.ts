import { setTimeout as sleep } from 'node:timers/promises';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded.js';

/** Waits before each restart attempt: at once at first, then doubling up to half a minute. */
export function restartDelayMs(attempt: number): number {
  return attempt === 0 ? 0 : Math.min(30_000, 500 * 2 ** (attempt - 1));
}

export interface SupervisedNeo4j {
  uri: string;
  /** The current process's id (it changes with each restart). */
  readonly pid: number;
  readonly restarts: number;
  stop(): Promise<void>;
}

/**
 * The embedded Neo4j, restarted whenever it exits without being asked to
 * (killed, crashed), on the same store and port, so the driver reconnects
 * and the API serves again without a restart of its own. Neo4j recovers
 * committed transactions from its log on start.
 */
export async function superviseEmbeddedNeo4j(options: EmbeddedOptions, start = startEmbeddedNeo4j, delayMs = restartDelayMs): Promise<SupervisedNeo4j> {
  const { log } = options;
  let current: EmbeddedNeo4j = await start(options);
  // Restarts use the port the first start got (a configured 0 means any free one), so the driver's URI stays right.
  const restartOptions = { ...options, port: Number(new URL(current.uri).port) || options.port };
  let restarts = 0;
  let stopping = false;
  let restarting: Promise<void> = Promise.resolve();
  // Ends a wait between restart attempts at once when the service stops.
  const stopped = new AbortController();

  const restart = async (exit: { code: number | null; signal: NodeJS.Signals | null }) => {
    const diedAt = Date.now();
    log.error({ pid: current.pid, code: exit.code, signal: exit.signal }, 'the embedded Neo4j exited unexpectedly: restarting it');
    for (let attempt = 0; !stopping; attempt += 1) {
      await sleep(delayMs(attempt), undefined, { signal: stopped.signal }).catch(() => undefined);
      if (stopping) return;
      try {
        current = await start(restartOptions);
        restarts += 1;
        log.info({ pid: current.pid, attempt: attempt + 1, downMs: Date.now() - diedAt }, 'the embedded Neo4j is back');
        watch();
        return;
      } catch (error) {
        log.error({ err: error, attempt: attempt + 1, nextInMs: delayMs(attempt + 1) }, 'the embedded Neo4j did not restart');
      }
    }
  };
  const watch = () => {
    const watched = current;
    void watched.exited.then((exit) => {
      if (!stopping && watched === current) restarting = restart(exit);
    });
  };
  watch();

  return {
    uri: current.uri,
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      stopped.abort();
      await restarting;
      await current.stop();
    },
  };
}
