import { CHANGE_KINDS } from '../../src/changes/kinds.js';
import { GRAPHQL_ENDPOINT } from './api.js';
import { readEventStream } from '../../src/changes/event-stream.js';

/**
 * The explorer's connection to the change feed: one subscription to `changed` over Server-Sent
 * Events (a POST read as a stream: EventSource cannot POST), for the view's ids and the kinds that
 * can change what it draws. live.ts decides when to follow and what to draw.
 */

/** Kinds that can change what the view draws: all but those of documents and sources alone. */
export const LIVE_KINDS = CHANGE_KINDS.filter((kind) => kind !== 'DOCUMENT_INGESTED' && kind !== 'SOURCE_UPSERTED');
/** The API's limit on `entityIds`. */
export const MAX_LIVE_IDS = 1000;

const SUBSCRIPTION = `subscription ExplorerLive($after: String, $kinds: [ChangeKind!], $entityIds: [ID!]) {
  changed(after: $after, kinds: $kinds, entityIds: $entityIds) { cursor node { sequence kind subjectId entityIds mergedId } }
}`;

export interface LiveChange {
  cursor: string;
  node: { sequence: number; kind: string; subjectId: string; entityIds: string[]; mergedId: string | null };
}

/** The service said no (a refused key, CURSOR_EXPIRED, no feed on this instance): trying again will not help. */
export class FeedRefused extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'FeedRefused';
  }
}

export interface FollowOptions {
  ids: string[];
  after: string | null;
  signal: AbortSignal;
  /** The stream is open: from here on no event after `after` is missed. */
  onOpen(): void;
  onChange(change: LiveChange): void;
  fetch?: typeof fetch;
}

/**
 * One connection to `changed`. Resolves when the server ends the stream; throws FeedRefused on a
 * refusal, and any other error when the connection is lost (worth trying again).
 */
export async function followChanges(options: FollowOptions): Promise<void> {
  const response = await (options.fetch ?? fetch)(GRAPHQL_ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-newsgraph-client': 'explorer' },
    body: JSON.stringify({ query: SUBSCRIPTION, variables: { after: options.after, kinds: LIVE_KINDS, entityIds: options.ids } }),
    signal: options.signal,
  });
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream') || !response.body) {
    if (response.status === 429 || response.status >= 500) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json().catch(() => null)) as { errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
    const error = body?.errors?.[0];
    throw new FeedRefused(error?.message ?? `HTTP ${response.status}`, error?.extensions?.code);
  }
  options.onOpen();
  let complete = false;
  await readEventStream(response.body, (message) => {
    if (message.event === 'complete') complete = true;
    if (message.event !== 'next' || complete) return;
    const result = JSON.parse(message.data) as { data?: { changed?: LiveChange } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    const error = result.errors?.[0];
    if (error) throw new FeedRefused(error.message, error.extensions?.code);
    if (result.data?.changed) options.onChange(result.data.changed);
  });
}
