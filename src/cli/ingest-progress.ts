/**
 * Progress of `newsgraph ingest` on stderr. A terminal gets one line redrawn
 * in place (a bar); a pipe or log gets a plain line per update, at most one a
 * second, that a log reader or a test can parse:
 *
 *   newsgraph: progress big.ndjson write 45% (12.3 MB of 27.1 MB) 12,345 records 3 s
 *
 * A ticker redraws every second even when no update came (a bundle is written
 * in one transaction, a stream batch may take seconds), so the elapsed time
 * always moves.
 */

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  /** A terminal's width: a longer line would wrap, and each redraw would leave a line behind. */
  columns?: number;
}

export interface ProgressUpdate {
  bytesRead?: number;
  totalBytes?: number;
  records?: number;
  /** What the records are: records read, records sent… */
  unit?: string;
  /** Progress counted in parts rather than bytes: bundles sent of the file's bundles. */
  part?: { done: number; total: number; unit: string };
}

interface State extends ProgressUpdate {
  file: string;
  phase: string;
  startedAt: number;
}

const LINE_EVERY_MS = 1000;
const BAR_EVERY_MS = 100;
const BAR_WIDTH = 24;

function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** How far along, 0 to 1, or undefined when nothing is counted (a transaction in flight). */
function shareOf(update: ProgressUpdate): number | undefined {
  if (update.part) return update.part.total > 0 ? Math.min(1, update.part.done / update.part.total) : 1;
  if (update.totalBytes === undefined || update.bytesRead === undefined) return undefined;
  return update.totalBytes > 0 ? Math.min(1, update.bytesRead / update.totalBytes) : 1;
}

export class IngestProgress {
  private state: State | undefined;
  private shownAt = Number.NEGATIVE_INFINITY;
  private ticker: NodeJS.Timeout | undefined;
  private barShown = false;

  constructor(
    private readonly out: ProgressOutput,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new phase of a file (read, validate, write, send): shown at once. */
  start(file: string, phase: string, update: ProgressUpdate = {}): void {
    if (!this.enabled) return;
    this.state = { file, phase, startedAt: this.now(), ...update };
    this.show();
    if (!this.ticker) {
      this.ticker = setInterval(() => this.tick(), LINE_EVERY_MS);
      this.ticker.unref();
    }
  }

  /** Starts the phase unless it is the current one, else updates it. */
  at(file: string, phase: string, update: ProgressUpdate): void {
    if (this.state?.file === file && this.state.phase === phase) this.update(update);
    else this.start(file, phase, update);
  }

  /** New numbers for the current phase: shown when the last line is old enough. */
  update(update: ProgressUpdate): void {
    if (!this.enabled || !this.state) return;
    Object.assign(this.state, update);
    if (this.now() - this.shownAt >= (this.out.isTTY ? BAR_EVERY_MS : LINE_EVERY_MS)) this.show();
  }

  /** The ticker's step: redraws when nothing was shown for a second. */
  tick(): void {
    if (this.state && this.now() - this.shownAt >= LINE_EVERY_MS) this.show();
  }

  /** Ends the display (before a file's report or an error is printed). */
  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    this.state = undefined;
    if (this.barShown) this.out.write('\r\x1b[K');
    this.barShown = false;
  }

  /** The current line's text, without the terminal's control characters. */
  describe(): string | undefined {
    const state = this.state;
    if (!state) return undefined;
    const parts = [state.file, state.phase];
    const share = shareOf(state);
    if (state.part)
      parts.push(`${Math.floor(share! * 100)}% (${state.part.done.toLocaleString('en')} of ${state.part.total.toLocaleString('en')} ${state.part.unit})`);
    else if (share !== undefined) parts.push(`${Math.floor(share * 100)}% (${size(state.bytesRead!)} of ${size(state.totalBytes!)})`);
    if (state.records !== undefined) parts.push(`${state.records.toLocaleString('en')} ${state.unit ?? 'records'}`);
    parts.push(`${Math.floor((this.now() - state.startedAt) / 1000)} s`);
    return parts.join(' ');
  }

  private show(): void {
    const text = this.describe();
    if (text === undefined) return;
    this.shownAt = this.now();
    if (!this.out.isTTY) {
      this.out.write(`newsgraph: progress ${text}\n`);
      return;
    }
    const share = shareOf(this.state!);
    const bar = share === undefined ? '' : `[${'#'.repeat(Math.round(share * BAR_WIDTH)).padEnd(BAR_WIDTH, '-')}] `;
    const line = `${bar}${text}`;
    this.out.write(`\r\x1b[K${this.out.columns ? line.slice(0, this.out.columns - 1) : line}`);
    this.barShown = true;
  }
}
