import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import { GraphQLError } from 'graphql';
import { extractArticle } from '../extract/extract.js';
import type { ArticleInput } from '../extract/types.js';
import { slugOf } from '../extract/slugs.js';
import type { Annotator } from '../nlp/annotation.js';
import { NlpInputError, NlpUnavailableError } from '../nlp/corenlp-client.js';
import { createNlpEngine } from '../nlp/nlp-engine.js';
import { pino } from 'pino';
import { createLogger } from '../logger.js';
import { loadRuntime } from './runtime.js';

interface ExtractOptions {
  url?: string;
  title?: string;
  published?: string;
  source?: string;
  out?: string;
}

const HTML_FILE = /\.x?html?$/i;

/** The document id of a file's draft: its name, so `000_d42a34f1ce22f931.txt` drafts the seed's own document id. */
export function documentIdOfFile(file: string): string {
  return slugOf(basename(file, extname(file)), 'article');
}

function articleOf(file: string, options: ExtractOptions): ArticleInput {
  const content = readFileSync(file, 'utf8');
  return {
    ...(HTML_FILE.test(file) ? { html: content } : { text: content }),
    url: options.url ?? null,
    title: options.title ?? null,
    publishedAt: options.published ?? null,
    source: options.source ?? null,
    documentId: documentIdOfFile(file),
  };
}

function line(text: string): void {
  process.stderr.write(process.stderr.isTTY ? `\r\x1b[2K${text}` : `${text}\n`);
}

/** Reads every file before the engine starts (about a minute): a mistyped name is told at once, and the other files still go. */
function readInputs(files: string[], options: ExtractOptions): Array<{ file: string; input?: ArticleInput }> {
  return files.map((file) => {
    try {
      return { file, input: articleOf(file, options) };
    } catch (error) {
      console.error(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return { file };
    }
  });
}

async function extractFiles(inputs: Array<{ file: string; input?: ArticleInput }>, options: ExtractOptions, annotator: Annotator): Promise<number> {
  const files = inputs.map(({ file }) => file);
  const single = files.length === 1 && !options.out;
  if (options.out) mkdirSync(options.out, { recursive: true });
  let failed = 0;
  let entities = 0;
  let relations = 0;
  const started = Date.now();
  for (const [index, { file, input }] of inputs.entries()) {
    if (!input) {
      failed += 1;
      continue;
    }
    if (!single) line(`[${index + 1}/${files.length}] ${file}: extracting…`);
    try {
      const draft = await extractArticle(input, annotator);
      const json = `${JSON.stringify(draft.bundle, null, 2)}\n`;
      entities += draft.bundle.entities.length;
      relations += draft.bundle.relations.length;
      if (single) process.stdout.write(json);
      else writeFileSync(join(options.out!, `${basename(file, extname(file))}.bundle.json`), json);
      for (const warning of draft.warnings) console.error(`${file}: warning: ${warning}`);
      if (!single) line(`[${index + 1}/${files.length}] ${file}: ${draft.bundle.entities.length} entities, ${draft.bundle.relations.length} relations\n`);
    } catch (error) {
      failed += 1;
      // A refused article (no text, another language) or one the engine could not answer is reported and skipped; the others are still extracted.
      if (!(error instanceof GraphQLError) && !(error instanceof NlpUnavailableError) && !(error instanceof NlpInputError)) throw error;
      line(`${file}: ${(error as Error).message}\n`);
    }
  }
  if (!single) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.error(
      `${files.length - failed} of ${files.length} file(s) extracted into ${options.out}: ${entities} entities, ${relations} relations, ${seconds} s${failed ? `; ${failed} failed` : ''}.`,
    );
  }
  return failed;
}

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description(
      'Propose a draft bundle from raw articles (.txt, or .html reduced to the article): entities, relations and quotes, for review and ingest. Starts the local CoreNLP service (or uses NEWSGRAPH_CORENLP_URL).',
    )
    .argument('<files...>', 'article files: plain text, or HTML (.html, .htm)')
    .option('--url <url>', "the article's URL")
    .option('--title <title>', "the article's title")
    .option('--published <date>', 'publication date, YYYY-MM-DD: anchors "in August" or "on Tuesday"')
    .option('--source <name>', 'the outlet that published the article (the source of its unattributed statements)')
    .option('--out <dir>', 'write FILE.bundle.json drafts into this folder (needed for several files)')
    .action(async (files: string[], options: ExtractOptions) => {
      if (files.length > 1 && !options.out) throw new Error('several files need --out DIR for their drafts');
      const inputs = readInputs(files, options);
      if (inputs.every(({ input }) => !input)) {
        process.exitCode = 1;
        return;
      }
      const { config } = loadRuntime();
      // The draft goes to standard output: the logs must not.
      const engine = createNlpEngine(config, createLogger(config.logLevel, pino.destination(2)));
      try {
        if ((await extractFiles(inputs, options, engine)) > 0) process.exitCode = 1;
      } finally {
        await engine.stop();
      }
    });
}
