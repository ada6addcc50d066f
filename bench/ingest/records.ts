import type { IngestReport } from '../../src/ingest/batch.js';

/** The records a load wrote or matched: what an ingest rate counts, the same for every path. */
export function recordsLoaded(report: IngestReport): number {
  return (
    report.documents + report.sources + report.entities.created + report.entities.matched + report.relations.created + report.relations.matched + report.reports
  );
}
