/**
 * npm run eval:extract [-- --check | --record] [--out FILE]
 *
 * Extracts a draft from every gold document with the real language engine
 * (the local CoreNLP service, or NEWSGRAPH_CORENLP_URL), scores it against the
 * hand-annotated bundle, prints a table and writes a JSON result. --check
 * fails when a total score drops more than 0.02 below data/gold/eval-baseline.json;
 * --record writes that baseline. Definitions: docs/extraction.md, ## Evaluation.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadRuntime } from '../../src/cli/runtime.js';
import { PROJECT_ROOT } from '../../src/project.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import type { Annotator } from '../../src/nlp/annotation.js';
import { createNlpEngine } from '../../src/nlp/nlp-engine.js';
import { checkedScores, regressions, type Baseline } from './baseline.js';
import { loadGoldSet, type GoldDocument } from './gold-set.js';
import { gitState } from './git-state.js';
import { scoreDraft, type DocumentScore } from './score-document.js';
import { documentRow, formatTable } from './table.js';
import { totalsByGroup } from './totals.js';

const BASELINE = join(PROJECT_ROOT, 'data', 'gold', 'eval-baseline.json');
const DEFAULT_OUT = join(PROJECT_ROOT, 'bench', 'results', 'extract-eval.json');

type ExtractDraft = (input: { text: string; title?: string | null; publishedAt?: string | null; documentId?: string }, annotator: Annotator) => Promise<Bundle>;

interface Options {
  check: boolean;
  record: boolean;
  out: string;
}

function parseOptions(args: string[]): Options {
  const options: Options = { check: false, record: false, out: DEFAULT_OUT };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--check') options.check = true;
    else if (arg === '--record') options.record = true;
    else if (arg === '--out' && args[i + 1]) options.out = args[++i]!;
    else throw new Error(`unknown option ${arg}; usage: npm run eval:extract [-- --check | --record] [--out FILE]`);
  }
  if (options.check && options.record) throw new Error('--check and --record exclude each other');
  return options;
}

/** The pipeline is loaded when the run starts, so the scorer and its tests stand without it. */
async function loadPipeline(): Promise<ExtractDraft> {
  const module = (await import('../../src/extract/extract.js')) as { extractDraft?: ExtractDraft };
  if (typeof module.extractDraft !== 'function') throw new Error('src/extract/extract.ts exports no extractDraft(input, annotator)');
  return module.extractDraft;
}

async function scoreAll(documents: GoldDocument[], extractDraft: ExtractDraft, annotator: Annotator) {
  const scored: Array<DocumentScore & { name: string; group: string; seconds: number }> = [];
  for (const [index, doc] of documents.entries()) {
    process.stderr.write(`[${index + 1}/${documents.length}] ${doc.group} ${doc.name}: extracting…\n`);
    const started = performance.now();
    const { document } = doc.gold;
    const draft = await extractDraft(
      { text: doc.text, title: document.title ?? null, publishedAt: document.publishedAt ?? null, documentId: document.id },
      annotator,
    );
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    scored.push({ name: doc.name, group: doc.group, seconds, ...scoreDraft(draft, doc.gold) });
  }
  return scored;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const baseline = options.check ? readBaseline() : undefined;
  const documents = loadGoldSet();
  const extractDraft = await loadPipeline();
  const runtime = loadRuntime();
  const engine = createNlpEngine(runtime.config, runtime.log);
  let scored;
  try {
    scored = await scoreAll(documents, extractDraft, engine);
  } finally {
    await engine.stop();
  }
  const totals = totalsByGroup(scored);
  console.log(
    formatTable(
      scored.map((score) => documentRow(score.name, score.group, score)),
      totals,
    ),
  );

  const git = gitState(PROJECT_ROOT);
  const scores = checkedScores(totals);
  const found = baseline ? regressions(scores, baseline) : [];
  const result = { ...git, generatedAt: new Date().toISOString(), scores, totals, documents: scored, ...(baseline ? { baseline, regressions: found } : {}) };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nresult: ${options.out}`);

  if (options.record) {
    const recorded: Baseline = { commit: git.commit, recordedAt: result.generatedAt, scores };
    writeFileSync(BASELINE, `${JSON.stringify(recorded, null, 2)}\n`);
    console.log(`baseline recorded: ${BASELINE}${git.dirty ? ' (from a tree with uncommitted changes)' : ''}`);
  }
  if (baseline) {
    for (const line of found) console.error(`REGRESSION ${line}`);
    console.log(found.length === 0 ? `check: no total score is more than 0.02 below the baseline of ${baseline.commit.slice(0, 7)}` : 'check: FAILED');
    if (found.length > 0) process.exitCode = 1;
  }
}

function readBaseline(): Baseline {
  if (!existsSync(BASELINE)) throw new Error(`no baseline at ${BASELINE}: record one with npm run eval:extract -- --record`);
  return JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
