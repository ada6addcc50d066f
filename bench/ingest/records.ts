import type { IngestReport } from '../../src/ingest/batch.js';

/** The records a load wrote or matched: what an ingest rate counts, the same for every path. */
export function recordsLoaded(report: IngestReport): number {
  return (
    report.documents + report.sources + report.entities.created + report.entities.matched + report.relations.created + report.relations.matched + report.reports
  );
}

/** What every timed load of a stream reports. */
export interface LoadFigures {
  records: number;
  seconds: number;
  recordsPerSecond: number;
  peakRssMiB: number | null;
}

/** A contender's loads of one stream as one: the mean time (the rate from it), the highest peak, each load's rate, the last load's other fields. */
export function meanOfLoads<T extends LoadFigures>(list: readonly T[]): T & { repeats: number[] } {
  const seconds = list.reduce((sum, run) => sum + run.seconds, 0) / list.length;
  const peaks = list.map((run) => run.peakRssMiB).filter((peak): peak is number => peak !== null);
  return {
    ...list[list.length - 1]!,
    seconds,
    recordsPerSecond: Math.round(list[0]!.records / seconds),
    peakRssMiB: peaks.length ? Math.max(...peaks) : null,
    repeats: list.map((run) => run.recordsPerSecond),
  };
}
