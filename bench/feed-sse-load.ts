/**
 * Load on the change feed (docs/change-feed.md): SSE subscribers of `changed` on a running service while
 * a writer upserts entities at a steady rate; reports each event's lag (from the write's answer to its
 * arrival at a subscriber), and whether every subscriber got every event once, in order.
 *
 *   npx tsx bench/feed-sse-load.ts --url http://127.0.0.1:4000 --key <editor key> \
 *     [--subscribers 50] [--rate 167] [--seconds 60] [--concurrency 16] [--out bench/results/feed-sse.json] \
 *     [--writes upserts|bundles] [--events-per-write 20]
 *
 * --writes upserts (the default): each write is one upsertEntity, one event. --writes bundles: each
 * write is one ingestBundle of a small generated bundle (one document, one source, entities in a chain
 * of MEMBER_OF relations, a report of each entity and relation), --events-per-write events (a multiple
 * of 4, at least 8) committed in one transaction, as real ingests do. --rate is writes a second.
 *
 * The target: 10,000 events a minute to 50 subscribers, lag p99 under 2 s: --rate 167 with
 * upserts, or e.g. --writes bundles --events-per-write 20 --rate 9 (10,800 events a minute).
 *
 * Every subscriber must receive exactly the events the pull API `changes` lists after the starting
 * cursor, in that order; each event's lag runs from the answer of the write that made it.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { readEventStream } from '../src/changes/event-stream.js';
import { gitState } from './git-state.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000' },
    key: { type: 'string' },
    subscribers: { type: 'string', default: '50' },
    rate: { type: 'string', default: '167' },
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '16' },
    out: { type: 'string' },
    writes: { type: 'string', default: 'upserts' },
    'events-per-write': { type: 'string', default: '20' },
    label: { type: 'string' },
  },
});
const mode = values.writes;
if (mode !== 'upserts' && mode !== 'bundles') throw new Error('--writes is upserts or bundles');
const eventsPerWrite = mode === 'bundles' ? Number(values['events-per-write']) : 1;
if (mode === 'bundles' && (!Number.isInteger(eventsPerWrite) || eventsPerWrite < 8 || eventsPerWrite % 4 !== 0))
  throw new Error('--events-per-write is a multiple of 4, at least 8');
const endpoint = new URL('/graphql', values.url).toString();
const [subscriberCount, rate, seconds, concurrency] = [values.subscribers, values.rate, values.seconds, values.concurrency].map(Number) as [
  number,
  number,
  number,
  number,
];
const run = Date.now().toString(36);
const headers = { 'content-type': 'application/json', ...(values.key ? { authorization: `Bearer ${values.key}` } : {}) };

async function post<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors ?? body));
  return body.data;
}

async function feedEnd(): Promise<string | null> {
  let after: string | null = null;
  for (;;) {
    const page: { changes: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await post(
      'query($after: String) { changes(after: $after, first: 1000) { pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    after = page.changes.pageInfo.endCursor ?? after;
    if (!page.changes.pageInfo.hasNextPage) return after;
  }
}

/** A bundle of `events` events: document, source, k entities, k - 1 relations, 2k - 1 reports (4k events). */
function bundleFor(prefix: string, events: number): Record<string, unknown> {
  const k = events / 4;
  const names = Array.from({ length: k }, (_, j) => `Org ${prefix} ${j}`);
  const text = names.map((name) => `${name} said on Monday that it works with the others.`).join(' ');
  const at = (quote: string) => ({ quote, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  const entity = (j: number) => `${prefix}-e${j}`;
  const relation = (j: number) => `${prefix}-r${j}`;
  return {
    format: 'newsgraph.bundle',
    version: 1,
    document: { id: prefix, title: `Feed load ${prefix}`, publishedAt: '2026-12-02', url: null, text },
    sources: [{ id: `${prefix}-wire`, name: `Wire ${prefix}`, kind: 'outlet' }],
    entities: names.map((name, j) => ({ id: entity(j), type: 'ORGANIZATION', name, aliases: [] })),
    relations: Array.from({ length: k - 1 }, (_, j) => ({ id: relation(j), type: 'MEMBER_OF', from: entity(j + 1), to: entity(0) })),
    reports: [
      ...names.map((name, j) => ({ id: `re${j}`, subject: { entity: entity(j) }, source: `${prefix}-wire`, ...at(`${name} said on Monday`) })),
      ...Array.from({ length: k - 1 }, (_, j) => ({
        id: `rr${j}`,
        subject: { relation: relation(j) },
        source: `${prefix}-wire`,
        ...at(`${names[j + 1]} said on Monday that it works with the others.`),
      })),
    ],
  };
}

interface Arrival {
  sequence: number;
  subjectId: string;
  at: number;
}

function subscribe(after: string | null, signal: AbortSignal): Arrival[] {
  const received: Arrival[] = [];
  void (async () => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { ...headers, accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription($after: String) { changed(after: $after) { node { sequence subjectId } } }', variables: { after } }),
      signal,
    });
    await readEventStream(response.body!, ({ data }) => {
      if (!data.trim()) return;
      const node = (JSON.parse(data) as { data?: { changed?: { node: { sequence: number; subjectId: string } } } }).data?.changed?.node;
      if (node) received.push({ sequence: node.sequence, subjectId: node.subjectId, at: performance.now() });
    });
  })().catch((error: unknown) => {
    if ((error as Error).name !== 'AbortError') console.error('subscriber failed:', (error as Error).message);
  });
  return received;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);
const summary = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
};

const start = await feedEnd();
const stop = new AbortController();
const subscribers = Array.from({ length: subscriberCount }, () => subscribe(start, stop.signal));
await new Promise((resolve) => setTimeout(resolve, 1000));

const answered = new Map<string, number>();
const writeMs: number[] = [];
let failed = 0;
let firstError: string | undefined;
let inFlight = 0;
let skipped = 0;
const total = Math.round(rate * seconds);
const began = performance.now();
const writes: Array<Promise<void>> = [];
for (let i = 0; i < total; i++) {
  const due = began + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  // Past the concurrency the writer is saturated: the write is skipped and counted, the rate shows it.
  if (inFlight >= concurrency) {
    skipped += 1;
    continue;
  }
  const id = `feed-load-${run}-${i}`;
  inFlight += 1;
  const sent = performance.now();
  const write =
    mode === 'bundles'
      ? post('mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents } }', { bundle: bundleFor(id, eventsPerWrite) })
      : post('mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }', { input: { id, type: 'ORGANIZATION', name: `Feed Load ${run} ${i}` } });
  writes.push(
    write
      .then(() => {
        answered.set(id, performance.now());
        writeMs.push(performance.now() - sent);
      })
      .catch((error: unknown) => {
        failed += 1;
        firstError ??= (error as Error).message.slice(0, 500);
      })
      .finally(() => void (inFlight -= 1)),
  );
}
await Promise.all(writes);
const writingSeconds = (performance.now() - began) / 1000;

/** Every event after the starting cursor, as the pull API lists them: what each subscriber must receive. */
async function pullAfter(after: string | null): Promise<Array<{ sequence: number; subjectId: string }>> {
  const events: Array<{ sequence: number; subjectId: string }> = [];
  for (;;) {
    const page: { changes: { edges: Array<{ node: { sequence: number; subjectId: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await post('query($after: String) { changes(after: $after, first: 1000) { edges { node { sequence subjectId } } pageInfo { hasNextPage endCursor } } }', {
        after,
      });
    events.push(...page.changes.edges.map((edge) => edge.node));
    after = page.changes.pageInfo.endCursor ?? after;
    if (!page.changes.pageInfo.hasNextPage) return events;
  }
}
const expected = await pullAfter(start);
// The write an event belongs to, from the ids this run gave (feed-load-<run>-<i>...).
const writeOf = (subjectId: string) => /^feed-load-[a-z0-9]+-\d+/.exec(subjectId)?.[0];
const expectedOfRun = expected.filter((event) => writeOf(event.subjectId) !== undefined);
const lastSequence = expected.at(-1)?.sequence ?? -1;
// The last events have a few seconds to arrive.
const deadline = performance.now() + 10_000;
while (performance.now() < deadline && subscribers.some((s) => (s.at(-1)?.sequence ?? -1) < lastSequence))
  await new Promise((resolve) => setTimeout(resolve, 100));
stop.abort();

const lags: number[] = [];
let missing = 0;
let duplicates = 0;
let disordered = 0;
let unexpected = 0;
let delivered = 0;
let firstArrival = Infinity;
let lastArrival = 0;
for (const subscriber of subscribers) {
  const seen = new Map<number, number>();
  subscriber.forEach((arrival, i) => {
    if (i > 0 && arrival.sequence <= subscriber[i - 1]!.sequence) disordered += 1;
    seen.set(arrival.sequence, (seen.get(arrival.sequence) ?? 0) + 1);
    firstArrival = Math.min(firstArrival, arrival.at);
    lastArrival = Math.max(lastArrival, arrival.at);
  });
  const wanted = new Set(expected.map((event) => event.sequence));
  for (const sequence of seen.keys()) if (!wanted.has(sequence)) unexpected += 1;
  const firstAt = new Map<number, number>();
  for (const arrival of subscriber) if (!firstAt.has(arrival.sequence)) firstAt.set(arrival.sequence, arrival.at);
  for (const event of expected) {
    const count = seen.get(event.sequence) ?? 0;
    if (count === 0) missing += 1;
    else {
      delivered += 1;
      duplicates += count - 1;
      const write = writeOf(event.subjectId);
      const answer = write === undefined ? undefined : answered.get(write);
      if (answer !== undefined) lags.push(Math.max(0, firstAt.get(event.sequence)! - answer));
    }
  }
}
const deliveringMinutes = (lastArrival - firstArrival) / 60_000;

const result = {
  ...(values.label ? { label: values.label } : {}),
  at: new Date().toISOString(),
  ...gitState(),
  command: process.argv
    .slice(2)
    .map((arg) => (arg === values.key ? '<editor key>' : arg))
    .join(' '),
  mode,
  eventsPerWrite,
  endpoint,
  subscribers: subscriberCount,
  targetRatePerSecond: rate,
  seconds,
  writes: {
    attempted: total,
    answered: answered.size,
    failed,
    ...(firstError ? { firstError } : {}),
    skippedAtConcurrency: skipped,
    achievedPerSecond: Number((answered.size / writingSeconds).toFixed(1)),
    ms: summary(writeMs),
  },
  events: {
    inFeed: expected.length,
    ofThisRun: expectedOfRun.length,
    ofThisRunPerMinute: Math.round((expectedOfRun.length / writingSeconds) * 60),
  },
  delivery: {
    expected: expected.length * subscriberCount,
    delivered,
    missing,
    duplicates,
    outOfOrder: disordered,
    notInFeed: unexpected,
    perMinutePerSubscriber: deliveringMinutes > 0 ? Math.round(delivered / subscriberCount / deliveringMinutes) : null,
    perMinuteAllSubscribers: deliveringMinutes > 0 ? Math.round(delivered / deliveringMinutes) : null,
  },
  lagMsFromAnswer: summary(lags),
  loadAverage: loadavg().map((n) => Number(n.toFixed(1))),
};
console.log(JSON.stringify(result, null, 2));
if (values.out) writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
