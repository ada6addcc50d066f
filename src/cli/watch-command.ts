import type { Command } from 'commander';
import { setTimeout as sleep } from 'node:timers/promises';
import { readEventStream } from '../changes/event-stream.js';
import { CHANGE_KINDS } from '../changes/kinds.js';
import { ApiError, endpointOf } from './ingest-api.js';
import { UsageError } from './runtime.js';

/**
 * `newsgraph watch`: the change feed of a running service, one JSON line per
 * event on stdout, through the `changed` subscription over Server-Sent
 * Events. A lost connection (a restart, an instance going away) is resumed
 * with the cursor of the last event printed, so nothing printed repeats and
 * nothing after it is missed; a refusal (a bad key, CURSOR_EXPIRED) stops it.
 */

const SUBSCRIPTION = `subscription CliWatch($after: String, $kinds: [ChangeKind!], $entityIds: [ID!]) {
  changed(after: $after, kinds: $kinds, entityIds: $entityIds) {
    cursor
    node { sequence kind at subjectId entityIds relationId documentId mergedId actor { role via principal } }
  }
}`;

const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 10_000;

export interface WatchOptions {
  endpoint: string;
  key?: string;
  after: string | null;
  kinds?: string[];
  entityIds?: string[];
  /** Where each event's line goes. */
  write: (line: string) => void;
  /** Notes on the connection (stderr). */
  note: (message: string) => void;
  signal: AbortSignal;
}

interface Edge {
  cursor: string;
  node: Record<string, unknown>;
}

/** A failure worth reconnecting after, unlike an ApiError (the service said no). */
class ConnectionLost extends Error {}

/** Follows the feed until the signal aborts; throws ApiError when the service refuses. */
export async function watchFeed(options: WatchOptions): Promise<void> {
  let after = options.after;
  let wait = FIRST_RETRY_MS;
  while (!options.signal.aborted) {
    try {
      await followOnce(options, after, (edge) => {
        after = edge.cursor;
        wait = FIRST_RETRY_MS;
        options.write(`${JSON.stringify({ cursor: edge.cursor, ...edge.node })}\n`);
      });
      if (options.signal.aborted) return;
      options.note(`the stream ended; reconnecting${after ? ' after the last event printed' : ''}`);
    } catch (error) {
      if (options.signal.aborted) return;
      if (!(error instanceof ConnectionLost)) throw error;
      options.note(`connection lost (${error.message}); reconnecting in ${wait / 1000} s${after ? ' after the last event printed' : ''}`);
    }
    await sleep(wait, undefined, { signal: options.signal }).catch(() => undefined);
    wait = Math.min(wait * 2, LONGEST_RETRY_MS);
  }
}

async function followOnce(options: WatchOptions, after: string | null, onEdge: (edge: Edge) => void): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  let response: Response;
  try {
    response = await fetch(options.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { after, kinds: options.kinds ?? null, entityIds: options.entityIds ?? null } }),
      signal: options.signal,
    });
  } catch (error) {
    throw new ConnectionLost((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
  }
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    const text = await response.text().catch(() => '');
    // Shutting down, busy or unavailable: another try later, maybe on another instance behind the same address.
    if (response.status === 503 || response.status === 429 || response.status >= 500) throw new ConnectionLost(`HTTP ${response.status}`);
    throw new ApiError(`the service answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  try {
    await readEventStream(response.body!, (message) => handleMessage(message.data, onEdge));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ConnectionLost((error as Error).message);
  }
}

function handleMessage(data: string, onEdge: (edge: Edge) => void): void {
  if (!data.trim()) return;
  const message = JSON.parse(data) as { data?: { changed?: Edge } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  const [error] = message.errors ?? [];
  if (error) throw new ApiError(`${error.extensions?.code ?? 'ERROR'}: ${error.message}`, error.extensions?.code);
  if (message.data?.changed) onEdge(message.data.changed);
}

function listOf(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items?.length ? items : undefined;
}

export function registerWatchCommand(program: Command): void {
  program
    .command('watch')
    .description('Print the change feed of a running service as NDJSON, one event a line, live; resumes after a lost connection (docs/change-feed.md).')
    .option('--api <url>', "the service's URL", 'http://localhost:4000')
    .option('--key <key>', 'an API key, when the service does not allow anonymous reads; default: the NEWSGRAPH_API_KEY variable')
    .option('--after <cursor>', 'start after this cursor (a line\'s "cursor"): the events since then first; default: from now on')
    .option('--kinds <kinds>', `only these kinds, comma-separated: ${CHANGE_KINDS.join(', ')}`)
    .option('--entities <ids>', 'only events touching these entity ids, comma-separated')
    .action(async (options: { api: string; key?: string; after?: string; kinds?: string; entities?: string }) => {
      const kinds = listOf(options.kinds);
      const unknown = kinds?.filter((kind) => !(CHANGE_KINDS as readonly string[]).includes(kind));
      if (unknown?.length) throw new UsageError(`--kinds: unknown kind ${unknown.join(', ')}; the kinds are ${CHANGE_KINDS.join(', ')}`);
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      await watchFeed({
        endpoint: endpointOf(options.api),
        key: options.key ?? process.env.NEWSGRAPH_API_KEY,
        after: options.after ?? null,
        kinds,
        entityIds: listOf(options.entities),
        write: (line) => process.stdout.write(line),
        note: (message) => process.stderr.write(`newsgraph watch: ${message}\n`),
        signal: stop.signal,
      });
    });
}
