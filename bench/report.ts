import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { PROJECT_ROOT } from '../src/project.js';
import type { KnobOverride } from './config.js';
import { CONTENDERS, LABEL, type ContenderName } from './contenders.js';
import { INGEST_CONTENDERS, INGEST_LABEL, type IngestComparison, type IngestResults } from './ingest/run.js';
import { p50Ratio, pairedMedian, pairedRatio, type BenchResult } from './results.js';
import { checkTargets } from './targets.js';
import { extraSections } from './report-extra.js';
import { VARIANTS } from './filters.js';
import { FAILED, type WorkloadResult } from './run-workloads.js';
import { num } from './numbers.js';

/**
 * The details of one run in markdown, written next to its result file
 * (bench/results/<scale>-<date>.md), and the short targets table of its
 * scale in docs/benchmarks.md, between markers, with --docs.
 */

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function overrideText({ knobs, why }: KnobOverride): string {
  const asked = [
    knobs.warmup !== undefined ? `${knobs.warmup} warm-up` : null,
    knobs.timed !== undefined ? `${knobs.timed} timed requests per contender` : null,
    knobs.concurrency
      ? `throughput at ${knobs.concurrency.join(' and ')} client${knobs.concurrency.length === 1 && knobs.concurrency[0] === 1 ? '' : 's'} only`
      : null,
  ].filter(Boolean);
  return `${asked.join(', ')}: ${why}`;
}

function workloadTable(w: WorkloadResult, concurrency: number[]): string[] {
  const header = [
    'contender',
    'answers',
    'p50 ms',
    'p95 ms',
    ...concurrency.map((c) => `ops/s @${c} (p50 / p99 ms)`),
    'peak RSS MiB',
    'round trips',
    'db hits',
  ];
  const rows = CONTENDERS.map((name) => {
    const latency = w.latency[name];
    return [
      LABEL[name],
      w.answers[name] === null ? 'same' : w.answers[name]!.includes(FAILED) ? 'FAILED' : 'DIFFERENT',
      num(latency?.p50, 2),
      num(latency?.p95, 2),
      ...concurrency.map((c) => {
        const t = w.throughput[name]?.[c];
        return t ? `${num(t.opsPerSecond)} (${num(t.p50, 1)} / ${num(t.p99, 1)})` : '–';
      }),
      name === 'raw' ? 'n/a (in-process)' : num(w.peakRssMiB[name], 0),
      num(w.costs[name]?.roundTrips, 2),
      num(w.costs[name]?.dbHits, 0),
    ];
  });
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function ingestTable(title: string, comparison: IngestComparison): string[] {
  const raw = comparison.runs.raw?.recordsPerSecond;
  const lines = [`${title}: ${num(comparison.records, 0)} records, same graph from every contender: **${comparison.sameGraph ? 'yes' : 'NO'}**`, ''];
  lines.push('| contender | seconds | records/s | share of raw rate | peak RSS MiB | graph digest |', '| --- | --- | --- | --- | --- | --- |');
  for (const name of INGEST_CONTENDERS) {
    const run = comparison.runs[name];
    if (!run) continue;
    const repeats = run.repeats && run.repeats.length > 1 ? ` (runs: ${run.repeats.map((rate) => num(rate, 0)).join(', ')}/s)` : '';
    const extra = `${run.validationSeconds !== undefined ? ` (validation pass alone: ${num(run.validationSeconds, 2)} s)` : ''}${repeats}`;
    lines.push(
      `| ${INGEST_LABEL[name]} | ${num(run.seconds)}${extra} | ${num(run.recordsPerSecond, 0)} | ${raw ? num(run.recordsPerSecond / raw, 2) : '–'} | ${run.peakRssMiB === null ? 'n/a (in-process)' : num(run.peakRssMiB, 0)} | \`${run.digest.hash}\` |`,
    );
  }
  return lines;
}

function ingestCosts(costs: IngestResults['costs']): string[] {
  const any = Object.values(costs)[0];
  const lines = [`What each path asks of Neo4j, loading the first ${num(any?.records, 0)} records once more with every statement under PROFILE:`, ''];
  lines.push('| contender | statements per 1000 records | db hits per record | heaviest statements (count, db hits) |', '| --- | --- | --- | --- |');
  for (const name of CONTENDERS) {
    const cost = costs[name];
    if (!cost) continue;
    const heaviest = cost.heaviest.map((h) => `\`${cell(h.statement.slice(0, 70))}\` (${h.count}, ${num(h.dbHits, 0)})`).join('<br>');
    lines.push(`| ${LABEL[name]} | ${num(cost.statementsPer1000)} | ${num(cost.dbHitsPerRecord)} | ${heaviest} |`);
  }
  return lines;
}

/** One statement with its db hits and PROFILE plan, the Cypher cut at `chars` and the plan at `planLines` operators. */
function statementBlock(title: string, statement: { cypher: string; plan: string[]; dbHits: number }, chars: number, planLines: number): string[] {
  const cypher = statement.cypher.length > chars ? `${statement.cypher.slice(0, chars)}\n… (${statement.cypher.length} characters)` : statement.cypher;
  const plan =
    statement.plan.length > planLines ? [...statement.plan.slice(0, planLines), `… (${statement.plan.length - planLines} more operators)`] : statement.plan;
  return [`${title}: ${num(statement.dbHits, 0)} db hits`, '', '```cypher', cypher, '```', '', '```', ...plan, '```', ''];
}

function evidence(w: WorkloadResult): string[] {
  const lines = [`<details><summary>${w.id}: the Cypher each contender sent, with PROFILE db hits (first parameter)</summary>`, ''];
  for (const name of CONTENDERS) {
    const costs = w.costs[name];
    if (!costs) continue;
    // newsgraph's statements in full, the others' shortened: the evidence is about newsgraph.
    const [chars, planLines] = name === 'newsgraph' ? [1500, 40] : [700, 16];
    for (const [index, statement] of costs.evidence.entries()) {
      lines.push(...statementBlock(`${LABEL[name]}, statement ${index + 1} of ${costs.evidence.length}`, statement, chars, planLines));
    }
  }
  lines.push('</details>', '');
  return lines;
}

/** newsgraph's filtered variants of each workload against the same workload unfiltered, from the same interleaved rounds. */
function filtersSection(result: BenchResult): string[] {
  const measured = result.workloads.flatMap((w) => (w.filters ?? []).map((f) => ({ id: w.id, f })));
  if (measured.length === 0) return [];
  const first = measured[0]!.f;
  const lines = [
    '#### Filters: minSources and asOf (newsgraph alone)',
    '',
    `Each workload asked of newsgraph unfiltered, with \`minSources: ${first.minSources}\` and with \`asOf: "${first.asOf}"\` (the middle of the reports' dates), interleaved round by round on the same parameters; ratio: filtered / unfiltered, paired (median over the rounds, same parameter) and of the p50s. Limit 1.2 on minSources; asOf (alone, it reads each candidate's stored first report date) has none. "found": parameter values whose answer is not empty; "mean answer": the answers' mean size over all of them. The other contenders have no such filters. Every q's root field takes them (q1's relations inherit the entity's); the q0 baseline has none.`,
    '',
    "q1 and q3 ask about random entities, about half of which have one source: under `minSources: 2` their answer is mostly empty, found in a few db hits. So they are asked twice: with the workload's own parameters, and with entities drawn (same seed) among those both filters keep (two or more independent sources, first reported by the asOf date).",
    '',
    '| workload | parameters | variant | found | mean answer | p50 ms | p95 ms | paired vs unfiltered | p50 vs unfiltered | round trips | db hits |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const notes: string[] = [];
  for (const w of measured) {
    const f = w.f;
    const unfiltered = f.variants.unfiltered.latency;
    for (const name of VARIANTS) {
      const v = f.variants[name];
      const label = name === 'unfiltered' ? 'unfiltered' : name === 'minSources' ? `minSources: ${f.minSources}` : `asOf: ${f.asOf}`;
      const ratios =
        name === 'unfiltered'
          ? ['–', '–']
          : [num(pairedMedian(v.latency, unfiltered), 2), num(v.latency && unfiltered ? v.latency.p50 / unfiltered.p50 : null, 2)];
      const met = name === 'minSources' && v.latency ? (pairedMedian(v.latency, unfiltered)! <= 1.2 ? '' : ' **(over 1.2)**') : '';
      lines.push(
        `| ${w.id} | ${f.drawn} | ${label} | ${v.failed ? 'FAILED' : `${v.found} of ${f.params}`} | ${num(v.meanSize, 1)} ${f.unit} | ${num(v.latency?.p50, 2)} | ${num(v.latency?.p95, 2)} | ${ratios[0]}${met} | ${ratios[1]} | ${num(v.costs?.roundTrips, 2)} | ${num(v.costs?.dbHits, 0)} |`,
      );
      if (v.failed) notes.push(`${w.id} (${f.drawn}) ${label}: newsgraph failed, not timed: ${cell(v.failed)}`);
    }
    if (f.budgetNote) notes.push(`${w.id} (parameters ${f.drawn}): ${f.budgetNote}.`);
  }
  lines.push('', ...notes.flatMap((note) => [note, '']));
  // The statements of the workloads' own parameters: those of the q1 and q3 re-draws have the same shape.
  const evidence = measured
    .filter(({ f }) => f.drawn === 'as the workload')
    .flatMap((w) => {
      const f = w.f;
      return (['minSources', 'asOf'] as const).flatMap((name) => {
        const costs = f.variants[name].costs;
        if (!costs) return [];
        return costs.evidence.flatMap((statement, index) =>
          statementBlock(
            `${w.id} (parameters ${f.drawn}), ${name === 'minSources' ? `minSources: ${f.minSources}` : `asOf: ${f.asOf}`}, statement ${index + 1} of ${costs.evidence.length}`,
            statement,
            1500,
            40,
          ),
        );
      });
    });
  if (evidence.length > 0)
    lines.push('<details><summary>The filtered statements newsgraph sent, with PROFILE db hits (first parameter)</summary>', '', ...evidence, '</details>', '');
  return lines;
}

const opsRatio = (w: WorkloadResult, of: ContenderName, to: ContenderName, c: number) => {
  const a = w.throughput[of]?.[c]?.opsPerSecond;
  const b = w.throughput[to]?.[c]?.opsPerSecond;
  return a !== undefined && b ? a / b : null;
};

export function scaleMarkdown(result: BenchResult): string {
  const m = result.machine;
  const lines = [
    `### Scale ${result.scale}: ${num(result.entities, 0)} entities${result.label ? `, ${result.label}` : ''}`,
    '',
    `- Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC with \`${result.command}\` in ${num(result.seconds / 60)} min.`,
    `- Machine: ${m.nproc} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB; load average ${m.loadAverageAtStart.join(' / ')} at the start and ${result.loadAverageAtEnd.join(' / ')} at the end (other agents' tests share the machine).`,
    `- Node ${m.node}; Neo4j ${m.neo4j} ${m.neo4jEdition} (${result.neo4jMode}, heap ${result.neo4jMemory.heap}, page cache ${result.neo4jMemory.pageCache}, peak RSS ${num(result.neo4jPeakRssMiB, 0)} MiB); ${Object.entries(
      m.libraries,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    `- Graph: ${num(result.graph.nodes, 0)} nodes, ${num(result.graph.relationships, 0)} relationships; loaded by newsgraph's bulk path (${num(result.load.records, 0)} records) in ${num(result.load.seconds)} s, ${num(result.load.recordsPerSecond, 0)} records/s. Biggest hub: ${result.hubs[0]?.id} (${result.hubs[0]?.degree} relations).`,
    `- Code: commit ${result.commit.slice(0, 7)}${
      result.dirty
        ? `, with uncommitted changes to ${result.dirtyFiles.length} file${result.dirtyFiles.length === 1 ? '' : 's'} (${result.dirtyFiles
            .slice(0, 6)
            .map((f) => `\`${f}\``)
            .join(', ')}${result.dirtyFiles.length > 6 ? ', …' : ''})`
        : ', clean tree'
    }.`,
    `- Per workload: ${result.knobs.params} parameter values, answers checked for each; ${result.knobs.warmup} warm-up then ${result.knobs.timed} timed requests per contender, interleaved; throughput ${result.knobs.throughputSeconds} s per contender and concurrency; db hits are the mean of ${result.knobs.profiled} PROFILEd parameter values.`,
    '',
  ];
  for (const w of result.workloads) {
    lines.push(`#### ${w.id}: ${w.title}`, '');
    if (w.override) lines.push(`At this scale: ${overrideText(w.override)}.`, '');
    lines.push(...workloadTable(w, result.knobs.concurrency), '');
    for (const name of CONTENDERS) if (w.answers[name]) lines.push(`${LABEL[name]}, not timed: ${cell(w.answers[name]!)}`, '');
  }
  lines.push(
    '#### Ratios',
    '',
    "Latency: newsgraph p50 divided by the other's (below 1: newsgraph is faster); paired: the median, over the timed rounds, of newsgraph's time divided by the other's for the same request. Throughput at 64 clients: newsgraph divided by the other's (above 1: newsgraph serves more).",
    '',
    '| workload | p50 vs @neo4j/graphql | p50 vs raw-http | p50 vs raw in-process | paired vs @neo4j/graphql | paired vs raw-http | ops/s @64 vs @neo4j/graphql | ops/s @64 vs raw-http |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const w of result.workloads) {
    const ops = (to: ContenderName) => num(opsRatio(w, 'newsgraph', to, 64), 2);
    const paired = (to: ContenderName) => num(pairedRatio(w, 'newsgraph', to), 2);
    const p50 = (to: ContenderName) => num(p50Ratio(w, 'newsgraph', to), 2);
    lines.push(
      `| ${w.id}${w.baseline ? ' (baseline)' : ''} | ${p50('neo4j-graphql')} | ${p50('raw-http')} | ${p50('raw')} | ${paired('neo4j-graphql')} | ${paired('raw-http')} | ${ops('neo4j-graphql')} | ${ops('raw-http')} |`,
    );
  }
  lines.push('');
  lines.push(...filtersSection(result));
  if (result.ingest) {
    lines.push(
      '#### Ingest',
      '',
      ...ingestTable(
        'Full stream (the contenders listed, each loaded twice in a mirrored order such as raw, newsgraph, newsgraph, raw; the mean)',
        result.ingest.full,
      ),
      '',
      ...ingestTable('Prefix of the same stream (every contender, once)', result.ingest.prefix),
      '',
    );
    lines.push(...ingestCosts(result.ingest.costs), '');
  }
  lines.push(...extraSections(result));
  lines.push(...targetsTable(result));
  lines.push('', ...result.workloads.filter((w) => !w.baseline).flatMap(evidence));
  return lines.join('\n');
}

/** Issue 19's targets against one run, one row each. */
export function targetsTable(result: BenchResult): string[] {
  const lines = ['#### Targets', '', '| workload | against | metric | newsgraph / other | limit | met |', '| --- | --- | --- | --- | --- | --- |'];
  for (const t of checkTargets(result))
    lines.push(
      `| ${t.workload} | ${t.against} | ${t.metric} | ${num(t.ratio, 2)} | ${t.bound} ${t.limit} | ${t.met === null ? 'not measured' : t.met ? 'yes' : '**no**'} |`,
    );
  return [...lines, ''];
}

/** The run's details next to its result file: bench/results/<name>.md. Returns the path written. */
export function writeDetails(result: BenchResult, resultFile: string): string {
  const path = resultFile.replace(/\.json$/, '.md');
  const header = `<!-- Generated by bench/report.ts from ${basename(resultFile)}: do not edit, run \`npx tsx bench/render.ts ${relative(PROJECT_ROOT, resultFile)}\` -->`;
  writeFileSync(path, `${header}\n\n${scaleMarkdown(result)}\n`);
  return path;
}

const begin = (scale: string) => `<!-- bench:targets:${scale}:begin -->`;
const end = (scale: string) => `<!-- bench:targets:${scale}:end -->`;

/** Replaces this scale's targets table in docs/benchmarks.md, between its markers (appended when missing). */
export function writeDocsTargets(path: string, result: BenchResult, resultFile: string): void {
  const key = result.label ? `${result.scale}:${result.label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : result.scale;
  const details = relative(`${PROJECT_ROOT}/docs`, resultFile.replace(/\.json$/, '.md'));
  const intro = `Scale ${result.scale} (${num(result.entities, 0)} entities), commit ${result.commit.slice(0, 7)}${result.dirty ? ' with uncommitted changes' : ''}, ${result.machine.date.slice(0, 10)}; details: [${basename(details)}](${details}).`;
  const section = [begin(key), intro, '', ...targetsTable(result).slice(2), end(key)].join('\n');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const from = current.indexOf(begin(key));
  const to = current.indexOf(end(key));
  const next = from >= 0 && to > from ? `${current.slice(0, from)}${section}${current.slice(to + end(key).length)}` : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}

export type { ContenderName };
