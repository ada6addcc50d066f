#!/usr/bin/env node
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { ensureLauncherBuilt, startEmbeddedNeo4j } from '../db/embedded.js';
import { PROJECT_ROOT } from '../project.js';
import { embeddedOptions } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { assertEmbeddedFree, claimEmbedded } from './embedded-busy.js';
import { loadRuntime, onShutdownSignal, reportFatal, withDatabase } from './runtime.js';
import { registerExportCommand } from './export-command.js';
import { registerExtractCommand } from './extract-command.js';
import { registerIngestCommand } from './ingest-command.js';
import { registerNlpCommand } from './nlp-command.js';
import { serve } from './serve.js';
import { registerWatchCommand } from './watch-command.js';

const program = new Command()
  .name('newsgraph')
  .description('A knowledge graph of the news: who did what with whom, where, and who reported it.')
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the GraphQL API (on NEO4J_URI, or on the embedded Neo4j when it is unset).')
  .action(() => serve(loadRuntime()));

program
  .command('migrate')
  .description('Apply the constraints and indexes in cypher/ (idempotent).')
  .action(() => {
    const runtime = loadRuntime();
    return withDatabase(runtime, async (db) => {
      const { statements } = await migrate(db.executor);
      console.log(`Applied ${statements} schema statements to ${db.uri}.`);
    });
  });

const db = program.command('db').description('Manage the embedded Neo4j.');

db.command('build')
  .description('Build the embedded Neo4j launcher with Maven now (otherwise it is built on first use).')
  .action(() => {
    const { config, log } = loadRuntime();
    ensureLauncherBuilt(log, config.embedded.javaHome);
    console.log('The embedded Neo4j launcher is built.');
  });

db.command('start')
  .description('Run the embedded Neo4j alone, in the foreground, until Ctrl-C.')
  .action(async () => {
    const { config, log } = loadRuntime();
    await assertEmbeddedFree({ ...config, neo4j: { ...config.neo4j, uri: undefined } });
    const neo4j = await startEmbeddedNeo4j(embeddedOptions(config, log));
    claimEmbedded(config, { command: 'db start', bolt: neo4j.uri });
    console.log(`Embedded Neo4j listening on ${neo4j.uri} (NEO4J_URI=${neo4j.uri}). Ctrl-C stops it.`);
    onShutdownSignal(log, () => neo4j.stop());
  });

program
  .command('schema:print')
  .description('Print the GraphQL SDL and the bundle JSON Schema into schema/ (or check them with --check).')
  .option('--check', 'exit 1 when a file in schema/ is stale instead of writing it')
  .action(async (options: { check?: boolean }) => {
    const { printSortedSchema } = await import('../schema/index.js');
    const { printBundleJsonSchema } = await import('../model/json-schema.js');
    const files: Array<[string, string]> = [
      ['schema.graphql', printSortedSchema()],
      ['bundle.schema.json', printBundleJsonSchema()],
    ];
    for (const [name, printed] of files) {
      const file = join(PROJECT_ROOT, 'schema', name);
      if (!options.check) {
        writeFileSync(file, printed);
        console.log(`Wrote ${file}`);
      } else if (!existsSync(file) || readFileSync(file, 'utf8') !== printed) {
        console.error(`schema/${name} is stale: run \`npm run schema:print\`.`);
        process.exitCode = 1;
      }
    }
  });

registerIngestCommand(program);
registerNlpCommand(program);
registerExtractCommand(program);
registerExportCommand(program, { loadRuntime, withDatabase });
registerWatchCommand(program);

program.parseAsync(process.argv).catch(reportFatal);
