import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { checkJava } from '../../src/db/embedded.js';
import { freePort, PROJECT_ROOT } from '../../src/project.js';

const javaPresent = (() => {
  try {
    checkJava();
    return true;
  } catch {
    return false;
  }
})();

const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-lifecycle-'));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function javaProcessesFor(dir: string): string[] {
  const result = spawnSync('pgrep', ['-f', '--', `java .*--data-dir ${dir}`], { encoding: 'utf8' });
  return result.stdout.split('\n').filter(Boolean);
}

async function startServe(httpPort: number, boltPort: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(httpPort),
    NEWSGRAPH_EMBEDDED_PORT: String(boltPort),
    NEWSGRAPH_DATA_DIR: dataDir,
    NEWSGRAPH_LOAD_SEED: 'false',
    LOG_LEVEL: 'warn',
  };
  delete env.NEO4J_URI;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  started.push(child);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited early with ${child.exitCode}`);
    const ready = await fetch(`http://127.0.0.1:${httpPort}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (ready === 200) return child;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill('SIGKILL');
  throw new Error('serve did not become ready in 120 s');
}

function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe.skipIf(!javaPresent)('`newsgraph serve` on the embedded Neo4j', () => {
  it("stops cleanly on Ctrl-C, leaving no java process, and a second start finds the first one's data", async () => {
    const httpPort = await freePort();
    const boltPort = await freePort();

    const first = await startServe(httpPort, boltPort);
    const answer = await fetch(`http://127.0.0.1:${httpPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).then((r) => r.json());
    expect(answer).toEqual({ data: { __typename: 'Query' } });
    const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', 'password'));
    await driver.executeQuery("CREATE (:Probe {id: 'survives-restart'})");
    await driver.close();
    expect(javaProcessesFor(dataDir).length).toBe(1);

    expect(await interrupt(first)).toBe(0);
    expect(javaProcessesFor(dataDir)).toEqual([]);

    const second = await startServe(httpPort, boltPort);
    const again = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', 'password'));
    const { records } = await again.executeQuery("MATCH (p:Probe {id: 'survives-restart'}) RETURN count(p) AS n");
    await again.close();
    expect(records[0]?.get('n').toNumber()).toBe(1);
    expect(await interrupt(second)).toBe(0);
    expect(javaProcessesFor(dataDir)).toEqual([]);
  }, 300_000);
});
