import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerExportCommand, type ExportCommandDeps } from '../../src/cli/export-command.js';
import type { Database } from '../../src/db/connect.js';
import { exportCsv } from '../../src/export/csv-export.js';
import { exportDocumentBundle } from '../../src/export/document-bundle.js';
import { ExportError } from '../../src/export/export-error.js';
import { runExport } from '../../src/export/run-export.js';
import { ingestBundle } from '../../src/ingest/ingest.js';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
import { NDJSON_RECORDS, type Bundle } from '../../src/model/bundle-schema.js';
import { validateBundle } from '../../src/model/validate-bundle.js';
import { seedBundle, smallBundle } from '../helpers/bundles.js';
import { parseCsv, parseXml, type XmlElement } from '../helpers/file-formats.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';

const db = openTestDatabase();
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-export-'));
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => wipe(db.executor));

const TRICKY_NAME = `Tom & Jerry's <"Best"> Co`;
// Free text keeps its line breaks (CR LF here); a role is one line (src/model/text-rules.ts).
const TRICKY_TEXT = 'He said, "hi"\r\nthen left';
const TRICKY_ROLE = 'lead & "chief" of <team>';

/** The small bundle with characters every format must escape. */
function trickyBundle(): Bundle {
  const bundle = smallBundle({ documentId: 'doc-tricky', prefix: 't-' });
  bundle.entities[0]!.description = TRICKY_TEXT;
  bundle.entities[1]!.name = TRICKY_NAME;
  bundle.relations[0]!.role = TRICKY_ROLE;
  return bundle;
}

async function count(cypher: string): Promise<number> {
  const [row] = await db.executor.read<{ n: number }>(cypher);
  return row!.n;
}

describe('export json', () => {
  it('round-trips the seed document: export, wipe, ingest the bundle, same graph', async () => {
    const seed = seedBundle();
    await ingestBundle(db.executor, seed);
    const before = await graphSnapshot(db.executor);
    const file = join(dir, 'seed.json');
    await runExport(db.executor, { format: 'json', document: seed.document.id, out: file });
    const exported: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const bundle = validateBundle(exported);
    expect(bundle.entities).toHaveLength(seed.entities.length);
    expect(bundle.relations).toHaveLength(seed.relations.length);
    expect(bundle.reports).toHaveLength(seed.reports.length);
    await wipe(db.executor);
    await ingestBundle(db.executor, exported);
    expect(await graphSnapshot(db.executor)).toEqual(before);
  });

  it('takes only what the document cites, and relation endpoints and source people with it', async () => {
    await ingestBundle(db.executor, seedBundle());
    await ingestBundle(db.executor, smallBundle());
    const { bundle } = await exportDocumentBundle(db.executor, 'doc-small');
    expect(bundle.entities.map((entity) => entity.id)).toEqual(['alpha-corp', 'jane-roe', 'springfield']);
    expect(bundle.sources.map((source) => source.id)).toEqual(['alpha-wire']);
    expect(bundle.reports.find((report) => report.id === 'r-member')).toMatchObject({ attributedTo: 'jane-roe', reportedAt: '2024-05-06' });
    // A null url is left out, as the bundle format allows.
    expect(bundle.document).toEqual(omitUrl(smallBundle().document));
  });

  it('rejects an unknown document and a json export without one', async () => {
    await expect(exportDocumentBundle(db.executor, 'no-such-document')).rejects.toBeInstanceOf(ExportError);
    await expect(runExport(db.executor, { format: 'csv' })).rejects.toThrow(/--out DIR/);
    await expect(runExport(db.executor, { format: 'graphml', document: 'x' })).rejects.toThrow(/whole graph/);
    await expect(runExport(db.executor, { format: 'json' })).rejects.toThrow(/--document/);
  });
});

function omitUrl<T extends { url?: unknown }>(value: T): Omit<T, 'url'> {
  const { url: _url, ...rest } = value;
  return rest;
}

describe('export ndjson', () => {
  it('carries reports made through the API when they quote a document, and counts those it cannot carry', async () => {
    await ingestBundle(db.executor, smallBundle());
    // What the API writes (repositories/support/report-inputs.ts): ids `api/<digest>`, document and quote optional.
    await db.executor.write(`
      MATCH (jane:Entity {id: 'jane-roe'}), (alpha:Entity {id: 'alpha-corp'}), (s:Source {id: 'alpha-wire'})
      MATCH (claim:Claim {relationId: 'jane-roe-member-of-alpha-corp'})
      CREATE (jane)-[:REPORTED_BY {id: 'api/0a1b2c', reportedAt: '2024-06'}]->(s)
      CREATE (alpha)-[:REPORTED_BY {id: 'api/3d4e5f', documentId: 'doc-small'}]->(s)
      CREATE (claim)-[:REPORTED_BY {id: 'api/6a7b8c', documentId: 'doc-small', quote: 'Alpha Corp said on Monday', start: 0, end: 25, reportedAt: '2024-05-07'}]->(s)`);
    const file = join(dir, 'api.ndjson');
    const summary = await runExport(db.executor, { format: 'ndjson', out: file });
    expect(summary).toMatch(/Left out 2 reports/);
    const reports = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.record === 'report');
    expect(reports).toHaveLength(smallBundle().reports.length + 1);
    expect(reports).toContainEqual({
      record: 'report',
      document: 'doc-small',
      id: 'api-6a7b8c',
      subject: { relation: 'jane-roe-member-of-alpha-corp' },
      source: 'alpha-wire',
      quote: 'Alpha Corp said on Monday',
      start: 0,
      end: 25,
      reportedAt: '2024-05-07',
      // Written before reports had a method: it reads, and exports, as manual.
      method: 'manual',
      // Nor values: it says nothing of its subject, and the export says so, so an import stores none.
      values: {},
    });
    const { bundle, skippedReports } = await exportDocumentBundle(db.executor, 'doc-small');
    expect(skippedReports).toBe(1);
    expect(bundle.reports.map((report) => report.id)).toContain('api-6a7b8c');

    await wipe(db.executor);
    await loadNdjsonFile(db.executor, file);
    const [row] = await db.executor.read<{ quote: string }>("MATCH ()-[rb:REPORTED_BY {id: 'doc-small/api-6a7b8c'}]->() RETURN rb.quote AS quote");
    expect(row?.quote).toBe('Alpha Corp said on Monday');
  });

  it('round-trips the whole graph through a file, read in many small pages', async () => {
    await ingestBundle(db.executor, seedBundle());
    await ingestBundle(db.executor, smallBundle());
    await ingestBundle(db.executor, trickyBundle());
    const before = await graphSnapshot(db.executor);
    const file = join(dir, 'graph.ndjson');
    await runExport(db.executor, { format: 'ndjson', out: file, pageSize: 7 });

    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { record: string });
    expect(lines[0]).toEqual({ record: 'header', format: 'newsgraph.bundle', version: 1 });
    const order = lines.map((line) => NDJSON_RECORDS.indexOf(line.record as (typeof NDJSON_RECORDS)[number]));
    expect(order.every((kind, i) => kind >= 0 && (i === 0 || kind >= order[i - 1]!))).toBe(true);
    const reports = seedBundle().reports.length + 2 * smallBundle().reports.length;
    expect(lines.filter((line) => line.record === 'report')).toHaveLength(reports);

    await wipe(db.executor);
    await loadNdjsonFile(db.executor, file, { batchSize: 10 });
    expect(await graphSnapshot(db.executor)).toEqual(before);
  });
});

const dataOf = (element: XmlElement, key: string) => element.children.find((child) => child.name === 'data' && child.attributes.key === key)?.text;

describe('export graphml', () => {
  it('writes every entity as a node and every relation as a directed edge, escaped', async () => {
    await ingestBundle(db.executor, seedBundle());
    await ingestBundle(db.executor, trickyBundle());
    const file = join(dir, 'graph.graphml');
    await runExport(db.executor, { format: 'graphml', out: file, pageSize: 5 });
    const text = readFileSync(file, 'utf8');
    const graphml = parseXml(text);
    expect(graphml.name).toBe('graphml');
    const graph = graphml.children.find((child) => child.name === 'graph')!;
    expect(graph.attributes.edgedefault).toBe('directed');
    const nodes = graph.children.filter((child) => child.name === 'node');
    const edges = graph.children.filter((child) => child.name === 'edge');
    expect(nodes).toHaveLength(await count('MATCH (e:Entity) RETURN count(e) AS n'));
    expect(edges).toHaveLength(await count('MATCH (:Entity)-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]->(:Entity) RETURN count(r) AS n'));

    const ids = new Set(nodes.map((node) => node.attributes.id));
    expect(edges.every((edge) => ids.has(edge.attributes.source) && ids.has(edge.attributes.target))).toBe(true);
    const tricky = nodes.find((node) => node.attributes.id === 't-alpha-corp')!;
    expect(dataOf(tricky, 'n_name')).toBe(TRICKY_NAME);
    expect(dataOf(tricky, 'n_label')).toBe(TRICKY_NAME);
    expect(
      dataOf(
        nodes.find((node) => node.attributes.id === 't-jane-roe')!,
        'n_description',
      ),
    ).toBe(TRICKY_TEXT);
    expect(
      dataOf(
        nodes.find((node) => node.attributes.id === 'united-states')!,
        'n_aliases',
      ),
    ).toBe('U.S.; US; Washington');
    const edge = edges.find((candidate) => candidate.attributes.id === 't-jane-roe-member-of-alpha-corp')!;
    expect(edge.attributes).toMatchObject({ source: 't-jane-roe', target: 't-alpha-corp' });
    expect(dataOf(edge, 'e_label')).toBe('MEMBER_OF');
    expect(dataOf(edge, 'e_role')).toBe(TRICKY_ROLE);
    expect(text).toContain('Tom &amp; Jerry&apos;s &lt;&quot;Best&quot;&gt; Co');
  });
});

describe('export csv', () => {
  it('writes neo4j-admin import files with exact headers, all rows and RFC 4180 quoting', async () => {
    await ingestBundle(db.executor, seedBundle());
    await ingestBundle(db.executor, trickyBundle());
    const out = join(dir, 'csv');
    const counts = await exportCsv(db.executor, out, { pageSize: 6 });
    const read = (file: string) => parseCsv(readFileSync(join(out, file), 'utf8'));
    const headers: Record<string, string> = {
      'entities.csv':
        'id:ID(Entity),:LABEL,type,name,aliases:string[],description,title,category,startDate,endDate,createdAt:datetime,sourceCount:int,independentSourceCount:int,status',
      'sources.csv': 'id:ID(Source),name,kind,url,entityId',
      'documents.csv': 'id:ID(Document),title,publishedAt,url,publisher,text,ingestedAt:datetime',
      'claims.csv': 'relationId:ID(Claim),type,from,to',
      'name_keys.csv': 'key:ID(NameKey)',
      'relations.csv': ':START_ID(Entity),:END_ID(Entity),:TYPE,id,role,startDate,endDate,sourceCount:int,independentSourceCount:int,status',
      'entity_reports.csv':
        ':START_ID(Entity),:END_ID(Source),:TYPE,id,quote,start:int,end:int,reportedAt,documentId,attributedToId,method,rule,confidence:double',
      'claim_reports.csv':
        ':START_ID(Claim),:END_ID(Source),:TYPE,id,quote,start:int,end:int,reportedAt,documentId,attributedToId,method,rule,confidence:double',
      'names.csv': ':START_ID(NameKey),:END_ID(Entity),:TYPE',
    };
    const expectedRows: Record<string, number> = {
      'entities.csv': await count('MATCH (n:Entity) RETURN count(n) AS n'),
      'sources.csv': await count('MATCH (n:Source) RETURN count(n) AS n'),
      'documents.csv': await count('MATCH (n:Document) RETURN count(n) AS n'),
      'claims.csv': await count('MATCH (n:Claim) RETURN count(n) AS n'),
      'name_keys.csv': await count('MATCH (n:NameKey) RETURN count(n) AS n'),
      'relations.csv': await count('MATCH (:Entity)-[r:PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN]->(:Entity) RETURN count(r) AS n'),
      'entity_reports.csv': await count('MATCH (:Entity)-[r:REPORTED_BY]->(:Source) RETURN count(r) AS n'),
      'claim_reports.csv': await count('MATCH (:Claim)-[r:REPORTED_BY]->(:Source) RETURN count(r) AS n'),
      'names.csv': await count('MATCH (:NameKey)-[r:NAMES]->(:Entity) RETURN count(r) AS n'),
    };
    for (const [file, header] of Object.entries(headers)) {
      const rows = read(file);
      expect(readFileSync(join(out, file), 'utf8').split('\n', 1)[0], file).toBe(header);
      expect(rows.length - 1, file).toBe(expectedRows[file]);
      expect(
        rows.every((row) => row.length === header.split(',').length),
        file,
      ).toBe(true);
    }
    expect(counts.entities).toBe(expectedRows['entities.csv']);

    const entities = readFileSync(join(out, 'entities.csv'), 'utf8');
    expect(entities).toContain(`"He said, ""hi""\r\nthen left"`);
    const jane = read('entities.csv').find((row) => row[0] === 't-jane-roe')!;
    expect(jane.slice(0, 6)).toEqual(['t-jane-roe', 'Entity;Person', 'PERSON', 'Jane Roe', 'J. Roe', TRICKY_TEXT]);
    // aliasText, the aliases joined for the full-text index, is internal: left out, and made again after an import.
    expect(readFileSync(join(out, 'entities.csv'), 'utf8')).not.toContain('aliasText');
    expect(readFileSync(join(out, 'after-import.cypher'), 'utf8')).toMatch(/SET e\.aliasText = reduce\(/);
    expect(read('entities.csv').find((row) => row[0] === 't-alpha-corp')![3]).toBe(TRICKY_NAME);
    expect(read('entities.csv').find((row) => row[0] === 'united-states')![4]).toBe('U.S.;US;Washington');
    const seedText = seedBundle().document.text;
    expect(read('documents.csv').find((row) => row[0] === seedBundle().document.id)![5]).toBe(seedText);
    const member = trickyBundle().reports.find((report) => report.id === 'r-member')!;
    expect(read('claim_reports.csv').find((row) => row[3] === 'doc-tricky/r-member')).toEqual([
      't-jane-roe-member-of-alpha-corp',
      't-alpha-wire',
      'REPORTED_BY',
      'doc-tricky/r-member',
      member.quote,
      String(member.start),
      String(member.end),
      '2024-05-06',
      'doc-tricky',
      't-jane-roe',
      'manual',
      '',
      '',
    ]);

    const readme = readFileSync(join(out, 'README.txt'), 'utf8');
    expect(readme).toContain('neo4j-admin database import full');
    for (const file of Object.keys(headers)) expect(readme).toContain(file);
    expect(readme).toContain(`--array-delimiter=';'`);
    expect(readme).toContain('--multiline-fields=true');
    expect(readFileSync(join(out, 'import.sh'), 'utf8')).toContain('neo4j-admin database import full "${1:-neo4j}"');
  });

  it('refuses an alias that contains the array delimiter, and takes another delimiter', async () => {
    const bundle = smallBundle();
    bundle.entities[0]!.aliases = ['Roe; Jane'];
    await ingestBundle(db.executor, bundle);
    await expect(exportCsv(db.executor, join(dir, 'csv-clash'))).rejects.toThrow(/--array-delimiter/);
    await exportCsv(db.executor, join(dir, 'csv-pipe'), { arrayDelimiter: '|' });
    const jane = parseCsv(readFileSync(join(dir, 'csv-pipe', 'entities.csv'), 'utf8')).find((row) => row[0] === 'jane-roe')!;
    expect(jane[1]).toBe('Entity|Person');
    expect(jane[4]).toBe('Roe; Jane');
  });
});

describe('newsgraph export (command)', () => {
  it('parses its options and writes the chosen format', async () => {
    await ingestBundle(db.executor, smallBundle());
    const deps: ExportCommandDeps = {
      loadRuntime: () => ({ config: db.config, log: db.log }),
      withDatabase: ((_runtime, work) => work({ executor: db.executor } as Database)) as ExportCommandDeps['withDatabase'],
    };
    const program = new Command().exitOverride();
    registerExportCommand(program, deps);
    const file = join(dir, 'command.json');
    await program.parseAsync(['export', '--format', 'json', '--document', 'doc-small', '--out', file], { from: 'user' });
    expect(validateBundle(JSON.parse(readFileSync(file, 'utf8'))).document.id).toBe('doc-small');
    await expect(program.parseAsync(['export', '--format', 'xml'], { from: 'user' })).rejects.toThrow(/xml/);
    const help = program.commands.find((command) => command.name() === 'export')!.helpInformation();
    for (const format of ['ndjson', 'json', 'graphml', 'gexf', 'cytoscape', 'ftm', 'csv']) expect(help).toContain(`"${format}"`);
    for (const format of ['gexf', 'cytoscape', 'ftm'] as const) {
      await expect(runExport(db.executor, { format, document: 'doc-small' })).rejects.toThrow(/whole graph/);
    }
    // The new formats through the command, as a user types them.
    const gexf = join(dir, 'command.gexf');
    const summary = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await program.parseAsync(['export', '--format', 'gexf', '--out', gexf], { from: 'user' });
      expect(summary).toHaveBeenCalledWith(expect.stringMatching(/^Exported 3 nodes and 1 edges as GEXF 1\.3/));
    } finally {
      summary.mockRestore();
    }
    expect(readFileSync(gexf, 'utf8')).toContain('<node id="jane-roe" label="Jane Roe">');
  });
});
