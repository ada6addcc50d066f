import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopChild, untilReady } from '../src/child-process.js';
import { PROJECT_ROOT, freePort } from '../src/project.js';
import { BENCH_QUERY_TIMEOUT_MS } from './config.js';
import type { BenchDatabase } from './db.js';

/** A GraphQL server in its own child process, on a loopback port. */
export interface ServerProcess {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

type Readiness = { line: RegExp } | { poll: string };

async function start(name: string, args: string[], env: Record<string, string>, readiness: Readiness, port: number): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 30) tail.shift();
  };
  createInterface({ input: child.stderr! }).on('line', remember);
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 120 s:\n${tail.join('\n')}`)), 120_000);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${tail.join('\n')}`));
    });
    lines.on('line', (line) => {
      remember(line);
      if ('line' in readiness && readiness.line.test(line)) done();
    });
    // Its failures (an exit, the time limit) are answered above, with the output's tail.
    if ('poll' in readiness) untilReady(readiness.poll, child, 120_000).then(done, () => undefined);
  });
  try {
    await ready;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  child.removeAllListeners('exit');
  return { name, url: `http://127.0.0.1:${port}/graphql`, pid: child.pid!, stop: () => stopChild(child, 10_000) };
}

/**
 * newsgraph as users run it: the CLI's `serve`, on the bench Neo4j, without
 * the seed and with request logs off (LOG_LEVEL=warn), and with the bench's
 * transaction timeout rather than its own 5 s default. It logs JSON lines on
 * stdout; it is ready when /ready answers. `extraEnv` adds to (or overrides)
 * that environment, e.g. NEWSGRAPH_API_KEYS for a caller that writes; `nodeArgs` go to node (e.g. --cpu-prof).
 */
export async function startNewsgraph(db: BenchDatabase, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  return start(
    'newsgraph',
    [...nodeArgs, '--import', 'tsx', 'src/cli/main.ts', 'serve'],
    {
      NEO4J_URI: db.uri,
      NEO4J_USERNAME: db.username,
      NEO4J_PASSWORD: db.password,
      NEO4J_DATABASE: db.database,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NEWSGRAPH_LOAD_SEED: 'false',
      NODE_ENV: 'production',
      NEO4J_QUERY_TIMEOUT_MS: String(BENCH_QUERY_TIMEOUT_MS),
      // The same budget for the whole request as for its statements: q3 at L takes up to ~10 s.
      NEWSGRAPH_REQUEST_TIMEOUT_MS: String(BENCH_QUERY_TIMEOUT_MS),
      // One client measuring throughput: the per-client rate limit would answer most of it with 429.
      NEWSGRAPH_RATE_LIMIT_ANONYMOUS: '0',
      // Likewise for a keyed client: ingest through the API sends one request per document, far over 1,200 a minute.
      NEWSGRAPH_RATE_LIMIT_AUTHENTICATED: '0',
      ...extraEnv,
    },
    { poll: `http://127.0.0.1:${port}/ready` },
    port,
  );
}

export async function startNeo4jGraphql(db: BenchDatabase): Promise<ServerProcess> {
  const port = await freePort();
  return start(
    '@neo4j/graphql',
    ['--import', 'tsx', 'bench/neo4j-graphql/server.ts'],
    { NEO4J_URI: db.uri, NEO4J_USERNAME: db.username, NEO4J_PASSWORD: db.password, NEO4J_DATABASE: db.database, PORT: String(port), NODE_ENV: 'production' },
    { line: /^READY / },
    port,
  );
}

/** The raw-http floor (bench/raw-http/server.ts): the hand-written Cypher behind Node's `http`, no GraphQL. */
export async function startRawHttp(db: Pick<BenchDatabase, 'uri' | 'username' | 'password' | 'database'>, nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const server = await start(
    'raw-http',
    [...nodeArgs, '--import', 'tsx', 'bench/raw-http/server.ts'],
    { NEO4J_URI: db.uri, NEO4J_USERNAME: db.username, NEO4J_PASSWORD: db.password, NEO4J_DATABASE: db.database, PORT: String(port), NODE_ENV: 'production' },
    { line: /^READY / },
    port,
  );
  return { ...server, url: `http://127.0.0.1:${port}` };
}
