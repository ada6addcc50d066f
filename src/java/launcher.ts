import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stopChild } from '../child-process.js';
import type { Logger } from '../logger.js';
import { PROJECT_ROOT } from '../project.js';

/**
 * What the project's Java helpers (tools/neo4j-embedded, tools/corenlp) share: a Maven build on first use,
 * cached in the module's target/ folder under a hash of its sources; a JDK check with one clear message;
 * and a child that prints one ready line on stdout and exits when our stdin pipe closes, so even a killed
 * Node process leaves no java behind.
 */

export interface JavaTool {
  /** The Maven module's folder under tools/. */
  module: string;
  /** Source files under the module folder whose change calls for a rebuild (pom.xml always does). */
  sources: string[];
  mainClass: string;
  /** The stdout line that says the child is ready starts with this; the rest of the line is handed back. */
  readyPrefix: string;
  /** As in "The embedded Neo4j did not start". */
  title: string;
  /** Names the child's stderr lines in debug logs. */
  logKey: string;
  /** What to install or set instead, appended to every "missing tool" message. */
  missingToolsHint: string;
  /** Logged before a build, which may download a lot. */
  buildNotice: string;
  /** The error type callers catch for this tool. */
  fail: (message: string) => Error;
}

function javaBinary(javaHome?: string): string {
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

/** Returns the JDK's major version, or throws the tool's one clear message when there is none. */
export function checkJavaFor(tool: JavaTool, javaHome?: string): number {
  const probe = spawnSync(javaBinary(javaHome), ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) throw tool.fail(`Java was not found. ${tool.missingToolsHint}`);
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr + probe.stdout);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17) throw tool.fail(`Java ${major || 'of unknown version'} is too old. ${tool.missingToolsHint}`);
  return major;
}

function moduleDir(tool: JavaTool): string {
  return join(PROJECT_ROOT, 'tools', tool.module);
}

function classpathFile(tool: JavaTool): string {
  return join(moduleDir(tool), 'target', 'classpath.txt');
}

function sourceHash(tool: JavaTool): string {
  const hash = createHash('sha256');
  for (const file of ['pom.xml', ...tool.sources]) hash.update(readFileSync(join(moduleDir(tool), file)));
  return hash.digest('hex');
}

interface MavenBuild {
  args: string[];
  env: NodeJS.ProcessEnv;
  stamp: string;
  hash: string;
}

/** The Maven run that brings the module up to date, or null when the cached build matches the sources. */
function pendingBuild(tool: JavaTool, javaHome?: string): MavenBuild | null {
  checkJavaFor(tool, javaHome);
  const stamp = join(moduleDir(tool), 'target', '.newsgraph-build-hash');
  const hash = sourceHash(tool);
  const cached = existsSync(stamp) && existsSync(classpathFile(tool)) ? readFileSync(stamp, 'utf8').trim() : '';
  if (cached === hash) return null;
  if (spawnSync('mvn', ['-v'], { encoding: 'utf8' }).status !== 0) {
    throw tool.fail(`Maven (mvn) was not found. ${tool.missingToolsHint}`);
  }
  return {
    args: [
      '-q',
      '-B',
      '-f',
      join(moduleDir(tool), 'pom.xml'),
      'package',
      'dependency:build-classpath',
      `-Dmdep.outputFile=${classpathFile(tool)}`,
      '-DskipTests',
    ],
    env: javaHome ? { ...process.env, JAVA_HOME: javaHome } : process.env,
    stamp,
    hash,
  };
}

function recordBuild(tool: JavaTool, build: MavenBuild, status: number | null, output: string): void {
  if (status !== 0) throw tool.fail(`The Maven build of tools/${tool.module} failed:\n${output.slice(-4000)}`);
  writeFileSync(build.stamp, build.hash);
}

/** Builds the module with Maven unless the cached build matches the sources; blocks while Maven runs. */
export function ensureJavaToolBuilt(tool: JavaTool, log: Logger, javaHome?: string): void {
  const build = pendingBuild(tool, javaHome);
  if (!build) return;
  log.info(tool.buildNotice);
  const result = spawnSync('mvn', build.args, { encoding: 'utf8', env: build.env, maxBuffer: 64 * 1024 * 1024 });
  recordBuild(tool, build, result.status, result.stdout + result.stderr);
}

/** The same without blocking the event loop, for a server that builds on first use while it serves. */
export async function buildJavaTool(tool: JavaTool, log: Logger, javaHome?: string): Promise<void> {
  const build = pendingBuild(tool, javaHome);
  if (!build) return;
  log.info(tool.buildNotice);
  const maven = spawn('mvn', build.args, { env: build.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keepTail = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-8000));
  maven.stdout.on('data', keepTail);
  maven.stderr.on('data', keepTail);
  const status = await new Promise<number | null>((resolveStatus) => {
    maven.once('error', (error) => (keepTail(Buffer.from(error.message)), resolveStatus(null)));
    maven.once('close', resolveStatus);
  });
  recordBuild(tool, build, status, output);
}

export interface JavaToolLaunch {
  /** JVM flags (heap, GC), before the classpath. */
  jvmArgs: string[];
  /** The main class's arguments. */
  args: string[];
  javaHome?: string;
  log: Logger;
  startTimeoutMs: number;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A started Java helper as its callers hold it. */
export interface JavaProcess {
  pid: number;
  /** Resolves when the process exits, whether stopped or killed. */
  exited: Promise<ProcessExit>;
  stop(): Promise<void>;
}

export interface RunningJavaTool extends JavaProcess {
  /** The ready line without its prefix. */
  ready: string;
}

/** Starts the (built) tool and resolves once it prints its ready line; kills it on a timeout or an early exit. */
export async function startJavaTool(tool: JavaTool, launch: JavaToolLaunch): Promise<RunningJavaTool> {
  const targetDir = join(moduleDir(tool), 'target');
  const classpath = `${join(targetDir, 'classes')}:${readFileSync(classpathFile(tool), 'utf8').trim()}`;
  const child = spawn(javaBinary(launch.javaHome), [...launch.jvmArgs, '-cp', classpath, tool.mainClass, ...launch.args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 40) stderrTail.shift();
    launch.log.debug({ [tool.logKey]: line }, tool.title);
  });
  const ready = await waitForReady(tool, child, launch.startTimeoutMs, stderrTail);
  const exited = new Promise<ProcessExit>((resolveExit) => {
    if (child.exitCode !== null || child.signalCode !== null) resolveExit({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolveExit({ code, signal }));
  });
  return { ready, pid: child.pid!, exited, stop: () => stopChild(child, 30_000) };
}

function waitForReady(tool: JavaTool, child: ChildProcess, timeoutMs: number, stderrTail: string[]): Promise<string> {
  return new Promise((resolveReady, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(tool.fail(`${reason}\n${stderrTail.join('\n')}`));
    };
    const timer = setTimeout(() => fail(`The ${tool.title} did not start within ${timeoutMs / 1000}s.`), timeoutMs);
    child.once('error', (error) => fail(`Could not start java: ${error.message}. ${tool.missingToolsHint}`));
    child.once('exit', (code) => fail(`The ${tool.title} exited with code ${code} before it was ready.`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith(tool.readyPrefix)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.removeAllListeners('error');
      resolveReady(line.slice(tool.readyPrefix.length).trim());
    });
  });
}
