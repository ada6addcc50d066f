import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stopChild, untilReady } from '../src/child-process.js';
import { PROJECT_ROOT, freePort } from '../src/project.js';

/**
 * newsgraph started as a new user starts it: `serve` with no NEO4J_URI, so
 * it starts its embedded Neo4j on an empty store of its own and loads the
 * seed; only the ports and the store's folder are the bench's.
 */
export interface ColdService {
  graphqlUrl: string;
  /** From the spawn to the first 200 of /ready. */
  readyMs: number;
  /** The warm-up's own report, from the service's log line (read once the line has come). */
  warmUp(): WarmUpLog | null;
  stop(): Promise<void>;
}

export interface WarmUpLog {
  ms: number;
  operations: number;
  failed: string[];
  slowest: string[];
  /** The explorer's requests left unsent when its lane's time ran out. */
  skipped: number;
}

const START_TIMEOUT_MS = 300_000;

export async function startColdService(): Promise<ColdService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-cold-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEWSGRAPH_DATA_DIR: dataDir,
    NEWSGRAPH_EMBEDDED_PORT: String(await freePort()),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    // One client sending a session's requests back to back: the anonymous rate limit is not what is measured.
    NEWSGRAPH_RATE_LIMIT_ANONYMOUS: '0',
  };
  for (const name of ['NEO4J_URI', 'NEO4J_USERNAME', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'NEWSGRAPH_LOAD_SEED']) delete env[name];
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  let warmUp: WarmUpLog | null = null;
  const read = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    if (!line.includes('database warmed up')) return;
    try {
      const entry = JSON.parse(line) as { warmUpMs: number; operations: number; failed: string[]; slowest: string[]; skipped?: number };
      warmUp = { ms: entry.warmUpMs, operations: entry.operations, failed: entry.failed, slowest: entry.slowest, skipped: entry.skipped ?? 0 };
    } catch {
      // not a JSON log line
    }
  };
  createInterface({ input: child.stdout }).on('line', read);
  createInterface({ input: child.stderr }).on('line', read);
  const stop = async () => {
    await stopChild(child, 30_000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await untilReady(`http://127.0.0.1:${port}/ready`, child, START_TIMEOUT_MS, 20);
  } catch (error) {
    await stop();
    throw new Error(`newsgraph: ${(error as Error).message}:\n${tail.join('\n')}`);
  }
  return { graphqlUrl: `http://127.0.0.1:${port}/graphql`, readyMs: Math.round(performance.now() - started), warmUp: () => warmUp, stop };
}
