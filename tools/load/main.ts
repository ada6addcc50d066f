import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { sampleMemory, startNeo4j, startServer, type MemorySample } from './processes.js';
import { KINDS, nextOperation, POOL_SIZE, poolEntity, type Kind, type Operation } from './workload.js';

/**
 * The load test: the newsgraph server as a child process on loopback, over an
 * embedded Neo4j (or NEO4J_URI), under a mixed read/write workload from
 * autocannon for a bounded time. Reports requests, errors (non-2xx and
 * GraphQL errors), latency percentiles, throughput and the server's RSS in the
 * first and last quarter of the run.
 *
 *   npm run load -- --duration 60 --connections 8
 *
 * Exit code: 0 when there were no errors and memory stayed flat, 1 on any
 * error, 2 when the last quarter's mean RSS exceeds the first's by more than
 * --max-growth percent.
 */

const USAGE = `usage: npm run load -- [--duration 60] [--warmup 10] [--connections 8] [--max-growth 10] [--json results.json] [--trace-gc]
  --duration     seconds of measured load (default 60)
  --warmup       seconds of the same load before measuring (default 60): V8 and the allocator size themselves
                 in the first minute; errors during the warm-up count, its memory does not
  --connections  concurrent HTTP connections, one request in flight each (default 8)
  --max-growth   allowed growth in percent of the server's mean RSS, last quarter over first (default 10)
  --json         also write the figures to this file
  NEO4J_URI      use this Neo4j instead of starting an embedded one (the seed is loaded only into an empty database)`;

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '60' },
    connections: { type: 'string', default: '8' },
    'max-growth': { type: 'string', default: '10' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const maxGrowth = Number(args['max-growth']);
if (![duration, connections].every((n) => Number.isInteger(n) && n > 0) || !Number.isInteger(warmup) || warmup < 0 || !(maxGrowth >= 0)) {
  console.error(USAGE);
  process.exit(64);
}

interface KindStats {
  requests: number;
  errors: number;
  latencies: number[];
}

interface Context {
  kind?: Kind;
  sentAt?: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

async function graphql(url: string, editorKey: string, operation: Operation): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** One autocannon run of the workload; per-kind counts, latencies and the first error bodies go into `stats` and `errorSamples`. */
function fire(url: string, editorKey: string, seconds: number, stats: Map<Kind, KindStats>, errorSamples: string[]): Promise<autocannon.Result> {
  const readHeaders = { 'content-type': 'application/json' };
  const writeHeaders = { ...readHeaders, authorization: `Bearer ${editorKey}` };
  return autocannon({
    url: `${url}/graphql`,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest(request, context) {
          const operation = nextOperation();
          Object.assign(context as Context, { kind: operation.kind, sentAt: performance.now() });
          // Reads as an anonymous caller (anonymous reads are on by default), writes with the editor key.
          return {
            ...request,
            headers: operation.write ? writeHeaders : readHeaders,
            body: JSON.stringify({ query: operation.query, variables: operation.variables }),
          };
        },
        onResponse(status, body, context) {
          const { kind, sentAt } = context as Context;
          if (!kind) return;
          const entry = stats.get(kind) ?? { requests: 0, errors: 0, latencies: [] };
          entry.requests += 1;
          if (sentAt !== undefined) entry.latencies.push(performance.now() - sentAt);
          if (status !== 200 || body.includes('"errors"')) {
            entry.errors += 1;
            if (errorSamples.length < 10) errorSamples.push(`${kind} ${status} ${body.slice(0, 300)}`);
          }
          stats.set(kind, entry);
        },
      },
    ],
  });
}

function quarters(samples: MemorySample[], key: 'serverKb' | 'neo4jKb'): { first: number; last: number } | null {
  const measured = samples.filter((sample) => sample.phase === 'measure' && sample[key] !== null);
  if (measured.length < 8) return null;
  const start = measured[0]!.t;
  const span = measured[measured.length - 1]!.t - start;
  const inQuarter = (q: number) => measured.filter((sample) => Math.min(3, Math.floor(((sample.t - start) / span) * 4)) === q).map((sample) => sample[key]!);
  return { first: mean(inQuarter(0)), last: mean(inQuarter(3)) };
}

async function main(): Promise<number> {
  const editorKey = randomBytes(24).toString('hex');
  console.log(`newsgraph load test: ${warmup} s warm-up, then ${duration} s measured, ${connections} connections, reads 80% / writes 20%`);
  const target = await startNeo4j('1g');
  let phase = 'setup';
  try {
    const server = await startServer(target, editorKey);
    try {
      console.log(`server pid ${server.pid} at ${server.url}; Neo4j at ${target.uri}${target.pid ? ` (embedded, pid ${target.pid})` : ''}`);
      // The pool of people the writes update, so relations have both endpoints from the first second.
      for (let k = 0; k < POOL_SIZE; k += 1) {
        const result = await graphql(server.url, editorKey, poolEntity(k));
        if (result.errors) throw new Error(`setting up the pool failed: ${JSON.stringify(result.errors)}`);
      }

      const memory = sampleMemory(server.pid, target.pid, () => phase);
      const warmupStats = new Map<Kind, KindStats>();
      const warmupErrors: string[] = [];
      if (warmup > 0) {
        phase = 'warmup';
        await fire(server.url, editorKey, warmup, warmupStats, warmupErrors);
      }
      phase = 'measure';
      const measureStart = performance.now();
      const loadBefore = loadavg()[0]!;
      const stats = new Map<Kind, KindStats>();
      const errorSamples: string[] = [];
      const result = await fire(server.url, editorKey, duration, stats, errorSamples);
      const loadAfter = loadavg()[0]!;
      const measureEnd = performance.now();
      phase = 'done';
      memory.stop();

      // A follow-up read: the writes landed and the server still answers.
      const check = (await graphql(server.url, editorKey, {
        kind: 'entities',
        write: false,
        query: '{ stats { entities relations } entity(id: "load-person-0") { id reportedBy { quote } } }',
        variables: {},
      })) as { data?: { stats: { entities: number; relations: number }; entity: { reportedBy: unknown[] } | null } };

      const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
      const versionRows = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition').catch(() => null);
      await driver.close();
      const neo4jVersion = versionRows ? `${versionRows.records[0]?.get('version')} ${versionRows.records[0]?.get('edition')}` : 'unknown';

      const countErrors = (of: Map<Kind, KindStats>) => [...of.values()].reduce((sum, entry) => sum + entry.errors, 0);
      // GraphQL errors include the non-2xx answers (both are counted per response); autocannon's errors include its timeouts.
      const graphqlErrors = countErrors(stats);
      const errors = result.errors + graphqlErrors;
      const warmupErrorCount = countErrors(warmupStats);
      const serverMemory = quarters(memory.samples, 'serverKb');
      const neo4jMemory = quarters(memory.samples, 'neo4jKb');
      const growth = serverMemory ? ((serverMemory.last - serverMemory.first) / serverMemory.first) * 100 : NaN;
      const flat = Number.isFinite(growth) && growth <= maxGrowth;

      const fullGcs = server.heapAfterFullGc
        .filter((gc) => gc.at >= measureStart && gc.at <= measureEnd)
        .map((gc) => ({ t: Math.round((gc.at - measureStart) / 1000), usedMb: gc.usedMb, committedMb: gc.committedMb }));
      const heapHalves =
        fullGcs.length >= 2
          ? {
              firstHalf: mean(fullGcs.filter((gc) => gc.t < duration / 2).map((gc) => gc.usedMb)),
              secondHalf: mean(fullGcs.filter((gc) => gc.t >= duration / 2).map((gc) => gc.usedMb)),
            }
          : null;
      const kinds = KINDS.filter((kind) => stats.has(kind)).map((kind) => {
        const entry = stats.get(kind)!;
        const sorted = [...entry.latencies].sort((a, b) => a - b);
        return { kind, requests: entry.requests, errors: entry.errors, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99) };
      });
      const figures = {
        date: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
          loadAverage1m: { before: loadBefore, after: loadAfter },
        },
        versions: { node: process.version, neo4j: neo4jVersion },
        options: { duration, warmup, connections, maxGrowth, neo4j: target.pid ? 'embedded' : 'NEO4J_URI' },
        requests: {
          total: result.requests.total,
          perSecondMean: result.requests.average,
          writes: kinds.filter((k) => k.kind.startsWith('upsert')).reduce((s, k) => s + k.requests, 0),
        },
        errors: {
          total: errors,
          connection: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          graphql: graphqlErrors,
          samples: errorSamples,
          warmup: warmupErrorCount,
          warmupSamples: warmupErrors,
        },
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
        throughput: { bytesPerSecondMean: result.throughput.average },
        byKind: kinds,
        memoryMb: {
          server: serverMemory && {
            firstQuarterMean: mb(serverMemory.first),
            lastQuarterMean: mb(serverMemory.last),
            growthPercent: Math.round(growth * 10) / 10,
            flat,
          },
          neo4j: neo4jMemory && { firstQuarterMean: mb(neo4jMemory.first), lastQuarterMean: mb(neo4jMemory.last) },
          serverHeapAfterFullGc: {
            meanFirstHalf: heapHalves && Math.round(heapHalves.firstHalf * 10) / 10,
            meanSecondHalf: heapHalves && Math.round(heapHalves.secondHalf * 10) / 10,
            collections: fullGcs,
          },
          samples: memory.samples.map((sample) => ({
            t: Math.round(sample.t),
            phase: sample.phase,
            server: sample.serverKb && mb(sample.serverKb),
            neo4j: sample.neo4jKb && mb(sample.neo4jKb),
          })),
        },
        followUp: check.data ?? check,
        serverWarnings: server.warnings.slice(0, 20),
      };

      console.log(
        `\nrequests      ${figures.requests.total} in ${duration} s (${Math.round(figures.requests.perSecondMean)}/s mean), ${figures.requests.writes} writes`,
      );
      console.log(
        `errors        ${errors} (connection ${result.errors} incl. ${result.timeouts} timeouts; GraphQL errors or non-2xx ${graphqlErrors}, of which non-2xx ${result.non2xx}); warm-up: ${warmupErrorCount}`,
      );
      console.log(`latency       p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
      console.log(`throughput    ${Math.round(result.throughput.average / 1024)} KiB/s mean`);
      for (const kind of kinds) {
        console.log(
          `  ${kind.kind.padEnd(14)} ${String(kind.requests).padStart(6)} req  ${String(kind.errors).padStart(3)} err  p50 ${kind.p50.toFixed(1)}  p90 ${kind.p90.toFixed(1)}  p99 ${kind.p99.toFixed(1)} ms`,
        );
      }
      if (serverMemory) {
        console.log(
          `server RSS    first quarter ${mb(serverMemory.first)} MB, last quarter ${mb(serverMemory.last)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%): ${flat ? 'flat' : `GREW more than ${maxGrowth}%`}`,
        );
      }
      console.log(
        `server heap   after full GCs: ${fullGcs.length} collections, in use ${heapHalves ? `${heapHalves.firstHalf.toFixed(1)} MB (first half) → ${heapHalves.secondHalf.toFixed(1)} MB (second half)` : 'n/a'}` +
          `${fullGcs.length ? `, committed ${fullGcs[0]!.committedMb} → ${fullGcs[fullGcs.length - 1]!.committedMb} MB` : ''}`,
      );
      if (neo4jMemory) console.log(`Neo4j RSS     first quarter ${mb(neo4jMemory.first)} MB, last quarter ${mb(neo4jMemory.last)} MB`);
      console.log(
        `machine       ${figures.machine.cpus} CPUs, ${figures.machine.memoryGb} GB, load average ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}; Node ${process.version}, Neo4j ${neo4jVersion}`,
      );
      if (errorSamples.length || warmupErrors.length) console.log(`first errors:\n  ${[...warmupErrors, ...errorSamples].slice(0, 10).join('\n  ')}`);
      if (server.warnings.length) console.log(`server warnings (${server.warnings.length}):\n  ${server.warnings.slice(0, 5).join('\n  ')}`);
      if (args.json) writeFileSync(args.json, `${JSON.stringify(figures, null, 2)}\n`);
      return errors + warmupErrorCount > 0 ? 1 : flat ? 0 : 2;
    } finally {
      phase = 'done';
      await server.stop();
    }
  } finally {
    await target.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('load test failed:', error);
    process.exit(1);
  },
);
