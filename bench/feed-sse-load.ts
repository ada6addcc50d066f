/**
 * Load on the change feed (docs/change-feed.md): SSE subscribers of `changed` on a running service while
 * a writer upserts entities at a steady rate; reports each event's lag (from the write's answer to its
 * arrival at a subscriber), and whether every subscriber got every event once, in order.
 *
 *   npx tsx bench/feed-sse-load.ts --url http://127.0.0.1:4000 --key <editor key> \
 *     [--subscribers 50] [--rate 167] [--seconds 60] [--concurrency 16] [--out bench/results/feed-sse.json]
 *
 * The target: 10,000 events a minute (--rate 167) to 50 subscribers, lag p99 under 2 s.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000' },
    key: { type: 'string' },
    subscribers: { type: 'string', default: '50' },
    rate: { type: 'string', default: '167' },
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '16' },
    out: { type: 'string' },
  },
});
const endpoint = new URL('/graphql', values.url).toString();
const [subscriberCount, rate, seconds, concurrency] = [values.subscribers, values.rate, values.seconds, values.concurrency].map(Number) as [number, number, number, number];
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

interface Received {
  sequences: number[];
  arrivals: Map<string, number[]>;
}

function subscribe(after: string | null, signal: AbortSignal): Received {
  const received: Received = { sequences: [], arrivals: new Map() };
  void (async () => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { ...headers, accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription($after: String) { changed(after: $after) { node { sequence subjectId } } }', variables: { after } }),
      signal,
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer.slice(0, end).split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5)).join('');
        buffer = buffer.slice(end + 2);
        if (!data.trim()) continue;
        const node = (JSON.parse(data) as { data?: { changed?: { node: { sequence: number; subjectId: string } } } }).data?.changed?.node;
        if (!node) continue;
        received.sequences.push(node.sequence);
        received.arrivals.set(node.subjectId, [...(received.arrivals.get(node.subjectId) ?? []), performance.now()]);
      }
    }
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
  writes.push(
    post('mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }', { input: { id, type: 'ORGANIZATION', name: `Feed Load ${run} ${i}` } })
      .then(() => {
        answered.set(id, performance.now());
        writeMs.push(performance.now() - sent);
      })
      .catch(() => void (failed += 1))
      .finally(() => void (inFlight -= 1)),
  );
}
await Promise.all(writes);
const writingSeconds = (performance.now() - began) / 1000;
// The last events have a few seconds to arrive.
const deadline = performance.now() + 10_000;
while (performance.now() < deadline && subscribers.some((s) => [...answered.keys()].some((id) => !s.arrivals.has(id)))) await new Promise((resolve) => setTimeout(resolve, 100));
stop.abort();

const lags: number[] = [];
let missing = 0;
let duplicates = 0;
let disordered = 0;
for (const subscriber of subscribers) {
  for (const [id, at] of answered) {
    const arrivals = subscriber.arrivals.get(id);
    if (!arrivals) missing += 1;
    else {
      if (arrivals.length > 1) duplicates += arrivals.length - 1;
      lags.push(Math.max(0, arrivals[0]! - at));
    }
  }
  disordered += subscriber.sequences.filter((sequence, i) => i > 0 && sequence <= subscriber.sequences[i - 1]!).length;
}
const result = {
  at: new Date().toISOString(),
  endpoint,
  subscribers: subscriberCount,
  targetRatePerSecond: rate,
  seconds,
  writes: { attempted: total, answered: answered.size, failed, skippedAtConcurrency: skipped, achievedPerSecond: Number((answered.size / writingSeconds).toFixed(1)), ms: summary(writeMs) },
  delivery: { expected: answered.size * subscriberCount, missing, duplicates, outOfOrder: disordered },
  lagMsFromAnswer: summary(lags),
  loadAverage: loadavg().map((n) => Number(n.toFixed(1))),
};
console.log(JSON.stringify(result, null, 2));
if (values.out) writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
process.exit(0);
