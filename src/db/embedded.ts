import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { stopChild } from '../child-process.js';
import type { Logger } from '../logger.js';

/**
 * Starts Neo4j Community embedded in a small Java launcher
 * (tools/neo4j-embedded), built by Maven on first use and cached in its
 * target/ folder. The child exits when our stdin pipe closes, so even a
 * killed Node process leaves no java behind.
 */

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAUNCHER_DIR = join(PROJECT_ROOT, 'tools', 'neo4j-embedded');
const TARGET_DIR = join(LAUNCHER_DIR, 'target');
const CLASSPATH_FILE = join(TARGET_DIR, 'classpath.txt');
const BUILD_STAMP = join(TARGET_DIR, '.newsgraph-build-hash');
const READY_PREFIX = 'NEO4J_EMBEDDED_READY ';
const MAIN_CLASS = 'dev.newsgraph.embedded.Launcher';

// Without these, Neo4j 5 on Java 17 falls back to slower page-cache and file-preallocation paths (and logs it).
const JVM_MODULE_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
];

export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

const MISSING_TOOLS_HINT =
  'The embedded Neo4j needs a JDK 17+ and Maven. Install them (e.g. `apt-get install openjdk-17-jdk maven`), ' +
  'or set NEO4J_URI to an existing Neo4j, or run `docker compose up`.';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  heap: string;
  pageCache: string;
  javaHome?: string;
  log: Logger;
  startTimeoutMs?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  pid: number;
  /** Resolves when the process exits, whether stopped or killed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

function javaBinary(javaHome?: string): string {
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

/** Returns the JDK's major version, or throws the one clear message when there is none. */
export function checkJava(javaHome?: string): number {
  const probe = spawnSync(javaBinary(javaHome), ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw new EmbeddedNeo4jError(`Java was not found. ${MISSING_TOOLS_HINT}`);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr + probe.stdout);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17) throw new EmbeddedNeo4jError(`Java ${major || 'of unknown version'} is too old. ${MISSING_TOOLS_HINT}`);
  return major;
}

function sourceHash(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(LAUNCHER_DIR, 'pom.xml')));
  hash.update(readFileSync(join(LAUNCHER_DIR, 'src', 'main', 'java', 'dev', 'newsgraph', 'embedded', 'Launcher.java')));
  return hash.digest('hex');
}

/** Builds the launcher with Maven unless the cached build matches the sources. */
export function ensureLauncherBuilt(log: Logger, javaHome?: string): void {
  checkJava(javaHome);
  const wanted = sourceHash();
  const cached = existsSync(BUILD_STAMP) && existsSync(CLASSPATH_FILE) ? readFileSync(BUILD_STAMP, 'utf8').trim() : '';
  if (cached === wanted) return;
  if (spawnSync('mvn', ['-v'], { encoding: 'utf8' }).status !== 0) {
    throw new EmbeddedNeo4jError(`Maven (mvn) was not found. ${MISSING_TOOLS_HINT}`);
  }
  log.info('building the embedded Neo4j launcher with Maven (the first run downloads Neo4j, about 150 MB)');
  const build = spawnSync(
    'mvn',
    ['-q', '-B', '-f', join(LAUNCHER_DIR, 'pom.xml'), 'package', 'dependency:build-classpath', `-Dmdep.outputFile=${CLASSPATH_FILE}`, '-DskipTests'],
    { encoding: 'utf8', env: javaHome ? { ...process.env, JAVA_HOME: javaHome } : process.env, maxBuffer: 64 * 1024 * 1024 },
  );
  if (build.status !== 0) {
    throw new EmbeddedNeo4jError(`The Maven build of tools/neo4j-embedded failed:\n${(build.stdout + build.stderr).slice(-4000)}`);
  }
  writeFileSync(BUILD_STAMP, wanted);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  ensureLauncherBuilt(options.log, options.javaHome);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const classpath = `${join(TARGET_DIR, 'classes')}:${readFileSync(CLASSPATH_FILE, 'utf8').trim()}`;
  const args = [
    `-Xms${options.heap}`,
    `-Xmx${options.heap}`,
    '-XX:+UseG1GC',
    ...JVM_MODULE_FLAGS,
    '-cp',
    classpath,
    MAIN_CLASS,
    '--data-dir',
    dataDir,
    '--port',
    String(options.port),
    '--pagecache',
    options.pageCache,
  ];
  const child = spawn(javaBinary(options.javaHome), args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 40) stderrTail.shift();
    options.log.debug({ neo4j: line }, 'embedded neo4j');
  });
  const uri = await waitForReady(child, options.startTimeoutMs ?? 120_000, stderrTail);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolveExit({ code, signal }));
  });
  options.log.info({ uri, dataDir, pid: child.pid }, 'embedded Neo4j is ready');
  return { uri, pid: child.pid!, exited, stop: () => stopChild(child, 30_000) };
}

function waitForReady(child: ChildProcess, timeoutMs: number, stderrTail: string[]): Promise<string> {
  return new Promise((resolveUri, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new EmbeddedNeo4jError(`${reason}\n${stderrTail.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`The embedded Neo4j did not start within ${timeoutMs / 1000}s.`), timeoutMs);
    child.once('error', (error) => fail(`Could not start java: ${error.message}. ${MISSING_TOOLS_HINT}`));
    child.once('exit', (code) => fail(`The embedded Neo4j exited with code ${code} before it was ready.`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      resolveUri(line.slice(READY_PREFIX.length).trim());
    });
  });
}

