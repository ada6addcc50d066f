import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from '../logger.js';
import { checkJavaFor, ensureJavaToolBuilt, startJavaTool, type JavaProcess, type JavaTool } from '../java/launcher.js';

/**
 * Starts Neo4j Community embedded in a small Java launcher
 * (tools/neo4j-embedded), built by Maven on first use and cached in its
 * target/ folder. The child exits when our stdin pipe closes, so even a
 * killed Node process leaves no java behind.
 */

// Without these, Neo4j 5 on Java 17 falls back to slower page-cache and file-preallocation paths (and logs it).
const JVM_MODULE_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
];

export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

const NEO4J_LAUNCHER: JavaTool = {
  module: 'neo4j-embedded',
  sources: ['src/main/java/dev/newsgraph/embedded/Launcher.java'],
  mainClass: 'dev.newsgraph.embedded.Launcher',
  readyPrefix: 'NEO4J_EMBEDDED_READY ',
  title: 'embedded Neo4j',
  logKey: 'neo4j',
  missingToolsHint:
    'The embedded Neo4j needs a JDK 17+ and Maven. Install them (e.g. `apt-get install openjdk-17-jdk maven`), ' +
    'or set NEO4J_URI to an existing Neo4j, or run `docker compose up`.',
  buildNotice: 'building the embedded Neo4j launcher with Maven (the first run downloads Neo4j, about 150 MB)',
  fail: (message) => new EmbeddedNeo4jError(message),
};

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  heap: string;
  pageCache: string;
  javaHome?: string;
  log: Logger;
  startTimeoutMs?: number;
}

export interface EmbeddedNeo4j extends JavaProcess {
  uri: string;
}

/** Returns the JDK's major version, or throws the one clear message when there is none. */
export function checkJava(javaHome?: string): number {
  return checkJavaFor(NEO4J_LAUNCHER, javaHome);
}

/** Builds the launcher with Maven unless the cached build matches the sources. */
export function ensureLauncherBuilt(log: Logger, javaHome?: string): void {
  ensureJavaToolBuilt(NEO4J_LAUNCHER, log, javaHome);
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  ensureLauncherBuilt(options.log, options.javaHome);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const running = await startJavaTool(NEO4J_LAUNCHER, {
    jvmArgs: [`-Xms${options.heap}`, `-Xmx${options.heap}`, '-XX:+UseG1GC', ...JVM_MODULE_FLAGS],
    args: ['--data-dir', dataDir, '--port', String(options.port), '--pagecache', options.pageCache],
    javaHome: options.javaHome,
    log: options.log,
    startTimeoutMs: options.startTimeoutMs ?? 120_000,
  });
  const uri = running.ready;
  options.log.info({ uri, dataDir, pid: running.pid }, 'embedded Neo4j is ready');
  return { uri, pid: running.pid, exited: running.exited, stop: running.stop };
}
