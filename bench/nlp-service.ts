import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { loadConfig } from '../src/config.js';
import { PROJECT_ROOT } from '../src/project.js';
import { createLogger } from '../src/logger.js';
import { CoreNlpClient } from '../src/nlp/corenlp-client.js';
import { buildCoreNlpService, startCoreNlpService } from '../src/nlp/corenlp-service.js';
import { peakRssMiB } from './machine.js';

/**
 * `npm run bench:nlp`: the CoreNLP service against the issue's budgets on this machine. Builds, starts
 * the service cold (launch to ready, warm-up included), then annotates the seed article and every
 * data/gold/**.txt once untimed, then three times each, warm, through the client the extraction uses.
 * A measurement, not a test: it fails nothing; the figures go to bench/results/nlp-service.json and
 * docs/extraction.md.
 */

const BUDGETS = { startMs: 180_000, heapGiB: 6, msPer1000Words: 10_000 };
const RUNS = 3;
const SEED = join(PROJECT_ROOT, 'data', 'seed', '000_d42a34f1ce22f931.txt');
/** What the figures depend on: `dirty` says whether any of it differs from the commit. */
const MEASURED_PATHS = ['tools/corenlp', 'src/java', 'src/nlp', 'bench/nlp-service.ts'];

function goldTexts(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
}

function heapGiB(heap: string): number {
  const units: Record<string, number> = { k: 1 / 1024 ** 2, m: 1 / 1024, g: 1 };
  return Number(heap.slice(0, -1)) * units[heap.slice(-1).toLowerCase()]!;
}

/** CPU time the process has used (user + system), in ms: unlike wall time, it does not grow when other work shares the cores. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticksPerSecond = 100; // USER_HZ, 100 on Linux
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

const oneDecimal = (values: number[]) => values.map((value) => Math.round(value * 10) / 10);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const loadAverageAtStart = oneDecimal(loadavg());
  const { nlp } = loadConfig();
  const log = createLogger('warn');
  const buildStart = performance.now();
  await buildCoreNlpService(log, nlp.javaHome);
  const buildMs = Math.round(performance.now() - buildStart);

  const launch = performance.now();
  const service = await startCoreNlpService({ heap: nlp.heap, startTimeoutMs: 600_000, javaHome: nlp.javaHome, log });
  const startMs = Math.round(performance.now() - launch);
  const rssAtReadyMiB = peakRssMiB(service.pid);
  const startCpuMs = Math.round(cpuMs(service.pid));
  console.log(`ready in ${(startMs / 1000).toFixed(1)} s, ${(startCpuMs / 1000).toFixed(1)} s of CPU (heap ${nlp.heap}, peak RSS so far ${rssAtReadyMiB} MiB)`);

  const client = new CoreNlpClient(service.url, 600_000);
  const articles: Array<{ file: string; words: number; runsMs: number[]; cpuMs: number[]; msPer1000Words: number; cpuMsPer1000Words: number }> = [];
  let peakRss: number | null = null;
  const files = [SEED, ...goldTexts(join(PROJECT_ROOT, 'data', 'gold'))];
  const dateOf = (file: string) => (file === SEED ? '2021-08-03' : undefined);
  try {
    // One untimed pass over every text first: the JIT is still compiling after the service's short warm-up,
    // and without it the first article measured pays for that (13 s per 1,000 words for the seed, then 6-7).
    for (const file of files) await client.annotate(readFileSync(file, 'utf8'), { date: dateOf(file) });
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const words = text.split(/\s+/).filter(Boolean).length;
      const runsMs: number[] = [];
      const runsCpuMs: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const [started, cpuBefore] = [performance.now(), cpuMs(service.pid)];
        await client.annotate(text, { date: dateOf(file) });
        runsMs.push(Math.round(performance.now() - started));
        runsCpuMs.push(Math.round(cpuMs(service.pid) - cpuBefore));
      }
      const msPer1000Words = Math.round((median(runsMs) / words) * 1000);
      const cpuMsPer1000Words = Math.round((median(runsCpuMs) / words) * 1000);
      articles.push({ file: relative(PROJECT_ROOT, file), words, runsMs, cpuMs: runsCpuMs, msPer1000Words, cpuMsPer1000Words });
      console.log(
        `${relative(PROJECT_ROOT, file)}: ${words} words, ${runsMs.join(' / ')} ms (CPU ${runsCpuMs.join(' / ')} ms): ${msPer1000Words} ms, CPU ${cpuMsPer1000Words} ms per 1,000 words`,
      );
    }
  } finally {
    peakRss = peakRssMiB(service.pid);
    await service.stop();
  }

  const totalWords = articles.reduce((sum, article) => sum + article.words, 0);
  const totalMedianMs = articles.reduce((sum, article) => sum + median(article.runsMs), 0);
  const overall = Math.round((totalMedianMs / totalWords) * 1000);
  const overallCpu = Math.round((articles.reduce((sum, article) => sum + median(article.cpuMs), 0) / totalWords) * 1000);
  const result = {
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain', '--', ...MEASURED_PATHS) !== '',
    dirtyMeans: `uncommitted changes under ${MEASURED_PATHS.join(', ')}`,
    date: new Date().toISOString(),
    machine: {
      nproc: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      loadAverageAtStart,
      loadAverageAtEnd: oneDecimal(loadavg()),
    },
    heap: nlp.heap,
    buildMs,
    startMs,
    startCpuMs,
    peakRssMiB: peakRss,
    rssAtReadyMiB,
    runsPerArticle: RUNS,
    untimedPassFirst: true,
    articles,
    overallMsPer1000Words: overall,
    overallCpuMsPer1000Words: overallCpu,
    budgets: BUDGETS,
    withinBudgets: {
      start: startMs < BUDGETS.startMs,
      heap: heapGiB(nlp.heap) <= BUDGETS.heapGiB,
      speed: articles.every((article) => article.msPer1000Words <= BUDGETS.msPer1000Words),
    },
  };
  mkdirSync(join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(PROJECT_ROOT, 'bench', 'results', 'nlp-service.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `overall ${overall} ms (CPU ${overallCpu} ms) per 1,000 words, median of ${RUNS} warm runs each; JVM peak RSS ${peakRss} MiB with -Xmx${nlp.heap}`,
  );
  console.log(`load average ${loadAverageAtStart.join(' ')} at start, ${result.machine.loadAverageAtEnd.join(' ')} at end, on ${cpus().length} cores`);
  console.log(`within budgets: ${JSON.stringify(result.withinBudgets)}; wrote bench/results/nlp-service.json`);
}

await main();
