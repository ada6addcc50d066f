import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJava } from '../../src/db/embedded.js';
import { freePort, PROJECT_ROOT } from '../../src/project.js';
import { smallBundle } from '../helpers/bundles.js';
import { runCli, stackLines, writeJson } from '../helpers/cli.js';
import { TEST_KEYS } from '../helpers/neo4j.js';

/** `newsgraph ingest` beside a real `newsgraph serve` on the embedded Neo4j of the same data folder. */

const javaPresent = (() => {
  try {
    checkJava();
    return true;
  } catch {
    return false;
  }
})();

const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-busy-'));
const otherDataDir = mkdtempSync(join(tmpdir(), 'newsgraph-busy-other-'));
let service: ChildProcess | undefined;
afterAll(async () => {
  if (service && service.exitCode === null) {
    const exited = new Promise((resolve) => service!.once('exit', resolve));
    service.kill('SIGINT');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(otherDataDir, { recursive: true, force: true });
});

const javaFor = (dir: string) =>
  spawnSync('pgrep', ['-f', '--', `java .*--data-dir ${dir}`], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);

async function startServe(env: NodeJS.ProcessEnv, httpPort: number): Promise<ChildProcess> {
  const serviceEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    PORT: String(httpPort),
    NEWSGRAPH_LOAD_SEED: 'false',
    LOG_LEVEL: 'warn',
    NEWSGRAPH_API_KEYS: `editor:${TEST_KEYS.editor}`,
  };
  delete serviceEnv.NEO4J_URI;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: PROJECT_ROOT,
    env: serviceEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`serve exited early with ${child.exitCode}`);
    if (
      (await fetch(`http://127.0.0.1:${httpPort}/ready`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return child;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill('SIGKILL');
  throw new Error('serve did not become ready');
}

describe.skipIf(!javaPresent)('newsgraph ingest while a service runs on the embedded Neo4j', () => {
  it('says at once who holds the database and what to do, starts no Neo4j of its own, and --api works as it says', { timeout: 300_000 }, async () => {
    const httpPort = await freePort();
    const boltPort = await freePort();
    // A small heap: this is a second Neo4j beside the run's.
    const embeddedEnv = {
      NEWSGRAPH_DATA_DIR: dataDir,
      NEWSGRAPH_EMBEDDED_PORT: String(boltPort),
      NEWSGRAPH_EMBEDDED_HEAP: '512m',
      NEWSGRAPH_EMBEDDED_PAGECACHE: '64m',
    };
    service = await startServe(embeddedEnv, httpPort);
    const file = writeJson(dataDir, 'busy.json', smallBundle({ documentId: 'cli-busy-doc', prefix: 'cli-busy-' }));

    const run = await runCli(['ingest', file], { ...embeddedEnv, NEO4J_URI: '' });
    expect(run.code).toBe(1);
    const api = `http://127.0.0.1:${httpPort}`;
    const bolt = `bolt://127.0.0.1:${boltPort}`;
    expect(run.stderr).toContain(
      `newsgraph: the embedded database (${join(dataDir, 'neo4j')}) is in use by a running newsgraph serve (pid ${service.pid}, API ${api}, Bolt ${bolt})`,
    );
    expect(run.stderr).toContain(`stop it, load through it with --api ${api} --key <editor key>, or set NEO4J_URI=${bolt} to use its database directly.`);
    expect(run.stderr).not.toMatch(/Address already in use|BindException/);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(javaFor(dataDir)).toHaveLength(1);

    // Another data folder on the same port: the port is the clue.
    const samePort = await runCli(['ingest', file], { ...embeddedEnv, NEWSGRAPH_DATA_DIR: otherDataDir, NEO4J_URI: '' });
    expect(samePort.code).toBe(1);
    expect(samePort.stderr).toContain(`is in use by another process listening on its port ${boltPort}`);
    expect(samePort.stderr).toContain('set NEWSGRAPH_EMBEDDED_PORT to a free port');
    expect(javaFor(otherDataDir)).toEqual([]);

    const through = await runCli(['ingest', '--api', api, '--key', TEST_KEYS.editor, file], { ...embeddedEnv, NEO4J_URI: '' });
    expect(through.stderr).not.toContain('newsgraph: the');
    expect(through.code).toBe(0);
    const stored = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ document(id: "cli-busy-doc") { id } }' }),
    }).then((response) => response.json());
    expect(stored).toEqual({ data: { document: { id: 'cli-busy-doc' } } });
  });
});
