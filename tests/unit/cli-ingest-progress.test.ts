import { describe, expect, it } from 'vitest';
import { IngestProgress } from '../../src/cli/ingest-progress.js';

/** The progress display on a fake clock: what a log (not a TTY) and a terminal receive. */
function harness(isTTY: boolean) {
  let now = 1_000_000;
  const written: string[] = [];
  const progress = new IngestProgress({ isTTY, write: (text: string) => written.push(text) }, true, () => now);
  return { progress, written, advance: (ms: number) => (now += ms) };
}

describe('ingest progress for a log', () => {
  it('writes a line when a phase starts, then at most one a second, with percent, sizes, records and elapsed seconds', () => {
    const { progress, written, advance } = harness(false);
    progress.start('big.ndjson', 'validate', { bytesRead: 0, totalBytes: 27_100_000, records: 0 });
    expect(written).toEqual(['newsgraph: progress big.ndjson validate 0% (0 B of 27.1 MB) 0 records 0 s\n']);
    advance(400);
    progress.update({ bytesRead: 5_000_000, records: 12_000 });
    advance(400);
    progress.update({ bytesRead: 9_000_000, records: 20_000 });
    expect(written).toHaveLength(1);
    advance(200);
    progress.update({ bytesRead: 12_300_000, records: 12_345 });
    expect(written[1]).toBe('newsgraph: progress big.ndjson validate 45% (12.3 MB of 27.1 MB) 12,345 records 1 s\n');
    progress.stop();
    expect(written).toHaveLength(2);
  });

  it('repeats the line every second while nothing is counted (a transaction in flight), so the time moves', () => {
    const { progress, written, advance } = harness(false);
    progress.start('a.json', 'write');
    progress.tick();
    expect(written).toHaveLength(1);
    advance(1000);
    progress.tick();
    advance(1000);
    progress.tick();
    expect(written).toEqual(['newsgraph: progress a.json write 0 s\n', 'newsgraph: progress a.json write 1 s\n', 'newsgraph: progress a.json write 2 s\n']);
    progress.stop();
    advance(1000);
    progress.tick();
    expect(written).toHaveLength(3);
  });

  it('counts bundles sent through the API in parts, not bytes', () => {
    const { progress, written } = harness(false);
    progress.start('s.ndjson', 'send', { part: { done: 3, total: 12, unit: 'bundles' }, records: 40, unit: 'records sent' });
    expect(written).toEqual(['newsgraph: progress s.ndjson send 25% (3 of 12 bundles) 40 records sent 0 s\n']);
    progress.stop();
  });

  it('writes nothing when quiet', () => {
    const written: string[] = [];
    const progress = new IngestProgress({ isTTY: false, write: (text: string) => written.push(text) }, false);
    progress.start('a.json', 'read', { bytesRead: 0, totalBytes: 10 });
    progress.update({ bytesRead: 10 });
    progress.tick();
    progress.stop();
    expect(written).toEqual([]);
  });
});

describe('ingest progress on a terminal', () => {
  it('redraws one line with a bar and clears it at the end', () => {
    const { progress, written, advance } = harness(true);
    progress.start('a.json', 'read', { bytesRead: 500, totalBytes: 1000 });
    advance(150);
    progress.update({ bytesRead: 1000 });
    progress.stop();
    expect(written[0]).toBe(`\r\x1b[K[${'#'.repeat(12)}${'-'.repeat(12)}] a.json read 50% (500 B of 1.0 kB) 0 s`);
    expect(written[1]).toBe(`\r\x1b[K[${'#'.repeat(24)}] a.json read 100% (1.0 kB of 1.0 kB) 0 s`);
    expect(written[2]).toBe('\r\x1b[K');
    expect(written.join('')).not.toContain('\n');
  });

  it("cuts the line to the terminal's width, so a redraw never wraps", () => {
    const written: string[] = [];
    const progress = new IngestProgress({ isTTY: true, columns: 40, write: (text: string) => written.push(text) }, true, () => 0);
    progress.start('/a/very/long/path/to/a/file/with/a/long/name.ndjson', 'validate', { bytesRead: 0, totalBytes: 10 });
    progress.stop();
    expect(written[0]!.replace('\r\x1b[K', '')).toHaveLength(39);
  });
});
