import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { NDJSON_RECORDS } from '../../src/model/bundle-schema.js';
import { generateStream } from './generate.js';
import { writeLines, type StreamSummary } from './write.js';

/**
 * npm run generate -- --entities N --seed S [--out FILE] [--records M] [--follow-ups]
 *
 * Writes a deterministic synthetic news graph as an NDJSON bundle stream, for
 * bulk-load tests and benchmarks. Same N and seed, same bytes. --follow-ups
 * adds later reports of earlier facts by other sources (follow-ups.ts), as
 * the benchmark's data has, so facts have one, two or more sources.
 */

const USAGE = 'usage: generate --entities N --seed S [--out FILE] [--records M] [--follow-ups]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function integerOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min) fail(`--${name} must be an integer >= ${min}, got "${value}"`);
  return number;
}

function describe(summary: StreamSummary, seconds: number): string {
  const counts = NDJSON_RECORDS.map((kind) => `${kind} ${summary.counts[kind]}`).join(', ');
  const megabytes = (summary.bytes / 1024 / 1024).toFixed(1);
  return `generated ${summary.records} records (${counts}); ${summary.bytes} bytes (${megabytes} MiB) in ${seconds.toFixed(1)} s`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      records: { type: 'string' },
      'follow-ups': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const entities = integerOption(values.entities, 'entities', 1) ?? fail('--entities is required');
  // The PRNG state is 32 bits, so larger seeds would silently alias smaller ones.
  const seed = integerOption(values.seed, 'seed', 0) ?? fail('--seed is required');
  if (seed > 0xffffffff) fail('--seed must be below 2^32');
  const limit = integerOption(values.records, 'records', 0) ?? Infinity;

  const out = values.out ? createWriteStream(values.out) : process.stdout;
  // A closed pipe (e.g. `| head`) is a normal way to stop reading, not an error.
  out.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const started = performance.now();
  const summary = await writeLines(generateStream({ entities, seed, followUps: values['follow-ups'] === true }), out, limit);
  if (out !== process.stdout) {
    out.end();
    await finished(out);
  }
  console.error(describe(summary, (performance.now() - started) / 1000));
}

await main();
