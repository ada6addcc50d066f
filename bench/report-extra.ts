import type { BenchResult } from './results.js';
import { num } from './numbers.js';

/** The sections of what users feel: the API's cold start, its memory under load, ingest through the API. */

function coldStart(result: BenchResult): string[] {
  const cold = result.coldStart;
  if (!cold) return [];
  const lines = [
    '#### Cold start',
    '',
    `A second newsgraph instance started on the loaded graph (Neo4j already warm): ${num(cold.readySeconds, 2)} s from launch to \`/ready\`, then each workload once (its first parameter), against the warm p50 of the same run.`,
    '',
    '| workload | first answer ms | warm p50 ms | first / warm |',
    '| --- | --- | --- | --- |',
  ];
  for (const a of cold.firstAnswers) lines.push(`| ${a.workload} | ${num(a.firstMs, 1)} | ${num(a.warmP50Ms, 2)} | ${num(a.ratio, 2)} |`);
  return [...lines, ''];
}

function apiMemory(result: BenchResult): string[] {
  const memory = result.apiMemory;
  if (!memory) return [];
  return [
    '#### API memory under load',
    '',
    `newsgraph's RSS, sampled each second across ${memory.seconds} s of ${memory.workload} at ${memory.clients} clients (${num(memory.opsPerSecond)} ops/s, ${memory.errors} errors): ${memory.firstQuarterMiB} MiB on average in the first quarter, ${memory.lastQuarterMiB} MiB in the last (${num(memory.growth, 2)}x); lowest ${Math.min(...memory.samplesMiB)} MiB, highest ${Math.max(...memory.samplesMiB)} MiB.`,
    '',
  ];
}

function apiIngest(result: BenchResult): string[] {
  const api = result.apiIngest;
  if (!api) return [];
  const lines = [
    '#### Ingest through the API',
    '',
    `${num(api.records, 0)} records in bundles of about ${num(api.batchRecords, 0)} records: \`ingestBundle\` over HTTP, one request at a time, against raw UNWIND batches and newsgraph's bulk path with the same batch size; same graph from all three: **${api.sameGraph ? 'yes' : 'NO'}**.`,
    '',
    '| path | seconds | records/s | share of raw rate |',
    '| --- | --- | --- | --- |',
  ];
  const raw = api.runs.raw.recordsPerSecond;
  for (const [name, run] of Object.entries(api.runs))
    lines.push(`| ${name} | ${num(run.seconds, 1)} | ${num(run.recordsPerSecond, 0)} | ${num(run.recordsPerSecond / raw, 2)} |`);
  return [...lines, ''];
}

export function extraSections(result: BenchResult): string[] {
  return [...coldStart(result), ...apiMemory(result), ...apiIngest(result)];
}
