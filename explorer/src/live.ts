import { FeedRefused, followChanges, MAX_LIVE_IDS, type LiveChange } from './live-feed.js';
import { writeState, type ViewState } from './state.js';
import { note } from './status.js';
import { forgetNeighbourhoods, type ViewData } from './view.js';

/**
 * Live updates of the open view (issue 18): one subscription to the change feed's `changed`, over
 * Server-Sent Events, filtered to the entities in view. An event that touches them forgets their
 * cached neighbourhoods and draws the view again (new nodes are placed as an expansion places them;
 * nodes already drawn keep their places). A merge that took away an entity of the view puts the kept
 * entity in its place in the state and the URL. The subscription follows the view's ids, resumes
 * from the last cursor after a lost connection, and is closed while the page is hidden or the view is
 * empty. docs/explorer.md, "Live updates".
 */

/** The state with `from` (merged away) replaced by `to` (kept): expanded, selected, path, hidden, opened hubs and positions. */
export function redirectState(state: ViewState, from: string, to: string): ViewState {
  const swap = (id: string) => (id === from ? to : id);
  const list = (ids: string[]) => [...new Set(ids.map(swap))];
  const positions = { ...state.positions };
  const point = positions[from];
  delete positions[from];
  // The kept entity takes the place of the one merged into it, unless it is drawn already.
  if (point && !positions[to]) positions[to] = point;
  return {
    ...state,
    expanded: list(state.expanded),
    hidden: list(state.hidden),
    open: list(state.open),
    positions,
    selected: state.selected?.kind === 'entity' ? { kind: 'entity', id: swap(state.selected.id) } : state.selected,
    path: state.path ? { from: swap(state.path.from), to: swap(state.path.to) } : null,
  };
}

/** The ids a view follows, those of its state first when there are more than the API takes. */
export function idsToFollow(state: ViewState, view: ViewData | null): string[] {
  const ids = new Set([
    ...state.expanded,
    ...(state.selected?.kind === 'entity' ? [state.selected.id] : []),
    ...(state.path ? [state.path.from, state.path.to] : []),
    ...state.hidden,
    ...(view ? view.nodes.keys() : []),
  ]);
  return [...ids].slice(0, MAX_LIVE_IDS);
}

export type LiveStatus = 'off' | 'connecting' | 'open' | 'waiting' | 'refused';

/** What the live view does to the page; main.ts owns the state. */
export interface LiveHost {
  /** Forgets the cached neighbourhoods that hold any of these ids. */
  forget(ids: ReadonlySet<string>): void;
  /** Draws the view again from the state. */
  refresh(): Promise<void>;
  /** Puts the kept entity in place of the merged one in the state and the URL (replaceState). */
  redirect(from: string, to: string): void;
  /** An entity's name as drawn, or its id. */
  name(id: string): string;
  note(text: string): void;
  status(status: LiveStatus): void;
}

export interface LiveOptions {
  fetch?: typeof fetch;
  /** Events arriving within this long are drawn in one refresh. */
  settleMs?: number;
  firstRetryMs?: number;
  longestRetryMs?: number;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** The subscription of one page. `watch` after every drawing; `pause`/`resume` as the page hides and shows. */
export class LiveView {
  private ids: string[] = [];
  private key = '';
  private cursor: string | null = null;
  private connection: AbortController | null = null;
  private paused = false;
  /** Events may have been missed (a stream ended with no cursor to resume from): draw again once open. */
  private gap = false;
  private readonly touched = new Set<string>();
  private readonly merges: Array<{ from: string; to: string; name: string }> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;
  private readonly settleMs: number;
  private readonly firstRetryMs: number;
  private readonly longestRetryMs: number;

  constructor(
    private readonly host: LiveHost,
    private readonly options: LiveOptions = {},
  ) {
    this.settleMs = options.settleMs ?? 150;
    this.firstRetryMs = options.firstRetryMs ?? 1000;
    this.longestRetryMs = options.longestRetryMs ?? 30_000;
  }

  /** Follows these ids: nothing when they are the ones followed already, a new subscription from the last cursor otherwise. */
  watch(ids: string[]): void {
    const key = [...ids].sort().join(' ');
    if (key === this.key && (this.connection || this.paused || ids.length === 0)) return;
    this.ids = ids;
    this.key = key;
    this.connect();
  }

  /** The page is hidden: close the stream, keep the cursor. */
  pause(): void {
    // Without a cursor, the stream opened again starts at the head: what happened meanwhile is drawn by a refresh.
    if (this.connection && this.cursor === null) this.gap = true;
    this.paused = true;
    this.disconnect();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.connect();
  }

  close(): void {
    this.ids = [];
    this.key = '';
    this.disconnect();
  }

  /** Closes the stream. New ids need no refresh on reopening: the drawing that changed them was read just now. */
  private disconnect(): void {
    this.connection?.abort();
    this.connection = null;
    this.host.status('off');
  }

  private connect(): void {
    this.disconnect();
    if (this.paused || this.ids.length === 0) return;
    const controller = new AbortController();
    this.connection = controller;
    void this.run(this.ids, controller);
  }

  private async run(ids: string[], controller: AbortController): Promise<void> {
    const { signal } = controller;
    const followed = new Set(ids);
    let wait = this.firstRetryMs;
    while (!signal.aborted) {
      this.host.status('connecting');
      try {
        await followChanges({
          ids,
          after: this.cursor,
          signal,
          fetch: this.options.fetch,
          onOpen: () => {
            wait = this.firstRetryMs;
            this.host.status('open');
            if (this.gap) {
              this.gap = false;
              this.touch(ids);
            }
          },
          onChange: (change) => this.receive(change, followed),
        });
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof FeedRefused) {
          if (error.code !== 'CURSOR_EXPIRED') {
            this.host.status('refused');
            return;
          }
          // Too old to resume: read the view again and follow from the head.
          this.cursor = null;
          this.gap = true;
          continue;
        }
      }
      if (signal.aborted) return;
      if (this.cursor === null) this.gap = true;
      this.host.status('waiting');
      await sleep(wait, signal);
      wait = Math.min(wait * 2, this.longestRetryMs);
    }
  }

  private receive(change: LiveChange, followed: ReadonlySet<string>): void {
    this.cursor = change.cursor;
    const { kind, mergedId, subjectId, entityIds } = change.node;
    if (kind === 'ENTITIES_MERGED' && mergedId && followed.has(mergedId)) this.merges.push({ from: mergedId, to: subjectId, name: this.host.name(mergedId) });
    this.touch(entityIds.filter((id) => followed.has(id)));
  }

  private touch(ids: string[]): void {
    if (ids.length === 0) return;
    for (const id of ids) this.touched.add(id);
    if (this.timer === null) this.timer = setTimeout(() => void this.flush(), this.settleMs);
  }

  /** One refresh for the events of the last moments; a refresh under way finishes first. */
  private async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    this.timer = null;
    if (this.touched.size === 0) return;
    const touched = new Set(this.touched);
    const merges = this.merges.splice(0);
    this.touched.clear();
    const work = (async () => {
      for (const { from, to } of merges) this.host.redirect(from, to);
      for (const { to } of merges) touched.add(to);
      this.host.forget(touched);
      await this.host.refresh();
      for (const merge of merges) this.host.note(`${merge.name} was merged into ${this.host.name(merge.to)}.`);
    })();
    this.flushing = work.catch(() => undefined);
    await this.flushing;
    this.flushing = null;
  }
}

/** The page's live view: follows what main.ts draws, and pauses while the page is hidden. */
export function attachLive(page: { state(): ViewState; view(): ViewData | null; replace(next: ViewState): void; refresh(): Promise<void> }): { watch(): void } {
  const live = new LiveView({
    forget: forgetNeighbourhoods,
    refresh: () => page.refresh(),
    redirect: (from, to) => {
      const next = redirectState(page.state(), from, to);
      page.replace(next);
      writeState(next, 'replace');
    },
    name: (id) => page.view()?.nodes.get(id)?.name ?? id,
    note,
    status: (status) => {
      document.body.dataset.live = status;
    },
  });
  document.addEventListener('visibilitychange', () => (document.hidden ? live.pause() : live.resume()));
  if (document.hidden) live.pause();
  return { watch: () => live.watch(idsToFollow(page.state(), page.view())) };
}
