import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stopChild, untilReady } from '../../src/child-process.js';
import { startEmbeddedNeo4j } from '../../src/db/embedded.js';
import { freePort, PROJECT_ROOT } from '../../src/project.js';
import { createLogger } from '../../src/logger.js';

export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string;
  /** The embedded JVM's pid, when this tool started it. */
  pid?: number;
  stop(): Promise<void>;
}

/** NEO4J_URI if set (the seed is loaded only into an empty database), else an embedded Neo4j on a free port and a fresh store. */
export async function startNeo4j(heap: string): Promise<Neo4jTarget> {
  if (process.env.NEO4J_URI) {
    return {
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? 'password',
      stop: async () => {},
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-load-neo4j-'));
  const embedded = await startEmbeddedNeo4j({ dataDir, port: await freePort(), heap, pageCache: '256m', log: createLogger('warn') });
  return {
    uri: embedded.uri,
    username: 'neo4j',
    password: 'password',
    pid: embedded.pid,
    async stop() {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Server log lines at warn level or above (pino JSON), and any other output but GC traces. */
  warnings: string[];
  /** The V8 heap after each full (mark-compact) collection, in MB: in use and committed, with its time (from --trace-gc). */
  heapAfterFullGc: Array<{ at: number; usedMb: number; committedMb: number }>;
  stop(): Promise<void>;
}

/**
 * `node --import tsx src/cli/main.ts serve` as a child of its own, so its
 * memory is the server's alone and can be read from /proc/<pid>/status.
 */
export async function startServer(neo4j: Neo4jTarget, editorKey: string): Promise<ServerProcess> {
  const port = await freePort();
  // --trace-gc prints a line per collection (negligible cost): the heap after each full GC is what a leak would grow.
  const child = spawn(process.execPath, ['--trace-gc', '--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: PROJECT_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEWSGRAPH_API_KEYS: `editor:${editorKey}`,
      NEWSGRAPH_LOAD_SEED: 'true',
      // One client measuring throughput: the per-client rate limits would answer most of it with 429.
      NEWSGRAPH_RATE_LIMIT_ANONYMOUS: '0',
      NEWSGRAPH_RATE_LIMIT_AUTHENTICATED: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const warnings: string[] = [];
  const heapAfterFullGc: ServerProcess['heapAfterFullGc'] = [];
  const tail: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      // e.g. "[123:0x…]   5012 ms: Mark-Compact 95.3 (120.1) -> 60.2 (121.4) MB, …"
      const gc = /Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(([\d.]+)\) MB/.exec(line);
      if (gc) {
        heapAfterFullGc.push({ at: performance.now(), usedMb: Number(gc[1]), committedMb: Number(gc[2]) });
        return;
      }
      if (/ ms: (Scavenge|Mark-Compact|Minor Mark-Sweep|Mark-Sweep)/.test(line)) return;
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (/"level":(4|5|6)0/.test(line) || !line.startsWith('{')) warnings.push(line);
    });
  }
  const url = `http://127.0.0.1:${port}`;
  try {
    await untilReady(`${url}/ready`, child, 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`the server: ${(error as Error).message}\n${tail.join('\n')}`);
  }
  return { url, pid: child.pid!, warnings, heapAfterFullGc, stop: () => stopChild(child, 10_000) };
}

/** Resident set size in kB, from /proc (Linux); null once the process is gone. */
export function rssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export interface MemorySample {
  /** Seconds since the sampler started. */
  t: number;
  phase: string;
  serverKb: number | null;
  neo4jKb: number | null;
}

/** Samples the server's (and an embedded Neo4j's) RSS every second. */
export function sampleMemory(serverPid: number, neo4jPid: number | undefined, phase: () => string): { samples: MemorySample[]; stop(): void } {
  const samples: MemorySample[] = [];
  const started = performance.now();
  const take = () =>
    samples.push({ t: (performance.now() - started) / 1000, phase: phase(), serverKb: rssKb(serverPid), neo4jKb: neo4jPid ? rssKb(neo4jPid) : null });
  take();
  const timer = setInterval(take, 1000);
  return { samples, stop: () => clearInterval(timer) };
}
