import neo4j, { type Driver } from 'neo4j-driver';
import type { Contender } from './contenders.js';
import { interleavedLatency, type Asker, type Latency } from './measure.js';
import { measureCosts, type CaptureSetup, type CostFigures } from './round-trips.js';
import { ANSWER_SIZE, filteredWorkload, type Params, type Workload } from './workloads.js';

/**
 * newsgraph's read filters (issue 16), measured against the same workload
 * without them, in the same run: for each of q1..q5, newsgraph alone (the
 * other contenders have no such filters) is asked the workload unfiltered,
 * with `minSources: 2` and with `asOf` (a date in the middle of the reports'
 * dates), interleaved round by round on the same parameter, so the ratio
 * filtered / unfiltered is paired like the contenders' ratios. The issue's
 * limit, 1.2x, is on minSources (whose counts are kept at write time); asOf
 * counts from the reports and is reported without a limit.
 */

export type VariantName = 'unfiltered' | 'minSources' | 'asOf';
export const VARIANTS: VariantName[] = ['unfiltered', 'minSources', 'asOf'];
export const MIN_SOURCES = 2;
/** The limit on minSources: 2 against the unfiltered workload. */
export const MAX_FILTER_RATIO = 1.2;

export interface VariantResult {
  /** The GraphQL query newsgraph was sent (its variables: the workload's, plus the filter's). */
  query: string;
  /** The first error, if newsgraph failed on any parameter: then the variant is not timed. */
  failed: string | null;
  /** How many of the parameter values found anything, and the mean size of the answers (ANSWER_SIZE's unit). */
  found: number;
  meanSize: number;
  latency?: Latency;
  costs?: CostFigures;
}

export interface FilterResult {
  /** Which parameter values were asked: the workload's own, or entities drawn among those both filters keep (params.ts). */
  drawn: 'as the workload' | 'among entities both filters keep';
  asOf: string;
  minSources: number;
  /** What the answer sizes count (relations, nodes, hops, hits, totalCount). */
  unit: string;
  params: number;
  warmup: number;
  timed: number;
  /** Set when the time budget asked fewer timed rounds than the run's knobs. */
  budgetNote?: string;
  variants: Record<VariantName, VariantResult>;
  seconds: number;
}

/**
 * The middle of the reports' dates, as a day: the graph "as of" then holds
 * about the first half of the stream, and some facts it holds are
 * corroborated only later.
 */
export async function middleReportDate(driver: Driver, database: string): Promise<string> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(
      'MATCH ()-[rb:REPORTED_BY]->() WHERE rb.reportedAt IS NOT NULL RETURN min(rb.reportedAt) AS first, max(rb.reportedAt) AS last',
    );
    const first = result.records[0]?.get('first') as string | null;
    const last = result.records[0]?.get('last') as string | null;
    if (!first || !last) throw new Error('no dated report in the graph');
    const day = (date: string) => Date.parse(`${date.padEnd(10, '-01').slice(0, 10)}T00:00:00Z`);
    return new Date((day(first) + day(last)) / 2).toISOString().slice(0, 10);
  } finally {
    await session.close();
  }
}

export interface FilterRunContext {
  newsgraph: Contender;
  capture: CaptureSetup;
  driver: Driver;
  database: string;
  warmup: number;
  timed: number;
  profiled: number;
  /** Seconds the timed rounds of one workload may take, estimated from the answer pass; fewer rounds beyond it. */
  budgetSeconds: number;
  asOf: string;
  drawn: FilterResult['drawn'];
  progress: (line: string) => void;
}

/** Null for a workload whose fields take no filter (the q0 baseline). */
export async function measureFilters(workload: Workload, params: Params[], context: FilterRunContext): Promise<FilterResult | null> {
  const started = performance.now();
  const size = ANSWER_SIZE[workload.id];
  const minSources = filteredWorkload(workload, 'minSources', MIN_SOURCES);
  const asOf = filteredWorkload(workload, 'asOf', context.asOf);
  if (!size || !minSources || !asOf) return null;
  const workloads: Record<VariantName, Workload> = { unfiltered: workload, minSources, asOf };
  const { newsgraph } = context;

  // Every parameter of every variant once: the answers' sizes, any failure, and each variant's time for the budget.
  const variants = {} as Record<VariantName, VariantResult>;
  const answerMs: Record<VariantName, number> = { unfiltered: 0, minSources: 0, asOf: 0 };
  for (const name of VARIANTS) {
    const w = workloads[name];
    let found = 0;
    let total = 0;
    let failed: string | null = null;
    for (const p of params) {
      const askStarted = performance.now();
      try {
        const answer = size.of(await newsgraph.ask(w, p));
        if (answer.found) found++;
        total += answer.size;
      } catch (error) {
        failed = `${JSON.stringify(p)}: ${(error as Error).message.slice(0, 300)}`;
        break;
      }
      answerMs[name] += performance.now() - askStarted;
    }
    variants[name] = { query: w.newsgraph.query(params[0]!), failed, found, meanSize: Math.round((total / params.length) * 10) / 10 };
    if (failed) context.progress(`  ${workload.id} ${name}: newsgraph failed, not timed: ${failed}`);
  }

  const timedVariants = VARIANTS.filter((name) => variants[name].failed === null);
  const roundMs = timedVariants.reduce((sum, name) => sum + answerMs[name] / params.length, 0);
  const affordable = Math.floor((context.budgetSeconds * 1000) / Math.max(roundMs, 0.001));
  const timed = Math.max(20, Math.min(context.timed, affordable));
  const warmup = Math.min(context.warmup, Math.max(params.length, Math.round(timed / 5)));
  const budgetNote =
    timed < context.timed
      ? `${timed} timed rounds (not ${context.timed}) and ${warmup} warm-up: one round of the three variants took ${Math.round(roundMs)} ms in the answer pass, and a workload's filter rounds are kept to about ${context.budgetSeconds} s`
      : undefined;

  const askers = timedVariants.map((name): Asker<Params> => [name, (p) => newsgraph.ask(workloads[name], p)]);
  const latency = await interleavedLatency(askers, params, warmup, timed);
  for (const name of timedVariants) variants[name].latency = latency[name];

  for (const name of timedVariants) {
    const costs = await measureCosts(context.capture, context.driver, context.database, workloads[name], params, context.profiled, new Set(['newsgraph']));
    variants[name].costs = costs.newsgraph;
  }
  const result: FilterResult = {
    drawn: context.drawn,
    asOf: context.asOf,
    minSources: MIN_SOURCES,
    unit: size.unit,
    params: params.length,
    warmup,
    timed,
    budgetNote,
    variants,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  const line = timedVariants
    .map((name) => `${name} p50 ${variants[name].latency?.p50} ms (${variants[name].found}/${params.length} found, ${variants[name].meanSize} ${size.unit})`)
    .join(', ');
  context.progress(`  ${workload.id} filters, parameters ${context.drawn} (${result.seconds} s, ${timed} rounds): ${line}`);
  return result;
}
