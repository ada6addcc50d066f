import type { Knobs, ScaleName } from './config.js';
import type { ContenderName } from './contenders.js';
import type { IngestResults } from './ingest/run.js';
import type { MachineInfo } from './machine.js';
import type { WorkloadResult } from './run-workloads.js';
import { MAX_FILTER_RATIO, type VariantName } from './filters.js';
import type { Latency } from './measure.js';
import type { Target } from './targets.js';
import type { ColdStart } from './cold-start.js';
import type { ApiMemory } from './api-memory.js';
import type { ApiIngestComparison } from './ingest/api-ingest.js';

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
  /** Issue 19's targets against this run (bench/targets.ts). */
  targets: Target[];
  /** Issue 16's filtered variants against the unfiltered workload (filterTargets), newsgraph alone. */
  filterTargets?: FilterTarget[];
  /** A newsgraph instance started on the loaded graph: launch to /ready, then each workload's first answer (bench/cold-start.ts). */
  coldStart?: ColdStart;
  /** The API's RSS across a long run at many clients (bench/api-memory.ts). */
  apiMemory?: ApiMemory;
  /** The stream loaded through `ingestBundle` over HTTP against raw UNWIND batches and the bulk path (bench/ingest/api-ingest.ts). */
  apiIngest?: ApiIngestComparison;
  /** Which generated stream the ingest comparison loaded: with follow-up reports (the default since issue 16) or without (--plain-ingest, as the runs before). */
  ingestStream?: 'with follow-ups' | 'without follow-ups';
  /** The HEAD the run measured, and whether the tree differed from it where code lives (bench/git-state.ts). */
  commit: string;
  dirty: boolean;
  dirtyFiles: string[];
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
  /** minSources: the 1.2; asOf: none (it counts from the reports, and is reported). */
  limit: number | null;
  met: boolean | null;
}

/** Ratios are rounded to hundredths for the reports; a target's verdict takes them unrounded (`exact`), so 1.254 never passes 1.25. */
const ratio = (a: number | undefined, b: number | undefined, exact = false) =>
  a !== undefined && b !== undefined && b > 0 ? (exact ? a / b : Math.round((a / b) * 100) / 100) : null;

export function p50Ratio(workload: WorkloadResult, of: ContenderName, to: ContenderName, exact = false): number | null {
  return ratio(workload.latency[of]?.p50, workload.latency[to]?.p50, exact);
}

/**
 * The median, over the timed rounds, of one contender's time divided by the
 * other's for the same request (same round, same parameter). Where the
 * parameters' costs differ by orders of magnitude (q3 at L: a few ms to 10 s),
 * the p50 of each contender is whichever request lands in the middle, and
 * their ratio mostly compares different requests; this compares like with
 * like. Null for result files written before the samples were kept.
 */
export function pairedRatio(workload: WorkloadResult, of: ContenderName, to: ContenderName, exact = false): number | null {
  return pairedMedian(workload.latency[of], workload.latency[to], exact);
}

/** The median over the rounds of one latency's time divided by the other's in the same round. */
export function pairedMedian(of: Latency | undefined, to: Latency | undefined, exact = false): number | null {
  const mine = of?.inRoundOrder;
  const theirs = to?.inRoundOrder;
  if (!mine || !theirs || mine.length !== theirs.length || mine.length === 0) return null;
  const ratios = mine.map((ms, i) => ms / theirs[i]!).sort((a, b) => a - b);
  const middle = ratios.length / 2;
  const median = ratios.length % 2 ? ratios[Math.floor(middle)]! : (ratios[middle - 1]! + ratios[middle]!) / 2;
  return exact ? median : Math.round(median * 100) / 100;
}

/** Each workload's filtered variants against its unfiltered run: minSources against the limit, asOf reported only. */
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
