import { aliasTextOf } from '../repositories/support/records.js';
import { CSV_FILES } from './csv-tables.js';

/**
 * Cypher for cypher-shell once the imported database runs: gives back the
 * one internal field the export leaves out, `aliasText` (the aliases joined,
 * what newsgraph's full-text index searches beside the name). In batches, so
 * a large graph is not one transaction.
 */
export const AFTER_IMPORT_CYPHER = `// newsgraph: run once after neo4j-admin import (cypher-shell -f after-import.cypher).
// The CSV export leaves out aliasText, an internal copy of the aliases for the full-text index; this makes it again.
MATCH (e:Entity)
CALL (e) { SET e.aliasText = ${aliasTextOf('coalesce(e.aliases, [])')} } IN TRANSACTIONS OF 10000 ROWS;
`;

/**
 * The `neo4j-admin database import full` command for a CSV export, as
 * import.sh and in README.txt. Files without a :LABEL column get their label
 * here (`--nodes=Label=file`); relationship files carry :TYPE.
 */
export function importArguments(arrayDelimiter: string): string[] {
  return [
    `--nodes=${CSV_FILES.entities}`,
    `--nodes=Source=${CSV_FILES.sources}`,
    `--nodes=Document=${CSV_FILES.documents}`,
    `--nodes=Claim=${CSV_FILES.claims}`,
    `--nodes=NameKey=${CSV_FILES.nameKeys}`,
    `--relationships=${CSV_FILES.relations}`,
    `--relationships=${CSV_FILES.entityReports}`,
    `--relationships=${CSV_FILES.claimReports}`,
    `--relationships=${CSV_FILES.names}`,
    `--array-delimiter=${shellQuote(arrayDelimiter)}`,
    '--multiline-fields=true',
    '--overwrite-destination=true',
  ];
}

/** Single quotes for the shell, which keep everything but a single quote literal. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'"'"'`)}'`;
}

export function importCommand(arrayDelimiter: string, database = 'neo4j'): string {
  return [`neo4j-admin database import full ${database}`, ...importArguments(arrayDelimiter)].join(' \\\n  ');
}

export function importScript(arrayDelimiter: string): string {
  return `#!/bin/sh
# Loads this export into a new Neo4j database (default: neo4j), replacing it.
# Stop the database first; afterwards run \`newsgraph migrate\` for the constraints and indexes.
set -e
cd "$(dirname "$0")"
${importCommand(arrayDelimiter, '"${1:-neo4j}"')}
`;
}

export function importReadme(arrayDelimiter: string, counts: Record<string, number>): string {
  const files = Object.entries(CSV_FILES)
    .map(([kind, file]) => `  ${file.padEnd(20)} ${counts[kind] ?? 0} rows`)
    .join('\n');
  return `newsgraph CSV export, for neo4j-admin database import (Neo4j 5).

Files:
${files}

Fields follow RFC 4180 (quoted when they contain a comma, quote or line break;
quotes doubled). An empty field is a missing property, "" an empty string;
array elements and multiple labels are separated by ${JSON.stringify(arrayDelimiter)}. neo4j-admin
cannot write an empty list, so an entity without aliases gets no aliases
property; newsgraph reads that as no aliases.

To load it into a stopped database (this replaces the database), run
./import.sh [database], or from this directory:

${importCommand(arrayDelimiter)}

Then start Neo4j and run \`newsgraph migrate\`: neo4j-admin creates no
constraints or indexes, and newsgraph relies on them (ids, name keys,
full-text search). For newsgraph's search by alias, also run
after-import.cypher once (cypher-shell -f after-import.cypher): the export
leaves out aliasText, an internal copy of the aliases the search index reads.

Entities and relations carry sourceCount, independentSourceCount and status
(CORROBORATED, SINGLE_SOURCE, DISPUTED or UNSOURCED), as of the export's
--as-of date when one was given.
`;
}
