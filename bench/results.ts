import { TARGETS, type Knobs, type ScaleName } from './config.js';
import type { ContenderName } from './contenders.js';
import type { IngestResults } from './ingest/run.js';
import type { MachineInfo } from './machine.js';
import type { WorkloadResult } from './run-workloads.js';
import { MAX_FILTER_RATIO, type VariantName } from './filters.js';
import type { Latency } from './measure.js';

/** One run's result file (bench/results/<scale>-<date>.json), from which the markdown is written. */
export interface BenchResult {
  scale: ScaleName;
  /** A run measured apart from the plain one (e.g. with a proposed change); it gets its own section. */
  label?: string;
  entities: number;
  command: string;
  machine: MachineInfo;
  neo4jMode: 'given' | 'embedded';
  neo4jMemory: { heap: string; pageCache: string };
  knobs: Knobs;
  graph: { nodes: number; relationships: number; entities: number };
  load: { records: number; seconds: number; recordsPerSecond: number };
  hubs: Array<{ id: string; degree: number }>;
  ingest: IngestResults | null;
  workloads: WorkloadResult[];
  neo4jPeakRssMiB: number | null;
  loadAverageAtEnd: number[];
  seconds: number;
  /** The filtered variants' ratios against the unfiltered workload (filterTargets), as written when the run ended. */
  targets?: FilterTarget[];
  /** Which generated stream the ingest comparison loaded: with follow-up reports (the default since issue 16) or without (--plain-ingest, as the runs before). */
  ingestStream?: 'with follow-ups' | 'without follow-ups';
  /** The commit the run measured, and whether the working tree had changes beside it (others edit it meanwhile). */
  commit?: { id: string; dirty: string[]; note?: string };
}

/** One filtered variant of a workload against the same workload unfiltered, newsgraph alone, same run. */
export interface FilterTarget {
  workload: string;
  /** The parameter values asked: the workload's own, or (q1, q3) entities both filters keep. */
  params: string;
  variant: string;
  against: 'unfiltered';
  /** The paired ratio decides: the median, over the timed rounds, of filtered / unfiltered time for the same parameter. */
  metric: 'paired median latency';
  ratio: number | null;
  /** The ratio of the two p50s, for comparison. */
  p50Ratio: number | null;
  /** minSources: the issue's 1.2; asOf: none (it counts from the reports, and is reported). */
  limit: number | null;
  met: boolean | null;
}

export interface TargetCheck {
  target: string;
  workload: string;
  ratio: number | null;
  limit: string;
  met: boolean | null;
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 ? Math.round((a / b) * 100) / 100 : null);

export function p50Ratio(workload: WorkloadResult, of: ContenderName, to: ContenderName): number | null {
  return ratio(workload.latency[of]?.p50, workload.latency[to]?.p50);
}

/**
 * The median, over the timed rounds, of one contender's time divided by the
 * other's for the same request (same round, same parameter). Where the
 * parameters' costs differ by orders of magnitude (q3 at L: a few ms to 10 s),
 * the p50 of each contender is whichever request lands in the middle, and
 * their ratio mostly compares different requests; this compares like with
 * like. Null for result files written before the samples were kept.
 */
export function pairedRatio(workload: WorkloadResult, of: ContenderName, to: ContenderName): number | null {
  return pairedMedian(workload.latency[of], workload.latency[to]);
}

/** The median over the rounds of one latency's time divided by the other's in the same round. */
export function pairedMedian(of: Latency | undefined, to: Latency | undefined): number | null {
  const mine = of?.inRoundOrder;
  const theirs = to?.inRoundOrder;
  if (!mine || !theirs || mine.length !== theirs.length || mine.length === 0) return null;
  const ratios = mine.map((ms, i) => ms / theirs[i]!).sort((a, b) => a - b);
  const middle = ratios.length / 2;
  const median = ratios.length % 2 ? ratios[Math.floor(middle)]! : (ratios[middle - 1]! + ratios[middle]!) / 2;
  return Math.round(median * 100) / 100;
}

/** Each workload's filtered variants against its unfiltered run: minSources against the issue's limit, asOf reported only. */
export function filterTargets(result: BenchResult): FilterTarget[] {
  const targets: FilterTarget[] = [];
  for (const w of result.workloads) {
    for (const f of w.filters ?? []) {
      const unfiltered = f.variants.unfiltered.latency;
      for (const name of ['minSources', 'asOf'] as VariantName[]) {
        const variant = f.variants[name].latency;
        const paired = pairedMedian(variant, unfiltered);
        const limit = name === 'minSources' ? MAX_FILTER_RATIO : null;
        targets.push({
          workload: w.id,
          params: f.drawn,
          variant: name === 'minSources' ? `minSources: ${f.minSources}` : `asOf: ${f.asOf}`,
          against: 'unfiltered',
          metric: 'paired median latency',
          ratio: paired,
          p50Ratio: ratio(variant?.p50, unfiltered?.p50),
          limit,
          met: limit === null || paired === null ? null : paired <= limit,
        });
      }
    }
  }
  return targets;
}

/** The issue's targets, checked against one run. Latency targets compare p50; ingest compares records per second. */
export function checkTargets(result: BenchResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const w of result.workloads.filter((workload) => !workload.baseline)) {
    if ((TARGETS.rawTargetWorkloads as readonly string[]).includes(w.id)) {
      const r = p50Ratio(w, 'newsgraph', 'raw');
      checks.push({ target: 'newsgraph p50 / raw Cypher p50', workload: w.id, ratio: r, limit: `≤ ${TARGETS.maxRatioToRaw}`, met: r === null ? null : r <= TARGETS.maxRatioToRaw });
    }
    const r = p50Ratio(w, 'newsgraph', 'neo4j-graphql');
    checks.push({ target: 'newsgraph p50 / @neo4j/graphql p50', workload: w.id, ratio: r, limit: `≤ ${TARGETS.maxRatioToNeo4jGraphql}`, met: r === null ? null : r <= TARGETS.maxRatioToNeo4jGraphql });
  }
  if (result.ingest) {
    const full = result.ingest.full.runs;
    const share = ratio(full.newsgraph?.recordsPerSecond, full.raw?.recordsPerSecond);
    checks.push({ target: 'newsgraph ingest rate / raw UNWIND rate', workload: 'ingest', ratio: share, limit: `≥ ${TARGETS.minIngestShareOfRaw}`, met: share === null ? null : share >= TARGETS.minIngestShareOfRaw });
    const prefix = result.ingest.prefix.runs;
    const time = ratio(prefix['neo4j-graphql']?.recordsPerSecond, prefix.newsgraph?.recordsPerSecond);
    checks.push({ target: 'newsgraph ingest time / @neo4j/graphql ingest time (prefix)', workload: 'ingest', ratio: time, limit: `≤ ${TARGETS.maxRatioToNeo4jGraphql}`, met: time === null ? null : time <= TARGETS.maxRatioToNeo4jGraphql });
  }
  for (const t of filterTargets(result)) {
    checks.push({ target: `newsgraph ${t.variant} / unfiltered (paired)${t.params === 'as the workload' ? '' : `, parameters ${t.params}`}`, workload: t.workload, ratio: t.ratio, limit: t.limit === null ? 'reported, no limit' : `≤ ${t.limit}`, met: t.met });
  }
  return checks;
}
