import type { Annotator, NlpDocument } from './annotation.js';
import { MalformedAnnotationError, toNlpDocument } from './corenlp-json.js';

/**
 * Speaks to a newsgraph CoreNLP service (tools/corenlp, or one a user runs and names in
 * NEWSGRAPH_CORENLP_URL): `POST <url>/annotate?date=YYYY-MM-DD` with the text as a UTF-8 body.
 */

/** The service could not answer: down, unreachable, too slow, or failing. Trying again later may work. */
export class NlpUnavailableError extends Error {
  override name = 'NlpUnavailableError';
}

/** The service refused this input (a bad date, a text over its size limit): trying again will not help. */
export class NlpInputError extends Error {
  override name = 'NlpInputError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

async function serviceMessage(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
  } catch {
    // not our JSON error shape: show the start of whatever it was
  }
  return body.slice(0, 200) || response.statusText;
}

export class CoreNlpClient implements Annotator {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  async annotate(text: string, options: { date?: string; signal?: AbortSignal } = {}): Promise<NlpDocument> {
    // Checked here too, so a typo is the caller's error at once and never a round trip.
    if (options.date !== undefined && !DATE.test(options.date)) throw new NlpInputError(`date must be YYYY-MM-DD, got '${options.date}'`, 400);
    const url = `${this.baseUrl}/annotate${options.date ? `?date=${options.date}` : ''}`;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', body: text, headers: { 'content-type': 'text/plain; charset=utf-8' }, signal });
    } catch (error) {
      throw this.fetchFailure(error, options.signal, timeout);
    }
    if (response.status === 400 || response.status === 413) throw new NlpInputError(await serviceMessage(response), response.status);
    if (!response.ok) throw new NlpUnavailableError(`The CoreNLP service at ${this.baseUrl} answered ${response.status}: ${await serviceMessage(response)}`);
    try {
      return toNlpDocument(await response.json());
    } catch (error) {
      if (error instanceof MalformedAnnotationError || error instanceof SyntaxError) {
        throw new NlpUnavailableError(`The CoreNLP service at ${this.baseUrl} sent an unreadable answer: ${error.message}`);
      }
      throw this.fetchFailure(error, options.signal, timeout);
    }
  }

  private fetchFailure(error: unknown, callerSignal: AbortSignal | undefined, timeout: AbortSignal): Error {
    // The caller's own abort is passed on as it is: the caller knows why it gave up.
    if (callerSignal?.aborted) return callerSignal.reason instanceof Error ? callerSignal.reason : new Error('aborted');
    if (timeout.aborted) return new NlpUnavailableError(`The CoreNLP service at ${this.baseUrl} did not answer within ${this.timeoutMs} ms.`);
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return new NlpUnavailableError(`The CoreNLP service at ${this.baseUrl} could not be reached: ${cause}`);
  }
}
