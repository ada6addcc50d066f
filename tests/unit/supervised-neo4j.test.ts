import { describe, expect, it } from 'vitest';
import type { EmbeddedNeo4j, EmbeddedOptions } from '../../src/db/embedded.js';
import { restartDelayMs, superviseEmbeddedNeo4j } from '../../src/db/supervised-neo4j.js';
import { createLogger } from '../../src/logger.js';

const options: EmbeddedOptions = { dataDir: '/nowhere', port: 1, heap: '1m', pageCache: '1m', log: createLogger('silent') };

/** Stand-ins for the Java process: each can be "killed" from the test, and records whether it was stopped. */
function fakeProcesses(failFirstRestarts = 0) {
  const started: Array<EmbeddedNeo4j & { kill(): void; stopped: boolean }> = [];
  let attempts = 0;
  const start = async (): Promise<EmbeddedNeo4j> => {
    attempts += 1;
    if (attempts > 1 && attempts <= 1 + failFirstRestarts) throw new Error('port still taken');
    let exit!: (value: { code: number | null; signal: NodeJS.Signals | null }) => void;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => (exit = resolve));
    const process = {
      uri: 'bolt://127.0.0.1:1',
      pid: 1000 + started.length,
      exited,
      stopped: false,
      kill: () => exit({ code: null, signal: 'SIGKILL' }),
      stop: async () => {
        process.stopped = true;
        exit({ code: 0, signal: null });
      },
    };
    started.push(process);
    return process;
  };
  return { start, started, attempts: () => attempts };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 400 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('the supervised embedded Neo4j', () => {
  it('restarts a killed process, again and again, and follows the new pid', async () => {
    const fake = fakeProcesses();
    const neo4j = await superviseEmbeddedNeo4j(options, fake.start);
    expect(neo4j.pid).toBe(1000);
    fake.started[0]!.kill();
    await until(() => neo4j.restarts === 1);
    expect(neo4j.pid).toBe(1001);
    fake.started[1]!.kill();
    await until(() => neo4j.restarts === 2);
    expect(neo4j.pid).toBe(1002);
    await neo4j.stop();
    expect(fake.started[2]!.stopped).toBe(true);
  });

  it('keeps trying when a restart fails', async () => {
    const fake = fakeProcesses(1);
    const neo4j = await superviseEmbeddedNeo4j(options, fake.start);
    fake.started[0]!.kill();
    await until(() => neo4j.restarts === 1);
    expect(fake.attempts()).toBe(3);
    await neo4j.stop();
  });

  it('does not restart a process it was asked to stop', async () => {
    const fake = fakeProcesses();
    const neo4j = await superviseEmbeddedNeo4j(options, fake.start);
    await neo4j.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.attempts()).toBe(1);
  });

  it('stops at once while it waits between restart attempts', async () => {
    const fake = fakeProcesses(1);
    // A wait longer than the test's own time limit: stop() must end it, not sit it out.
    const neo4j = await superviseEmbeddedNeo4j(options, fake.start, (attempt) => (attempt === 0 ? 0 : 3_600_000));
    fake.started[0]!.kill();
    await until(() => fake.attempts() === 2);
    await neo4j.stop();
    expect(fake.attempts()).toBe(2);
  });

  it('backs off between attempts, up to half a minute', () => {
    expect([0, 1, 2, 3, 10].map(restartDelayMs)).toEqual([0, 500, 1000, 2000, 30_000]);
  });
});
