import type { Command } from 'commander';
import { buildCoreNlpService } from '../nlp/corenlp-service.js';
import { loadRuntime } from './runtime.js';

/** `newsgraph nlp build`: the CoreNLP service's counterpart of `newsgraph db build`. */
export function registerNlpCommand(program: Command): void {
  const nlp = program.command('nlp').description('Manage the local CoreNLP service that extraction uses.');

  nlp
    .command('build')
    .description('Build the CoreNLP service with Maven now (otherwise it is built on first use).')
    .action(async () => {
      const { config, log } = loadRuntime();
      await buildCoreNlpService(log, config.nlp.javaHome);
      console.log('The CoreNLP service is built.');
    });
}
