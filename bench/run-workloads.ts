import { difference } from './answers.js';
import type { KnobOverride, Knobs } from './config.js';
import type { Contender, ContenderName } from './contenders.js';
import { measureLatency, measureThroughput, type Latency, type Throughput } from './measure.js';
import { peakRssMiB, resetPeakRss } from './machine.js';
import type { WorkloadParams } from './params.js';
import { measureCosts, type CaptureSetup, type CostFigures } from './round-trips.js';
import type { Params, Workload, WorkloadId } from './workloads.js';
import type { Driver } from 'neo4j-driver';
import type { FilterResult } from './filters.js';

/** Everything measured for one workload at one scale. */
export interface WorkloadResult {
  id: WorkloadId;
  title: string;
  baseline?: boolean;
  /**
   * Per contender: null when its answers matched newsgraph's on every
   * parameter, else the first difference. For newsgraph itself, the first
   * error it answered with: then nobody is timed, as there is no reference.
   */
  answers: Record<ContenderName, string | null>;
  latency: Partial<Record<ContenderName, Latency>>;
  throughput: Partial<Record<ContenderName, Record<number, Throughput>>>;
  peakRssMiB: Partial<Record<ContenderName, number | null>>;
  costs: Partial<Record<ContenderName, CostFigures>>;
  /** Set when this scale asks this workload fewer requests than the run's knobs. */
  override?: KnobOverride;
  /**
   * newsgraph alone, unfiltered against minSources: 2 and asOf, interleaved
   * (filters.ts): on the workload's parameters, and for q1 and q3 also on
   * entities both filters keep; absent where no field takes them.
   */
  filters?: FilterResult[];
  seconds: number;
}

/** How a contender's error is recorded in place of a difference (the report tells the two apart by `: failed: `). */
export const FAILED = ': failed: ';
const failure = (p: Params, error: unknown) => `${JSON.stringify(p)}${FAILED}${(error as Error).message.slice(0, 300)}`;

/**
 * Asks every parameter of a workload of every contender; returns the first
 * difference from the reference's (the first contender's) answer, per
 * contender. An error from the reference is reported on the reference, and
 * the check stops there: a failure is a finding, not a crash of the run.
 */
export async function checkAnswers(contenders: Contender[], workload: Workload, params: Params[]): Promise<Record<ContenderName, string | null>> {
  const found = Object.fromEntries(contenders.map((c) => [c.name, null])) as Record<ContenderName, string | null>;
  const [referenceContender] = contenders;
  for (const p of params) {
    let reference: Awaited<ReturnType<Contender['ask']>>;
    try {
      reference = await referenceContender!.ask(workload, p);
    } catch (error) {
      found[referenceContender!.name] = failure(p, error);
      return found;
    }
    for (const contender of contenders.slice(1)) {
      if (found[contender.name]) continue;
      let answer: Awaited<ReturnType<Contender['ask']>>;
      try {
        answer = await contender.ask(workload, p);
      } catch (error) {
        found[contender.name] = failure(p, error);
        continue;
      }
      const diff = difference(reference, answer);
      if (diff) found[contender.name] = `${JSON.stringify(p)}: ${diff}`;
    }
  }
  return found;
}

export interface WorkloadRunContext {
  contenders: Contender[];
  /** Server pids per contender (for peak RSS); the raw contender has none. */
  pids: Partial<Record<ContenderName, number>>;
  capture: CaptureSetup;
  driver: Driver;
  database: string;
  knobs: Knobs;
  override?: KnobOverride;
  progress: (line: string) => void;
}

export async function runWorkload(workload: Workload, params: WorkloadParams, context: WorkloadRunContext): Promise<WorkloadResult> {
  const started = performance.now();
  const { contenders, progress, override } = context;
  const knobs = { ...context.knobs, ...override?.knobs };
  const values = params[workload.id];
  const phases: string[] = [];
  let mark = performance.now();
  const phase = (name: string) => {
    phases.push(`${name} ${((performance.now() - mark) / 1000).toFixed(1)} s`);
    mark = performance.now();
  };
  const answers = await checkAnswers(contenders, workload, values);
  phase('answers');
  const referenceFailed = answers[contenders[0]!.name] !== null;
  for (const [name, diff] of Object.entries(answers))
    if (diff)
      progress(
        `  ${workload.id}: ${name} ${referenceFailed ? 'failed, nobody timed' : diff.includes(FAILED) ? 'failed, not timed' : 'answers differently, not timed'}: ${diff}`,
      );
  // Only contenders that gave newsgraph's answers are timed, and nobody when newsgraph itself failed.
  const timed = referenceFailed ? [] : contenders.filter((c) => answers[c.name] === null);
  for (const pid of Object.values(context.pids)) resetPeakRss(pid);
  const latency = await measureLatency(timed, workload, values, knobs.warmup, knobs.timed);
  phase('latency');
  const throughput = workload.baseline ? {} : await measureThroughput(timed, workload, values, knobs.concurrency, knobs.throughputSeconds);
  phase('throughput');
  const peak = Object.fromEntries(Object.entries(context.pids).map(([name, pid]) => [name, peakRssMiB(pid)]));
  const costs =
    workload.baseline || referenceFailed
      ? {}
      : await measureCosts(context.capture, context.driver, context.database, workload, values, knobs.profiled, new Set(timed.map((c) => c.name)));
  phase('profile');
  const result: WorkloadResult = {
    id: workload.id,
    title: workload.title,
    baseline: workload.baseline,
    answers,
    latency,
    throughput,
    peakRssMiB: peak,
    costs,
    override,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  const line = timed.map((c) => `${c.name} p50 ${latency[c.name]?.p50} ms`).join(', ');
  progress(`  ${workload.id} (${result.seconds} s: ${phases.join(', ')}): ${line}`);
  return result;
}
