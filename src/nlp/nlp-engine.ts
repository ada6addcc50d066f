import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Annotator, NlpDocument } from './annotation.js';
import { CoreNlpClient, NlpUnavailableError } from './corenlp-client.js';
import { startCoreNlpService, type CoreNlpService, type CoreNlpServiceOptions } from './corenlp-service.js';

/** idle: nothing started yet (or the last service exited); failed: the last start failed, the next call tries again. */
export type NlpEngineState = 'idle' | 'starting' | 'ready' | 'failed';

export interface NlpEngineOptions {
  /** A service the user runs (NEWSGRAPH_CORENLP_URL); when set, nothing is started here. */
  url?: string;
  requestTimeoutMs: number;
  service: Omit<CoreNlpServiceOptions, 'log'>;
  log: Logger;
  /** Replaced in tests. */
  startService?: (options: CoreNlpServiceOptions) => Promise<CoreNlpService>;
}

/** Resolves as `work` does, or rejects with the signal's reason as soon as it aborts (`work` goes on for others). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The one annotator the API and the CLI hold. With no URL configured it starts the local CoreNLP service
 * on the first annotation (a minute of CPU and 4 GB that a process which never extracts should not pay),
 * shares that one start among concurrent first calls, and starts a new service on the next call after the
 * old one died.
 */
export class NlpEngine implements Annotator {
  private service?: CoreNlpService;
  private starting?: Promise<CoreNlpService>;
  private lastStartFailed = false;
  private stopped = false;

  constructor(private readonly options: NlpEngineOptions) {}

  get state(): NlpEngineState {
    if (this.options.url || this.service) return 'ready';
    if (this.starting) return 'starting';
    return this.lastStartFailed ? 'failed' : 'idle';
  }

  /** The local service's process id while one runs. */
  get localPid(): number | undefined {
    return this.service?.pid;
  }

  /** The base URL of the service, starting the local one first when none is configured. */
  async serviceUrl(signal?: AbortSignal): Promise<string> {
    if (this.options.url) return this.options.url;
    return (await unlessAborted(this.localService(), signal)).url;
  }

  async annotate(text: string, options: { date?: string; signal?: AbortSignal } = {}): Promise<NlpDocument> {
    const url = await this.serviceUrl(options.signal);
    return new CoreNlpClient(url, this.options.requestTimeoutMs).annotate(text, options);
  }

  /** Stops the local service (waiting for a start in progress); later calls fail as unavailable. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting?.catch(() => undefined);
    const service = this.service;
    this.service = undefined;
    await service?.stop();
  }

  private localService(): Promise<CoreNlpService> {
    if (this.stopped) return Promise.reject(new NlpUnavailableError('The NLP engine is stopped.'));
    if (this.service) return Promise.resolve(this.service);
    this.starting ??= this.start().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async start(): Promise<CoreNlpService> {
    const { log } = this.options;
    let service: CoreNlpService;
    try {
      service = await (this.options.startService ?? startCoreNlpService)({ ...this.options.service, log });
    } catch (error) {
      this.lastStartFailed = true;
      const reason = error instanceof Error ? error.message : String(error);
      throw new NlpUnavailableError(`The CoreNLP service could not start: ${reason}`, { cause: error });
    }
    this.lastStartFailed = false;
    if (this.stopped) {
      await service.stop();
      throw new NlpUnavailableError('The NLP engine is stopped.');
    }
    this.service = service;
    void service.exited.then(({ code, signal }) => {
      if (this.service !== service) return; // stopped on purpose
      this.service = undefined;
      log.warn({ code, signal, pid: service.pid }, 'the CoreNLP service exited; the next annotation starts a new one');
    });
    return service;
  }
}

export function createNlpEngine(config: Config, log: Logger): NlpEngine {
  const { url, heap, startTimeoutMs, requestTimeoutMs, javaHome } = config.nlp;
  return new NlpEngine({ url, requestTimeoutMs, service: { heap, startTimeoutMs, javaHome }, log });
}
