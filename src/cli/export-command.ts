import { InvalidArgumentError, Option, type Command } from 'commander';
import { GraphQLError } from 'graphql';
import { pino } from 'pino';
import { EXPORT_FORMATS, runExport, type ExportFormat } from '../export/run-export.js';
import { createLogger } from '../logger.js';
import { isPartialDate, PARTIAL_DATE_HINT } from '../model/dates.js';
import type { Runtime, withDatabase } from './runtime.js';

export interface ExportCommandDeps {
  loadRuntime: () => Runtime;
  withDatabase: typeof withDatabase;
}

interface ExportOptions {
  format: ExportFormat;
  out?: string;
  document?: string;
  arrayDelimiter?: string;
  pageSize?: number;
  asOf?: string;
  minSources?: number;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a positive whole number.');
  return parsed;
}

function partialDate(value: string): string {
  if (!isPartialDate(value)) throw new InvalidArgumentError(`${PARTIAL_DATE_HINT}.`);
  return value;
}

// The API's bounds for minSources (src/schema/support/limits.ts), so both refuse the same values.
function sourceCount(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 1000) throw new InvalidArgumentError('expected a whole number from 1 to 1000.');
  return parsed;
}

/** `newsgraph export`: the graph (or one document) as NDJSON, a JSON bundle, GraphML, GEXF, Cytoscape JSON, FollowTheMoney or CSV for neo4j-admin. */
export function registerExportCommand(program: Command, deps: ExportCommandDeps): Command {
  return program
    .command('export')
    .description(
      'Export the graph: ndjson (the whole graph, re-importable), json (one document as a bundle), graphml (Gephi, yEd), gexf (Gephi), ' +
        'cytoscape (Cytoscape JSON), ftm (FollowTheMoney entities for Aleph) or csv (neo4j-admin import). See docs/exports.md.',
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).default('ndjson'))
    .option('-o, --out <path>', 'output file (default: stdout); for csv, the directory to write')
    .option('-d, --document <id>', 'export one document with what its reports cite (required for json; also for ndjson)')
    .option('--array-delimiter <char>', 'csv: the separator of array values and labels, passed to neo4j-admin (default ";")')
    .option('--page-size <n>', 'records read per query (default 5000; 100 for documents)', positiveInteger)
    .option('--as-of <date>', 'the graph as known on this date: only reports dated on or before it, and the facts they support', partialDate)
    .option('--min-sources <n>', 'only entities and relations with at least n independent sources (relations: and both their entities)', sourceCount)
    .action(async (options: ExportOptions) => {
      const runtime = deps.loadRuntime();
      // The data may go to stdout, so logs go to stderr.
      const log = createLogger(runtime.config.logLevel, pino.destination({ dest: 2, sync: true }));
      try {
        const summary = await deps.withDatabase({ ...runtime, log }, (db) =>
          runExport(db.executor, { ...options, filter: { asOf: options.asOf ?? null, minSources: options.minSources ?? null } }),
        );
        console.error(summary);
      } catch (error) {
        const systemError = error as NodeJS.ErrnoException;
        // The reader went away (`newsgraph export | head`): stop quietly, as Unix tools do.
        if (systemError.code === 'EPIPE') return;
        // Known problems (an unknown document, a bad option, the database down, a path that
        // cannot be written) are one line, not a stack.
        if (!(error instanceof GraphQLError) && systemError.syscall === undefined) throw error;
        console.error(`newsgraph: ${systemError.message}`);
        process.exitCode = 1;
      }
    });
}
