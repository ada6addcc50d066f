import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { NDJSON_RECORDS, type NdjsonRecordKind } from '../../src/model/bundle-schema.js';
import type { GeneratedLine } from './records.js';

export interface StreamSummary {
  counts: Record<NdjsonRecordKind, number>;
  /** Every line but the header. */
  records: number;
  bytes: number;
}

/** Lines are gathered into writes of about this many characters: fewer syscalls than one per line. */
const WRITE_SIZE = 1 << 16;

/**
 * Writes lines to `out`, waiting for 'drain' whenever it is full so memory
 * stays flat however fast the generator runs. Stops after `limit` records
 * (the header not counted); as each record refers only to earlier ones, the
 * cut stream is still valid.
 */
export async function writeLines(lines: Iterable<GeneratedLine>, out: Writable, limit = Infinity): Promise<StreamSummary> {
  const summary: StreamSummary = {
    counts: Object.fromEntries(NDJSON_RECORDS.map((kind) => [kind, 0])) as Record<NdjsonRecordKind, number>,
    records: 0,
    bytes: 0,
  };
  let pending = '';
  const flush = async () => {
    summary.bytes += Buffer.byteLength(pending);
    const accepted = out.write(pending);
    pending = '';
    if (!accepted) await once(out, 'drain');
  };
  for (const { kind, line } of lines) {
    if (kind !== 'header') {
      if (summary.records >= limit) break;
      summary.records++;
    }
    summary.counts[kind]++;
    pending += line;
    if (pending.length >= WRITE_SIZE) await flush();
  }
  if (pending) await flush();
  return summary;
}
