import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerExportCommand, type ExportCommandDeps } from '../../src/cli/export-command.js';
import type { Database } from '../../src/db/connect.js';
import { exportDocumentBundle } from '../../src/export/document-bundle.js';
import { runExport } from '../../src/export/run-export.js';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import { loadFilterGraph, sortedIds } from '../helpers/claim-filter-graph.js';
import { parseCsv, parseXml, type XmlElement } from '../helpers/file-formats.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';

/** Every export format honours asOf and minSources, over the graph in tests/helpers/claim-filter-graph.ts. */

const db = openTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-claim-filters-'));

beforeAll(() => loadFilterGraph(db.executor), 60_000);
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('exports under asOf and minSources', () => {
  const dataOf = (element: XmlElement, key: string) => element.children.find((child) => child.name === 'data' && child.attributes.key === key)?.text;

  it('graphml leaves out what the filter hides and carries the counts and status of what it keeps', async () => {
    const out = join(dir, 'graph.graphml');
    await runExport(db.executor, { format: 'graphml', out, filter: { asOf: '2021-08', minSources: null } });
    const graph = parseXml(readFileSync(out, 'utf8')).children.find((child) => child.name === 'graph')!;
    const nodes = graph.children.filter((child) => child.name === 'node');
    const edges = graph.children.filter((child) => child.name === 'edge');
    expect(nodes.map((node) => node.attributes.id).sort()).toEqual(['china', 'exercise', 'liu', 'pla', 'russia']);
    expect(edges.map((edge) => edge.attributes.id).sort()).toEqual(['china-pi-exercise', 'liu-commands-exercise', 'liu-member-of-pla', 'russia-pi-exercise']);
    // As of the end of August: liu has one report by then, the exercise two independent ones.
    const node = (id: string) => nodes.find((candidate) => candidate.attributes.id === id)!;
    expect([dataOf(node('liu'), 'n_sourceCount'), dataOf(node('liu'), 'n_independentSourceCount'), dataOf(node('liu'), 'n_status')]).toEqual([
      '1',
      '1',
      'SINGLE_SOURCE',
    ]);
    expect([dataOf(node('exercise'), 'n_independentSourceCount'), dataOf(node('exercise'), 'n_status')]).toEqual(['2', 'CORROBORATED']);
    expect([dataOf(node('russia'), 'n_sourceCount'), dataOf(node('russia'), 'n_independentSourceCount')]).toEqual(['2', '1']);
  });

  it('csv leaves out hidden entities, relations, claims and reports, with count and status columns', async () => {
    const out = join(dir, 'csv');
    await runExport(db.executor, { format: 'csv', out, filter: { asOf: null, minSources: 2 } });
    const read = (file: string) => parseCsv(readFileSync(join(out, file), 'utf8'));
    const [entityHeader, ...entities] = read('entities.csv');
    expect(entityHeader!.slice(-3)).toEqual(['sourceCount:int', 'independentSourceCount:int', 'status']);
    expect(entities.map((row) => row[0]).sort()).toEqual(['china', 'exercise', 'liu', 'pla']);
    expect(entities.find((row) => row[0] === 'exercise')!.slice(-3)).toEqual(['3', '3', 'CORROBORATED']);
    const [relationHeader, ...relations] = read('relations.csv');
    expect(relations.map((row) => row[relationHeader!.indexOf('id')]).sort()).toEqual(['china-pi-exercise', 'liu-commands-exercise', 'liu-member-of-pla']);
    expect(
      read('claims.csv')
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(['china-pi-exercise', 'liu-commands-exercise', 'liu-member-of-pla']);
    const entityReports = read('entity_reports.csv')
      .slice(1)
      .map((row) => row[0]);
    expect(new Set(entityReports)).toEqual(new Set(['china', 'exercise', 'liu', 'pla']));
    expect(read('claim_reports.csv').slice(1)).toHaveLength(6);
  });

  it('a document bundle keeps only the reports dated by asOf about facts that pass, and still validates', async () => {
    const { bundle } = await exportDocumentBundle(db.executor, 'doc-filters', { asOf: '2021-08', minSources: 2 });
    expect(sortedIds(bundle.entities)).toEqual(['china', 'exercise', 'pla']);
    expect(sortedIds(bundle.relations)).toEqual(['china-pi-exercise']);
    expect(bundle.reports.every((report) => report.reportedAt! <= '2021-08-31')).toBe(true);
    expect(bundle.reports).toHaveLength(8);
  });

  it('newsgraph export takes --as-of and --min-sources, and refuses bad values', async () => {
    const deps: ExportCommandDeps = {
      loadRuntime: () => ({ config: db.config, log: db.log }),
      withDatabase: ((_runtime, work) => work({ executor: db.executor } as Database)) as ExportCommandDeps['withDatabase'],
    };
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
    registerExportCommand(program, deps);
    const out = join(dir, 'command.json');
    // The command's summary line goes to stderr.
    const summary = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await program.parseAsync(['export', '--format', 'json', '--document', 'doc-filters', '--as-of', '2021-08', '--min-sources', '2', '--out', out], {
        from: 'user',
      });
    } finally {
      summary.mockRestore();
    }
    expect(sortedIds((JSON.parse(readFileSync(out, 'utf8')) as Bundle).relations)).toEqual(['china-pi-exercise']);
    await expect(program.parseAsync(['export', '--min-sources', '0'], { from: 'user' })).rejects.toThrow(/1 to 1000/);
    await expect(program.parseAsync(['export', '--min-sources', '1001'], { from: 'user' })).rejects.toThrow(/1 to 1000/);
    await expect(program.parseAsync(['export', '--as-of', 'August'], { from: 'user' })).rejects.toThrow(/YYYY/);
  });

  it('ndjson under a filter re-imports as the graph the filter shows', async () => {
    const out = join(dir, 'graph.ndjson');
    await runExport(db.executor, { format: 'ndjson', out, filter: { asOf: null, minSources: 2 } });
    await wipe(db.executor);
    await loadNdjsonFile(db.executor, out);
    const [row] = await db.executor.read<{ entities: string[]; relations: string[] }>(
      'RETURN COLLECT { MATCH (n:Entity) RETURN n.id ORDER BY n.id } AS entities, COLLECT { MATCH (:Entity)-[r]->(:Entity) RETURN r.id ORDER BY r.id } AS relations',
      {},
      { name: 'test: re-imported' },
    );
    expect(row).toEqual({ entities: ['china', 'exercise', 'liu', 'pla'], relations: ['china-pi-exercise', 'liu-commands-exercise', 'liu-member-of-pla'] });
    await loadFilterGraph(db.executor);
  });
});
