import { describe, expect, it } from 'vitest';
import { FeedRefused, followChanges } from '../../explorer/src/live-feed.js';
import { idsToFollow, LiveView, redirectState, type LiveHost, type LiveStatus } from '../../explorer/src/live.js';
import { readEventStream, SseParser, type SseMessage } from '../../src/changes/event-stream.js';
import { emptyState } from '../../explorer/src/state.js';

// The explorer's live view (issue 18): its reader of text/event-stream, the state after a merge, and
// the subscription's resumption from its cursor, against a fake fetch.

const encoder = new TextEncoder();

function streamOf(chunks: string[], keepOpen = false): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (!keepOpen) controller.close();
    },
  });
}

const sse = (chunks: string[], keepOpen = false) => new Response(streamOf(chunks, keepOpen), { headers: { 'content-type': 'text/event-stream' } });
const next = (payload: unknown) => `event: next\ndata: ${JSON.stringify(payload)}\n\n`;
const edge = (sequence: number, kind: string, entityIds: string[], extra: { subjectId?: string; mergedId?: string } = {}) =>
  next({
    data: {
      changed: { cursor: `c${sequence}`, node: { sequence, kind, subjectId: extra.subjectId ?? `s${sequence}`, entityIds, mergedId: extra.mergedId ?? null } },
    },
  });

const until = async (check: () => boolean, ms = 2000) => {
  for (let waited = 0; !check(); waited += 5) {
    if (waited > ms) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('the text/event-stream parser', () => {
  it('cuts messages wherever the text is split, with CR LF, CR or LF, and skips comments', () => {
    const text = ': keep-alive\r\n\r\nevent: next\r\ndata: {"a":\r\ndata:1}\r\n\r\nevent:complete\rdata:\r\rdata: plain\n\n';
    const expected: SseMessage[] = [
      { event: 'next', data: '{"a":\n1}' },
      { event: 'message', data: 'plain' },
    ];
    // `complete` with an empty data line still counts: it has a data field.
    expected.splice(1, 0, { event: 'complete', data: '' });
    for (let size = 1; size <= text.length; size++) {
      const parser = new SseParser();
      const messages: SseMessage[] = [];
      for (let at = 0; at < text.length; at += size) messages.push(...parser.push(text.slice(at, at + size)));
      expect(messages, `pieces of ${size}`).toEqual(expected);
    }
  });

  it('ignores a message without data and fields it does not know; reads a byte stream split inside a character', async () => {
    const parser = new SseParser();
    expect(parser.push('event: next\nid: 7\nretry: 10\n\n')).toEqual([]);
    const bytes = encoder.encode('data: «merged»\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    const messages: SseMessage[] = [];
    await readEventStream(body, (message) => messages.push(message));
    expect(messages).toEqual([{ event: 'message', data: '«merged»' }]);
  });

  it('passes on a last message the stream ended without a blank line after', async () => {
    const messages: SseMessage[] = [];
    await readEventStream(streamOf(['data: last']), (message) => messages.push(message));
    expect(messages).toEqual([{ event: 'message', data: 'last' }]);
  });
});

describe('followChanges', () => {
  it('posts the subscription for the ids after the cursor and passes on each change', async () => {
    const requests: Array<{ url: string; init: RequestInit }> = [];
    const changes: string[] = [];
    let opened = false;
    await followChanges({
      ids: ['liu-xiaowu'],
      after: 'c1',
      signal: new AbortController().signal,
      onOpen: () => (opened = true),
      onChange: (change) => changes.push(change.cursor),
      fetch: async (url, init) => {
        requests.push({ url: String(url), init: init! });
        return sse([': hi\n\n', edge(2, 'RELATION_UPSERTED', ['liu-xiaowu', 'x']), 'event: complete\ndata:\n\n']);
      },
    });
    expect(opened).toBe(true);
    expect(changes).toEqual(['c2']);
    expect(requests[0]!.url).toBe('/graphql');
    expect((requests[0]!.init.headers as Record<string, string>).accept).toBe('text/event-stream');
    const body = JSON.parse(String(requests[0]!.init.body)) as { variables: { after: string; entityIds: string[] } };
    expect(body.variables).toMatchObject({ after: 'c1', entityIds: ['liu-xiaowu'] });
  });

  it('throws FeedRefused with the code of an error in the stream or of a JSON refusal; a 503 is a lost connection', async () => {
    const run = (response: Response) =>
      followChanges({
        ids: ['a'],
        after: null,
        signal: new AbortController().signal,
        onOpen: () => undefined,
        onChange: () => undefined,
        fetch: async () => response,
      });
    const expired = await run(sse([next({ errors: [{ message: 'too old', extensions: { code: 'CURSOR_EXPIRED' } }] })])).catch((error: unknown) => error);
    expect(expired).toBeInstanceOf(FeedRefused);
    expect((expired as FeedRefused).code).toBe('CURSOR_EXPIRED');
    const refused = await run(Response.json({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }, { status: 401 })).catch(
      (error: unknown) => error,
    );
    expect((refused as FeedRefused).code).toBe('UNAUTHENTICATED');
    const busy = await run(new Response('busy', { status: 503 })).catch((error: unknown) => error);
    expect(busy).not.toBeInstanceOf(FeedRefused);
  });
});

describe('the state after a merge', () => {
  it("names the kept entity wherever the merged one was, and gives it the merged one's place unless it has its own", () => {
    const state = {
      ...emptyState(),
      expanded: ['liu', 'kept', 'other'],
      selected: { kind: 'entity' as const, id: 'liu' },
      path: { from: 'liu', to: 'other' },
      hidden: ['liu'],
      positions: { liu: { x: 10, y: 20 }, other: { x: 1, y: 2 } },
    };
    const next = redirectState(state, 'liu', 'kept');
    expect(next).toMatchObject({
      expanded: ['kept', 'other'],
      selected: { kind: 'entity', id: 'kept' },
      path: { from: 'kept', to: 'other' },
      hidden: ['kept'],
      positions: { kept: { x: 10, y: 20 }, other: { x: 1, y: 2 } },
    });
    expect(next.positions).not.toHaveProperty('liu');
    const drawn = redirectState({ ...state, positions: { liu: { x: 10, y: 20 }, kept: { x: 5, y: 5 } } }, 'liu', 'kept');
    expect(drawn.positions).toEqual({ kept: { x: 5, y: 5 } });
    expect(redirectState({ ...state, selected: { kind: 'relation', id: 'liu' } }, 'liu', 'kept').selected).toEqual({ kind: 'relation', id: 'liu' });
  });

  it("follows the state's ids first, then the nodes drawn, at most 1000", () => {
    const nodes = new Map(Array.from({ length: 1200 }, (_, i) => [`n${i}`, { id: `n${i}` }]));
    const ids = idsToFollow({ ...emptyState(), expanded: ['e1'], path: { from: 'p1', to: 'p2' } }, {
      nodes,
      edges: new Map(),
      truncated: [],
      missing: [],
      path: null,
    } as never);
    expect(ids.slice(0, 4)).toEqual(['e1', 'p1', 'p2', 'n0']);
    expect(ids).toHaveLength(1000);
  });
});

describe('LiveView', () => {
  function host() {
    const log: string[] = [];
    const statuses: LiveStatus[] = [];
    const names: Record<string, string> = { liu: 'Liu Xiaowu', kept: 'Liu Xiao Wu' };
    const live: LiveHost = {
      forget: (ids) => log.push(`forget ${[...ids].sort().join(',')}`),
      refresh: async () => void log.push('refresh'),
      redirect: (from, to) => log.push(`redirect ${from}->${to}`),
      name: (id) => names[id] ?? id,
      note: (text) => log.push(`note ${text}`),
      status: (status) => statuses.push(status),
    };
    return { live, log, statuses };
  }

  it('draws again once for a burst of events, resumes from its last cursor after a lost connection, and redirects a merged entity', async () => {
    const { live, log, statuses } = host();
    const afters: Array<string | null> = [];
    const idsAsked: string[][] = [];
    const answers: Array<() => Response> = [
      () => sse([edge(5, 'RELATION_UPSERTED', ['liu', 'new-a']), edge(6, 'RELATION_UPSERTED', ['liu', 'new-b'])]),
      () => new Response('restarting', { status: 503 }),
      () => sse([edge(7, 'ENTITIES_MERGED', ['kept', 'liu'], { subjectId: 'kept', mergedId: 'liu' })], true),
      () => sse([], true),
    ];
    const view = new LiveView(live, {
      settleMs: 20,
      firstRetryMs: 10,
      longestRetryMs: 40,
      fetch: async (_url, init) => {
        const body = JSON.parse(String(init!.body)) as { variables: { after: string | null; entityIds: string[] } };
        afters.push(body.variables.after);
        idsAsked.push(body.variables.entityIds);
        return answers.shift()!();
      },
    });
    view.watch(['liu', 'russia']);
    await until(() => log.includes('refresh'));
    expect(log).toEqual(['forget liu', 'refresh']);
    // The first stream ended, the second try failed: the third starts after the last event received.
    await until(() => afters.length >= 3 && log.some((line) => line.startsWith('note')));
    expect(afters.slice(0, 3)).toEqual([null, 'c6', 'c6']);
    expect(log.slice(2)).toEqual(['redirect liu->kept', 'forget kept,liu', 'refresh', 'note Liu Xiaowu was merged into Liu Xiao Wu.']);
    expect(statuses).toContain('waiting');
    // The view drawn again follows the kept id, from the merge's cursor; the same ids again change nothing.
    view.watch(['kept', 'russia']);
    view.watch(['russia', 'kept']);
    await until(() => afters.length === 4);
    expect(afters[3]).toBe('c7');
    expect(idsAsked[3]).toEqual(['kept', 'russia']);
    expect(statuses.at(-1)).toBe('open');
    view.close();
    expect(statuses.at(-1)).toBe('off');
  });

  it('stops on a refusal, and after CURSOR_EXPIRED follows from the head and draws the whole view again', async () => {
    const { live, log, statuses } = host();
    const afters: Array<string | null> = [];
    const answers: Array<() => Response> = [
      () => sse([edge(3, 'ENTITY_UPSERTED', ['liu'])]),
      () => sse([next({ errors: [{ message: 'too old', extensions: { code: 'CURSOR_EXPIRED' } }] })]),
      () => sse([], true),
    ];
    const view = new LiveView(live, {
      settleMs: 5,
      firstRetryMs: 5,
      fetch: async (_url, init) => {
        afters.push((JSON.parse(String(init!.body)) as { variables: { after: string | null } }).variables.after);
        return answers.shift()!();
      },
    });
    view.watch(['liu', 'wu']);
    await until(() => afters.length === 3 && log.filter((line) => line === 'refresh').length === 2);
    expect(afters).toEqual([null, 'c3', null]);
    expect(log).toEqual(['forget liu', 'refresh', 'forget liu,wu', 'refresh']);
    view.close();

    const seen: LiveStatus[] = [];
    const watching = new LiveView(
      { ...host().live, status: (status) => seen.push(status) },
      { fetch: async () => Response.json({ errors: [{ message: 'no feed', extensions: { code: 'FEED_UNAVAILABLE' } }] }) },
    );
    watching.watch(['a']);
    await until(() => seen.includes('refused'));
    watching.watch(['a']);
    expect(seen.filter((status) => status === 'connecting')).toHaveLength(1);
    watching.close();
    expect(statuses).toContain('open');
  });

  it('follows new ids without drawing again, even with no cursor yet; after a pause with no cursor it draws again once open', async () => {
    const { live, log } = host();
    const afters: Array<string | null> = [];
    const view = new LiveView(live, {
      settleMs: 5,
      fetch: async (_url, init) => {
        afters.push((JSON.parse(String(init!.body)) as { variables: { after: string | null } }).variables.after);
        return sse([], true);
      },
    });
    view.watch(['liu']);
    await until(() => afters.length === 1);
    view.watch(['liu', 'wu']);
    await until(() => afters.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(log).toEqual([]);
    view.pause();
    view.resume();
    await until(() => log.includes('refresh'));
    expect(log).toEqual(['forget liu,wu', 'refresh']);
    expect(afters).toEqual([null, null, null]);
    view.close();
  });

  it('closes while paused and resumes from its cursor', async () => {
    const { live, log } = host();
    const afters: Array<string | null> = [];
    const signals: AbortSignal[] = [];
    const view = new LiveView(live, {
      settleMs: 5,
      fetch: async (_url, init) => {
        afters.push((JSON.parse(String(init!.body)) as { variables: { after: string | null } }).variables.after);
        signals.push(init!.signal!);
        return sse(afters.length === 1 ? [edge(9, 'ENTITY_UPSERTED', ['liu'])] : [], true);
      },
    });
    view.watch(['liu']);
    await until(() => afters.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(['forget liu', 'refresh']);
    view.pause();
    expect(signals[0]!.aborted).toBe(true);
    view.watch(['liu']);
    expect(afters).toHaveLength(1);
    view.resume();
    await until(() => afters.length === 2);
    expect(afters[1]).toBe('c9');
    view.close();
    expect(signals[1]!.aborted).toBe(true);
  });
});
