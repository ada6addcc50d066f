import { once } from 'node:events';
import { open, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/**
 * Where an export writes text: a file or stdout. `write` resolves once the
 * stream can take more (it awaits 'drain' when the buffer is full), so a
 * writer that awaits it never holds more than one page in memory.
 */
export interface TextSink {
  write(chunk: string): Promise<void>;
  /** Flushes and closes a file; leaves stdout open. */
  close(): Promise<void>;
}

export function streamSink(stream: Writable, options: { end: boolean }): TextSink {
  let failure: Error | undefined;
  const onError = (error: Error) => {
    failure ??= error;
  };
  stream.on('error', onError);
  const check = () => {
    if (failure) throw failure;
  };
  return {
    async write(chunk) {
      check();
      if (chunk.length === 0) return;
      if (!stream.write(chunk)) {
        // Rejects on 'error' as well, so a closed pipe does not hang the export.
        await once(stream, 'drain');
      }
      check();
    },
    async close() {
      check();
      if (options.end) {
        // A file stream closes its descriptor after 'finish'; wait for that too.
        const closed = once(stream, 'close');
        stream.end();
        await closed;
      } else if (stream.writableNeedDrain) {
        await once(stream, 'drain');
      }
      stream.off('error', onError);
      check();
    },
  };
}

/** Opens (creates or truncates) the file first, so a bad path fails here with a clear error. */
export async function fileSink(path: string): Promise<TextSink> {
  const handle = await open(path, 'w');
  return streamSink(handle.createWriteStream({ encoding: 'utf8' }), { end: true });
}

export function stdoutSink(): TextSink {
  return streamSink(process.stdout, { end: false });
}

/** A sink on `path`, or stdout when there is none. */
export function openSink(path: string | undefined): Promise<TextSink> {
  return path === undefined || path === '-' ? Promise.resolve(stdoutSink()) : fileSink(path);
}

/**
 * Runs `work` on a sink and always closes it. When the work fails, a file it
 * was writing is removed rather than left half-written; its error wins.
 */
export async function withSink<T>(path: string | undefined, work: (sink: TextSink) => Promise<T>): Promise<T> {
  const sink = await openSink(path);
  let result: T;
  try {
    result = await work(sink);
  } catch (error) {
    await sink.close().catch(() => undefined);
    if (path !== undefined && path !== '-') await rm(path, { force: true }).catch(() => undefined);
    throw error;
  }
  await sink.close();
  return result;
}
