import type { Logger } from '../logger.js';
import { buildJavaTool, checkJavaFor, startJavaTool, type JavaProcess, type JavaTool } from '../java/launcher.js';

/**
 * The local Stanford CoreNLP service (tools/corenlp): CoreNLP's pipeline behind a small HTTP endpoint
 * bound to 127.0.0.1 only, built by Maven on first use like the embedded Neo4j. CoreNLP is GPL-3; it runs
 * as a separate process and we talk to it over HTTP.
 */

export class CoreNlpServiceError extends Error {
  override name = 'CoreNlpServiceError';
}

const CORENLP_SERVICE: JavaTool = {
  module: 'corenlp',
  sources: ['src/main/java/dev/newsgraph/nlp/NlpServer.java', 'src/main/java/dev/newsgraph/nlp/AnnotateHandler.java'],
  mainClass: 'dev.newsgraph.nlp.NlpServer',
  readyPrefix: 'CORENLP_READY ',
  title: 'CoreNLP service',
  logKey: 'corenlp',
  missingToolsHint:
    'The CoreNLP service needs a JDK 17+ and Maven. Install them (e.g. `apt-get install openjdk-17-jdk maven`), ' +
    'or set NEWSGRAPH_CORENLP_URL to a running newsgraph CoreNLP service.',
  buildNotice: 'building the CoreNLP service with Maven (the first run downloads CoreNLP and its English models, about 500 MB)',
  fail: (message) => new CoreNlpServiceError(message),
};

export interface CoreNlpServiceOptions {
  /** Maximum JVM heap, e.g. 4g. */
  heap: string;
  /** 0 (the default) lets the service pick a free port, so two services never race for one. */
  port?: number;
  /** Annotations run at once; more requests wait their turn. */
  threads?: number;
  startTimeoutMs: number;
  javaHome?: string;
  log: Logger;
}

export interface CoreNlpService extends JavaProcess {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
}

export function checkJavaForCoreNlp(javaHome?: string): number {
  return checkJavaFor(CORENLP_SERVICE, javaHome);
}

/** Builds the service with Maven unless the cached build matches the sources (the event loop goes on meanwhile). */
export function buildCoreNlpService(log: Logger, javaHome?: string): Promise<void> {
  return buildJavaTool(CORENLP_SERVICE, log, javaHome);
}

/** Builds if needed, starts, and resolves once the pipeline is loaded and warmed up. */
export async function startCoreNlpService(options: CoreNlpServiceOptions): Promise<CoreNlpService> {
  await buildCoreNlpService(options.log, options.javaHome);
  const running = await startJavaTool(CORENLP_SERVICE, {
    // No -Xms: the heap grows to what the models need (about 3 GB) instead of claiming the maximum at once.
    // A service out of memory exits rather than answering half-annotated; the engine starts a new one.
    jvmArgs: [`-Xmx${options.heap}`, '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError'],
    args: ['--port', String(options.port ?? 0), '--threads', String(options.threads ?? 2)],
    javaHome: options.javaHome,
    log: options.log,
    startTimeoutMs: options.startTimeoutMs,
  });
  const url = `http://127.0.0.1:${running.ready}`;
  options.log.info({ url, pid: running.pid, heap: options.heap }, 'CoreNLP service is ready');
  return { url, pid: running.pid, exited: running.exited, stop: running.stop };
}
