import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { stopChild, untilReady } from '../../src/child-process.js';
import { freePort } from '../../src/project.js';

// A child that listens on `port` after `delayMs` and answers /ready with `status`.
const server = (port: number, delayMs: number, status: number) =>
  spawn(process.execPath, [
    '-e',
    `setTimeout(() => require('node:http').createServer((q, r) => { r.statusCode = ${status}; r.end(); }).listen(${port}, '127.0.0.1'), ${delayMs});`,
  ]);

const children: Array<ReturnType<typeof spawn>> = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => stopChild(child, 1000)));
});

describe('untilReady', () => {
  it('waits for a child that starts listening late', async () => {
    const port = await freePort();
    const child = server(port, 300, 200);
    children.push(child);
    const ms = await untilReady(`http://127.0.0.1:${port}/ready`, child, 10_000, 20);
    expect(ms).toBeGreaterThanOrEqual(250);
  });

  it('rejects when the child exits before it is ready', async () => {
    const child = spawn(process.execPath, ['-e', 'process.exit(3)']);
    children.push(child);
    await expect(untilReady(`http://127.0.0.1:${await freePort()}/ready`, child, 10_000, 20)).rejects.toThrow(/exited \(3\)/);
  });

  it('rejects after the time limit while /ready answers 503', async () => {
    const port = await freePort();
    const child = server(port, 0, 503);
    children.push(child);
    await expect(untilReady(`http://127.0.0.1:${port}/ready`, child, 500, 20)).rejects.toThrow(/not ready within 0.5 s/);
  });
});
