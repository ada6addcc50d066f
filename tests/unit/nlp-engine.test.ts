import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { NlpUnavailableError } from '../../src/nlp/corenlp-client.js';
import type { CoreNlpService } from '../../src/nlp/corenlp-service.js';
import { NlpEngine } from '../../src/nlp/nlp-engine.js';

interface FakeService extends CoreNlpService {
  die(): void;
}

function fakeService(port: number): FakeService {
  let exit!: (value: { code: number | null; signal: NodeJS.Signals | null }) => void;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => (exit = resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: 1000 + port,
    exited,
    stop: vi.fn(async () => exit({ code: 0, signal: null })),
    die: () => exit({ code: null, signal: 'SIGKILL' }),
  };
}

/** A start that the test finishes (or fails) when it wants, to look at the engine in between. */
function controlledStarts() {
  const pending: Array<{ finish: () => FakeService; fail: (error: Error) => void }> = [];
  const startService = vi.fn(
    () =>
      new Promise<CoreNlpService>((resolve, reject) => {
        const service = fakeService(9000 + pending.length);
        pending.push({ finish: () => (resolve(service), service), fail: reject });
      }),
  );
  return { startService, pending };
}

function engineWith(startService: () => Promise<CoreNlpService>, url?: string): NlpEngine {
  return new NlpEngine({ url, requestTimeoutMs: 1000, service: { heap: '4g', startTimeoutMs: 1000 }, log: createLogger('silent'), startService });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('NlpEngine', () => {
  it('starts nothing when a URL is given', async () => {
    const startService = vi.fn();
    const engine = engineWith(startService, 'http://nlp.example:9000');
    expect(engine.state).toBe('ready');
    expect(await engine.serviceUrl()).toBe('http://nlp.example:9000');
    expect(startService).not.toHaveBeenCalled();
  });

  it('starts the local service on the first call only, and concurrent first calls share that one start', async () => {
    const { startService, pending } = controlledStarts();
    const engine = engineWith(startService);
    expect(engine.state).toBe('idle');
    const calls = [engine.serviceUrl(), engine.serviceUrl(), engine.serviceUrl()];
    expect(engine.state).toBe('starting');
    const service = pending[0]!.finish();
    expect(await Promise.all(calls)).toEqual([service.url, service.url, service.url]);
    expect(engine.state).toBe('ready');
    expect(await engine.serviceUrl()).toBe(service.url);
    expect(startService).toHaveBeenCalledTimes(1);
  });

  it('starts a new service on the next call after the service died', async () => {
    const { startService, pending } = controlledStarts();
    const engine = engineWith(startService);
    const first = engine.serviceUrl();
    const dead = pending[0]!.finish();
    await first;
    dead.die();
    await settle();
    expect(engine.state).toBe('idle');
    expect(engine.localPid).toBeUndefined();
    const second = engine.serviceUrl();
    const fresh = pending[1]!.finish();
    expect(await second).toBe(fresh.url);
    expect(engine.localPid).toBe(fresh.pid);
    expect(startService).toHaveBeenCalledTimes(2);
  });

  it('reports a failed start as unavailable, says failed, and tries again on the next call', async () => {
    const { startService, pending } = controlledStarts();
    const engine = engineWith(startService);
    const first = engine.serviceUrl();
    pending[0]!.fail(new Error('Java was not found.'));
    const failure = await first.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NlpUnavailableError);
    expect((failure as Error).message).toMatch(/could not start: Java was not found/);
    expect(engine.state).toBe('failed');
    const retry = engine.serviceUrl();
    expect(engine.state).toBe('starting');
    expect(await (pending[1]!.finish(), retry)).toMatch(/^http:/);
    expect(engine.state).toBe('ready');
  });

  it('gives up waiting for a start when the caller aborts, while the start goes on for the others', async () => {
    const { startService, pending } = controlledStarts();
    const engine = engineWith(startService);
    const caller = new AbortController();
    const impatient = engine.serviceUrl(caller.signal);
    const patient = engine.serviceUrl();
    caller.abort(new Error('client went away'));
    await expect(impatient).rejects.toThrow('client went away');
    const service = pending[0]!.finish();
    expect(await patient).toBe(service.url);
  });

  it('stops a service whose start was under way when stop() was called, and refuses later calls', async () => {
    const { startService, pending } = controlledStarts();
    const engine = engineWith(startService);
    const call = engine.serviceUrl();
    const stopped = engine.stop();
    const service = pending[0]!.finish();
    await stopped;
    await expect(call).rejects.toBeInstanceOf(NlpUnavailableError);
    expect(service.stop).toHaveBeenCalledTimes(1);
    await expect(engine.serviceUrl()).rejects.toBeInstanceOf(NlpUnavailableError);
    expect(startService).toHaveBeenCalledTimes(1);
  });

  it('stops a running service once and does not take its exit for a crash', async () => {
    const { startService, pending } = controlledStarts();
    const engine = engineWith(startService);
    const call = engine.serviceUrl();
    const service = pending[0]!.finish();
    await call;
    await engine.stop();
    await settle();
    expect(service.stop).toHaveBeenCalledTimes(1);
    expect(engine.state).toBe('idle');
  });
});
