import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { PROJECT_ROOT } from '../../src/project.js';

export interface ServiceOptions {
  port: number;
  boltPort: number;
  dataDir: string;
  editorKey: string;
}

/** `newsgraph serve` on its own embedded Neo4j, as `npm start` runs it, in a process the chaos script can kill. */
export function startService(options: ServiceOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      JAVA_HOME: process.env.JAVA_HOME,
      PORT: String(options.port),
      LOG_LEVEL: 'error',
      NEWSGRAPH_DATA_DIR: options.dataDir,
      NEWSGRAPH_EMBEDDED_PORT: String(options.boltPort),
      NEWSGRAPH_EMBEDDED_HEAP: '512m',
      NEWSGRAPH_EMBEDDED_PAGECACHE: '128m',
      NEWSGRAPH_API_KEYS: `editor:${options.editorKey}`,
      // The load is a handful of clients on one key and one address: the per-client limits would answer it with 429.
      NEWSGRAPH_RATE_LIMIT_ANONYMOUS: '0',
      NEWSGRAPH_RATE_LIMIT_AUTHENTICATED: '0',
    },
  });
}

/** The embedded Neo4j the service started: its java child. */
export function javaChildOf(pid: number): number | undefined {
  const lines = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const java = lines.map((line) => line.trim().split(/\s+/)).find(([, command]) => command === 'java');
  return java ? Number(java[0]) : undefined;
}

export async function readyStatus(port: number): Promise<number> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/ready`, { signal: AbortSignal.timeout(2000) });
    return response.status;
  } catch {
    return 0;
  }
}

/** Waits until /ready answers 200 (after it went down, when `mustGoDown`); returns the milliseconds it took. */
export async function waitUntilReady(port: number, limitMs: number, mustGoDown = false): Promise<number> {
  const started = Date.now();
  let wentDown = !mustGoDown;
  while (Date.now() - started < limitMs) {
    const status = await readyStatus(port);
    if (status !== 200) wentDown = true;
    else if (wentDown) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the service was not ready within ${limitMs / 1000} s`);
}

export async function killAndWait(child: ChildProcess): Promise<void> {
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
