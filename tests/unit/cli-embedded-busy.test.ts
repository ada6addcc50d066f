import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedBusyMessage, findEmbeddedUser, lockHolder } from '../../src/cli/embedded-busy.js';
import { loadConfig } from '../../src/config.js';
import { freePort } from '../../src/project.js';

/** How `newsgraph ingest` (and serve) find who uses the embedded Neo4j before starting one. */
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-busy-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const configFor = (dataDir: string, port: number) => loadConfig({ NEWSGRAPH_DATA_DIR: dataDir, NEWSGRAPH_EMBEDDED_PORT: String(port) });

describe('finding who uses the embedded Neo4j', () => {
  it('finds nothing when the port is free and nobody claimed the store', async () => {
    expect(await findEmbeddedUser(configFor(join(dir, 'free'), await freePort()))).toBeUndefined();
  });

  it('names a live newsgraph service from its claim, with its API for --api', async () => {
    const dataDir = join(dir, 'claimed');
    const config = configFor(dataDir, await freePort());
    // The claim of another live process (our parent).
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'embedded-in-use.json'),
      JSON.stringify({ pid: process.ppid, command: 'serve', bolt: 'bolt://127.0.0.1:7690', api: 'http://127.0.0.1:4010' }),
    );
    const user = await findEmbeddedUser(config);
    expect(user?.claim?.pid).toBe(process.ppid);
    expect(embeddedBusyMessage(user!, true)).toBe(
      `the embedded database (${join(dataDir, 'neo4j')}) is in use by a running newsgraph serve (pid ${process.ppid}, API http://127.0.0.1:4010, Bolt bolt://127.0.0.1:7690): ` +
        'stop it, load through it with --api http://127.0.0.1:4010 --key <editor key>, or set NEO4J_URI=bolt://127.0.0.1:7690 to use its database directly.',
    );
    // A claim by a process that is gone says nothing.
    writeFileSync(join(dataDir, 'embedded-in-use.json'), JSON.stringify({ pid: 2 ** 22 + 17, command: 'serve', bolt: 'bolt://127.0.0.1:7690' }));
    expect(await findEmbeddedUser(config)).toBeUndefined();
  });

  it('finds a port that already answers, and says to pick another', async () => {
    const server: Server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const user = await findEmbeddedUser(configFor(join(dir, 'port'), port));
      expect(user?.portTaken).toBe(port);
      const message = embeddedBusyMessage(user!, false);
      expect(message).toContain(`in use by another process listening on its port ${port}`);
      expect(message).toContain(`set NEO4J_URI=bolt://127.0.0.1:${port} to use its database directly, or set NEWSGRAPH_EMBEDDED_PORT to a free port.`);
      expect(message).not.toContain('--api');
    } finally {
      server.close();
    }
  });

  it('reads the holder of a store lock from /proc/locks', () => {
    const lock = join(dir, 'store_lock');
    writeFileSync(lock, '');
    const { ino } = statSync(lock);
    const table = join(dir, 'locks');
    writeFileSync(table, `1: POSIX  ADVISORY  WRITE 4242 fe:00:${ino + 1} 0 EOF\n2: POSIX  ADVISORY  WRITE 2961 fe:00:${ino} 0 EOF\n`);
    expect(lockHolder(lock, table)).toBe(2961);
    writeFileSync(table, `1: POSIX  ADVISORY  WRITE 4242 fe:00:${ino + 1} 0 EOF\n`);
    expect(lockHolder(lock, table)).toBeUndefined();
  });
});
