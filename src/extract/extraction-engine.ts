import { GraphQLError } from 'graphql';
import type { Logger } from '../logger.js';
import type { Annotator, NlpDocument } from '../nlp/annotation.js';
import { NlpInputError, NlpUnavailableError } from '../nlp/corenlp-client.js';
import type { NlpEngine } from '../nlp/nlp-engine.js';

/**
 * The language engine as the API uses it. A request never waits out the
 * engine's start (about a minute on 2 cores, longer than any request
 * budget): the first one starts it in the background and is told to come
 * back, with a Retry-After; the errors of the engine become typed GraphQL
 * errors.
 */

/** About how long the local CoreNLP service takes to load and warm up on this project's reference machine (docs/extraction.md). */
const START_SECONDS = 60;
const RETRY_SECONDS = 10;
/** After a failed start, the next start is tried this long after it. */
const RESTART_AFTER_MS = 60_000;

export class ExtractionEngine implements Annotator {
  private lastStartFailure?: number;

  constructor(
    private readonly nlp: NlpEngine,
    /** The time budget of one extractDraft call, annotation and resolution preview together. */
    readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  assertReady(): void {
    const state = this.nlp.state;
    if (state === 'ready') return;
    const failedAgo = this.lastStartFailure === undefined ? Infinity : performance.now() - this.lastStartFailure;
    if (state === 'failed' && failedAgo < RESTART_AFTER_MS) {
      // Not "starting" forever: the start failed, and trying again at every request would rebuild and reload each time.
      const retryAfterSeconds = Math.ceil((RESTART_AFTER_MS - failedAgo) / 1000);
      throw new GraphQLError(`The language engine could not start (the server's log says why); the next try is in about ${retryAfterSeconds} s.`, {
        extensions: { code: 'NLP_UNAVAILABLE', retryAfterSeconds, http: { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } } },
      });
    }
    if (state !== 'starting') {
      this.log.info('starting the language engine for the first extraction');
      void this.nlp.serviceUrl().catch((error: unknown) => {
        this.lastStartFailure = performance.now();
        this.log.error({ err: error }, 'the language engine failed to start');
      });
    }
    const retryAfterSeconds = state === 'starting' ? RETRY_SECONDS : START_SECONDS;
    throw new GraphQLError(`The language engine is starting; try again in about ${retryAfterSeconds} s.`, {
      extensions: { code: 'NLP_STARTING', retryAfterSeconds, http: { status: 503, headers: { 'Retry-After': String(retryAfterSeconds) } } },
    });
  }

  async annotate(text: string, options: { date?: string; signal?: AbortSignal }): Promise<NlpDocument> {
    try {
      return await this.nlp.annotate(text, options);
    } catch (error) {
      if (error instanceof NlpInputError)
        throw new GraphQLError(`The language engine refused the article: ${error.message}`, { extensions: { code: 'BAD_USER_INPUT' } });
      if (error instanceof NlpUnavailableError) {
        this.log.error({ err: error }, 'the language engine did not answer');
        throw new GraphQLError('The language engine is unavailable; try again later.', { extensions: { code: 'NLP_UNAVAILABLE', http: { status: 503 } } });
      }
      throw error;
    }
  }

  stop(): Promise<void> {
    return this.nlp.stop();
  }
}
