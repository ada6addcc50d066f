import { describe, expect, it } from 'vitest';
import { ExtractionEngine } from '../../src/extract/extraction-engine.js';
import { createLogger } from '../../src/logger.js';
import type { CoreNlpService } from '../../src/nlp/corenlp-service.js';
import { NlpEngine } from '../../src/nlp/nlp-engine.js';

const log = createLogger('silent');

/** An engine whose service start is held until the test lets it go: the state a first request meets. */
function engineWithHeldStart(): { engine: ExtractionEngine; starts: () => number; finish: (service: CoreNlpService) => void } {
  let starts = 0;
  let finish: (service: CoreNlpService) => void = () => undefined;
  const nlp = new NlpEngine({
    requestTimeoutMs: 1000,
    service: { heap: '1g', startTimeoutMs: 1000 },
    log,
    startService: () => {
      starts += 1;
      return new Promise((resolve) => (finish = resolve));
    },
  });
  return { engine: new ExtractionEngine(nlp, 5000, log), starts: () => starts, finish: (service) => finish(service) };
}

describe('ExtractionEngine', () => {
  it('starts the engine on the first request, without waiting for it, and tells every caller to come back until it is up', async () => {
    const { engine, starts, finish } = engineWithHeldStart();
    const first = (() => {
      try {
        engine.assertReady();
      } catch (error) {
        return error as { extensions: Record<string, unknown> };
      }
    })();
    expect(first?.extensions).toMatchObject({ code: 'NLP_STARTING', retryAfterSeconds: 60, http: { status: 503, headers: { 'Retry-After': '60' } } });
    expect(() => engine.assertReady()).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NLP_STARTING', retryAfterSeconds: 10 }) }),
    );
    expect(starts()).toBe(1);
    finish({ url: 'http://127.0.0.1:1', pid: 1, exited: new Promise(() => undefined), stop: async () => undefined });
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => engine.assertReady()).not.toThrow();
  });

  it('turns an engine that cannot answer into NLP_UNAVAILABLE', async () => {
    const nlp = new NlpEngine({ url: 'http://127.0.0.1:9', requestTimeoutMs: 1000, service: { heap: '1g', startTimeoutMs: 1000 }, log });
    const engine = new ExtractionEngine(nlp, 5000, log);
    expect(() => engine.assertReady()).not.toThrow();
    await expect(engine.annotate('Some text.', {})).rejects.toMatchObject({ extensions: { code: 'NLP_UNAVAILABLE', http: { status: 503 } } });
  });
});

describe('ExtractionEngine after a failed start', () => {
  it('says the engine is unavailable, with when it will try again, instead of "starting" forever, and does not restart at every request', async () => {
    let starts = 0;
    const nlp = new NlpEngine({
      requestTimeoutMs: 1000,
      service: { heap: '1g', startTimeoutMs: 1000 },
      log,
      startService: async () => {
        starts += 1;
        throw new Error('Maven was not found');
      },
    });
    const engine = new ExtractionEngine(nlp, 5000, log);
    expect(() => engine.assertReady()).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'NLP_STARTING' }) }));
    await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 3; i++) {
      expect(() => engine.assertReady()).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'NLP_UNAVAILABLE', http: expect.objectContaining({ status: 503 }) }) }),
      );
    }
    expect(starts).toBe(1);
  });
});
