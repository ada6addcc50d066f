import type { NewsgraphYoga } from '../../src/server/yoga.js';
import { authorization, type Caller } from './api.js';
import { gql } from './yoga.js';

export interface FeedEvent {
  sequence: number;
  kind: string;
  at: string;
  subjectId: string;
  entityIds: string[];
  relationId: string | null;
  documentId: string | null;
  mergedId: string | null;
  actor: { role: string | null; via: string; principal: string | null };
}

export interface FeedEdge {
  cursor: string;
  node: FeedEvent;
}

export const EVENT_FIELDS = 'sequence kind at subjectId entityIds relationId documentId mergedId actor { role via principal }';

const CHANGES = `query($after: String, $first: Int, $kinds: [ChangeKind!], $entityIds: [ID!]) {
  changes(after: $after, first: $first, kinds: $kinds, entityIds: $entityIds) {
    edges { cursor node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;

export interface PullOptions {
  first?: number;
  kinds?: string[];
  entityIds?: string[];
  as?: Caller;
}

/** Every event after the cursor, page by page, and the end cursor to continue from. */
export async function pullAll(yoga: NewsgraphYoga, after: string | null, options: PullOptions = {}): Promise<{ edges: FeedEdge[]; end: string | null }> {
  const edges: FeedEdge[] = [];
  let cursor = after;
  for (let pages = 0; pages < 1000; pages++) {
    const response = await gql<{ changes: { edges: FeedEdge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
      yoga,
      CHANGES,
      { after: cursor, first: options.first ?? 100, kinds: options.kinds ?? null, entityIds: options.entityIds ?? null },
      authorization(options.as ?? 'reader'),
    );
    if (!response.data) throw new Error(`changes failed: ${JSON.stringify(response.errors)}`);
    const { edges: page, pageInfo } = response.data.changes;
    edges.push(...page);
    cursor = pageInfo.endCursor ?? cursor;
    if (!pageInfo.hasNextPage) return { edges, end: cursor };
  }
  throw new Error('changes kept paging');
}

/** The feed's end cursor now. */
export async function feedEnd(yoga: NewsgraphYoga): Promise<string | null> {
  return (await pullAll(yoga, null, { first: 1000 })).end;
}

export interface SseSubscription {
  edges: FeedEdge[];
  errors: unknown[];
  /** Resolves once `count` edges arrived (or rejects when the stream ends first or waitMs passes). */
  waitFor(count: number, waitMs?: number): Promise<FeedEdge[]>;
  close(): Promise<void>;
  ended: Promise<void>;
}

/** `changed` over GraphQL-over-SSE through yoga.fetch, parsed as a client would. */
export function subscribeSse(
  yoga: NewsgraphYoga,
  variables: { after?: string | null; kinds?: string[]; entityIds?: string[] },
  as: Caller = 'reader',
): SseSubscription {
  const abort = new AbortController();
  const edges: FeedEdge[] = [];
  const errors: unknown[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  let finished = false;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const query = `subscription($after: String, $kinds: [ChangeKind!], $entityIds: [ID!]) { changed(after: $after, kinds: $kinds, entityIds: $entityIds) { cursor node { ${EVENT_FIELDS} } } }`;
  const ended = (async () => {
    try {
      const response = await yoga.fetch('http://newsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...authorization(as) },
        body: JSON.stringify({ query, variables }),
        signal: abort.signal,
      });
      reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n');
          if (!data) continue;
          const message = JSON.parse(data) as { data?: { changed?: FeedEdge }; errors?: unknown[] };
          if (message.errors) errors.push(...message.errors);
          if (message.data?.changed) edges.push(message.data.changed);
          notify();
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') errors.push(error);
    } finally {
      finished = true;
      notify();
    }
  })();
  return {
    edges,
    errors,
    ended,
    waitFor(count, waitMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (edges.length >= count) done(() => resolve(edges.slice()));
          else if (finished) done(() => reject(new Error(`the stream ended after ${edges.length} of ${count} events; errors: ${JSON.stringify(errors)}`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`${edges.length} of ${count} events within ${waitMs} ms; errors: ${JSON.stringify(errors)}`))),
          waitMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async close() {
      // In-process, aborting the request does not end its body: cancelling the stream does, and ends the subscription.
      abort.abort();
      await reader?.cancel().catch(() => undefined);
      await ended;
    },
  };
}
