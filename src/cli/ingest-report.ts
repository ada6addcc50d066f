import type { IngestReport } from '../ingest/batch.js';

/** What one file's ingest did, as `newsgraph ingest` prints it: counts, then the matches and ambiguities worth a look. */
export function formatReport(file: string, report: IngestReport): string {
  const lines = [
    `${file}: ${report.documents} document(s), ${report.sources} source(s), ${report.reports} report(s)`,
    `  entities: ${report.entities.created} created, ${report.entities.matched} matched, ${report.entities.ambiguous} ambiguous`,
    `  relations: ${report.relations.created} created, ${report.relations.matched} matched`,
  ];
  for (const match of report.matches.filter((m) => m.by !== 'id').slice(0, 50)) {
    lines.push(
      match.by === 'merged'
        ? `  matched ${match.id} -> ${match.matchedId}: it was merged into it`
        : `  matched ${match.id} -> ${match.matchedId} by ${match.by} "${match.value ?? ''}"`,
    );
  }
  for (const ambiguity of report.ambiguities.slice(0, 50)) {
    lines.push(`  AMBIGUOUS ${ambiguity.id} ("${ambiguity.name}") could be ${ambiguity.candidates.join(', ')}: created separately, not merged`);
  }
  return lines.join('\n');
}
