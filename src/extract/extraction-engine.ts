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

export class ExtractionEngine implements Annotator {
  constructor(
    private readonly nlp: NlpEngine,
    /** The time budget of one extractDraft call, annotation and resolution preview together. */
    readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  assertReady(): void {
    const state = this.nlp.state;
    if (state === 'ready') return;
    if (state !== 'starting') {
      this.log.info('starting the language engine for the first extraction');
      void this.nlp.serviceUrl().catch((error: unknown) => this.log.error({ err: error }, 'the language engine failed to start'));
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
      if (error instanceof NlpInputError) throw new GraphQLError(`The language engine refused the article: ${error.message}`, { extensions: { code: 'BAD_USER_INPUT' } });
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
