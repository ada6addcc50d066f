import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { streamSink, withSink } from '../../src/export/text-sink.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('text sinks', () => {
  it('waits for drain when the stream is full, so a writer never runs ahead', async () => {
    const received: string[] = [];
    let pending: (() => void) | undefined;
    const slow = new Writable({
      highWaterMark: 4,
      write(chunk: Buffer, _encoding, callback) {
        received.push(chunk.toString());
        pending = callback;
      },
    });
    const sink = streamSink(slow, { end: false });
    let resolved = false;
    const first = sink.write('0123456789').then(() => (resolved = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resolved).toBe(false);
    pending!();
    await first;
    expect(received).toEqual(['0123456789']);
  });

  it('fails the write when the stream fails, instead of hanging', async () => {
    const broken = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        callback(new Error('EPIPE'));
      },
    });
    const sink = streamSink(broken, { end: true });
    await expect(sink.write('data')).rejects.toThrow('EPIPE');
  });

  it('writes a file, and removes it when the work fails', async () => {
    const ok = join(dir, 'ok.txt');
    await withSink(ok, async (sink) => {
      await sink.write('a\n');
      await sink.write('b\n');
    });
    expect(readFileSync(ok, 'utf8')).toBe('a\nb\n');
    const failed = join(dir, 'failed.txt');
    await expect(withSink(failed, () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(() => readFileSync(failed)).toThrow(/ENOENT/);
  });

  it('fails clearly when the file cannot be opened', async () => {
    await expect(withSink(join(dir, 'missing', 'x.txt'), () => Promise.resolve())).rejects.toThrow(/ENOENT/);
  });
});
