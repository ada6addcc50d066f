import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExport } from '../../src/export/run-export.js';
import { ingestBundle } from '../../src/ingest/ingest.js';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import { validateBundle } from '../../src/model/validate-bundle.js';
import { seededApi } from '../helpers/api.js';
import { smallBundle } from '../helpers/bundles.js';
import { parseCsv, parseXml, type XmlElement } from '../helpers/file-formats.js';
import { graphSnapshot } from '../helpers/graph-snapshot.js';
import { wipe } from '../helpers/neo4j.js';

const api = seededApi();
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-method-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXTRACTED = { method: 'extracted', rule: 'appos-title', confidence: 0.82 } as const;
const REVIEWED = { method: 'reviewed', rule: 'dep-lead-of', confidence: 0.6 } as const;

/** The small bundle with one extracted entity report, one reviewed relation report, and the rest by hand (one says so, the others by default). */
function mixedBundle(): Bundle {
  const bundle = smallBundle({ documentId: 'doc-method', prefix: 'm-' });
  Object.assign(
    bundle.reports.find((report) => report.id === 'r-jane')!,
    EXTRACTED,
  );
  Object.assign(
    bundle.reports.find((report) => report.id === 'r-member')!,
    REVIEWED,
  );
  bundle.reports.find((report) => report.id === 'r-alpha')!.method = 'manual';
  return bundle;
}

interface ReportView {
  quote: string;
  method: string;
  rule: string | null;
  confidence: number | null;
}
const REPORT_FIELDS = 'quote method rule confidence';

async function entityReports(id: string): Promise<ReportView[]> {
  const data = await api.data<{ entity: { reportedBy: ReportView[] } }>(`query($id: ID!) { entity(id: $id) { reportedBy { ${REPORT_FIELDS} } } }`, { id });
  return data.entity.reportedBy;
}

describe('method, rule and confidence through ingest and the API', () => {
  it('stores them with each report and reads them back; a report without a method is MANUAL', async () => {
    const ingested = await api.query('mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { reports } }', { bundle: mixedBundle() }, 'editor');
    expect(ingested.errors).toBeUndefined();

    expect(await entityReports('m-jane-roe')).toEqual([
      { quote: 'Jane Roe leads the Alpha Corp rescue team', method: 'EXTRACTED', rule: 'appos-title', confidence: 0.82 },
    ]);
    expect(await entityReports('m-alpha-corp')).toEqual([{ quote: 'Alpha Corp said on Monday', method: 'MANUAL', rule: null, confidence: null }]);
    expect(await entityReports('m-springfield')).toEqual([{ quote: 'in Springfield', method: 'MANUAL', rule: null, confidence: null }]);
    const relation = await api.data<{ relation: { reportedBy: ReportView[] } }>(
      `{ relation(id: "m-jane-roe-member-of-alpha-corp") { reportedBy { ${REPORT_FIELDS} } } }`,
    );
    expect(relation.relation.reportedBy).toEqual([
      { quote: 'Jane Roe leads the Alpha Corp rescue team', method: 'REVIEWED', rule: 'dep-lead-of', confidence: 0.6 },
    ]);
  });

  it('reads a report stored before methods existed as MANUAL', async () => {
    // The seed as a database from before this change would hold it: no method property at all.
    await api.db.executor.write("MATCH (:Entity {id: 'wu-qian'})-[rb:REPORTED_BY]->() REMOVE rb.method");
    const reports = await entityReports('wu-qian');
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((report) => report.method === 'MANUAL' && report.rule === null && report.confidence === null)).toBe(true);
  });

  it('refuses a bundle whose extracted report has no rule, naming the field, and writes nothing', async () => {
    const bundle = mixedBundle();
    bundle.document.id = 'doc-method-bad';
    delete bundle.reports.find((report) => report.id === 'r-jane')!.rule;
    const refused = await api.query('mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { reports } }', { bundle }, 'editor');
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'reports[0].rule', message: 'rule is required when method is "extracted"' }],
    });
    const [row] = await api.db.executor.read<{ n: number }>("MATCH (d:Document {id: 'doc-method-bad'}) RETURN count(d) AS n");
    expect(row?.n).toBe(0);
  });

  it('takes them with reports given to upsertEntity, by the same rule', async () => {
    const mutation = `mutation($input: EntityInput!) { upsertEntity(input: $input) { reportedBy { ${REPORT_FIELDS} } } }`;
    const start = mixedBundle().document.text.indexOf('Springfield');
    const report = { sourceId: 'm-alpha-wire', documentId: 'doc-method', quote: 'Springfield', start, end: start + 'Springfield'.length };
    const made = await api.data<{ upsertEntity: { reportedBy: ReportView[] } }>(mutation, {
      input: { id: 'm-springfield', type: 'LOCATION', name: 'Springfield', reports: [{ ...report, method: 'EXTRACTED', rule: 'gazetteer', confidence: 0.95 }] },
    });
    expect(made.upsertEntity.reportedBy).toContainEqual({ quote: 'Springfield', method: 'EXTRACTED', rule: 'gazetteer', confidence: 0.95 });
    const refused = await api.query(mutation, {
      input: { id: 'm-springfield', type: 'LOCATION', name: 'Springfield', reports: [{ ...report, method: 'MANUAL', rule: 'gazetteer' }] },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports[0].rule' });
    const missing = await api.query(mutation, {
      input: { id: 'm-springfield', type: 'LOCATION', name: 'Springfield', reports: [{ ...report, method: 'REVIEWED', rule: 'gazetteer' }] },
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports[0].confidence' });
  });
});

const dataOf = (element: XmlElement, key: string) => element.children.find((child) => child.name === 'data' && child.attributes.key === key)?.text;

// Last in the file: these wipe the graph the API tests above share.
describe('method, rule and confidence in every export', () => {
  it('round-trips through a JSON bundle and an NDJSON stream: export, wipe, ingest, same graph', async () => {
    await wipe(api.db.executor);
    await ingestBundle(api.db.executor, mixedBundle());
    const before = await graphSnapshot(api.db.executor);
    expect(before.relationships.filter((line) => line.includes('"method","extracted"'))).toHaveLength(1);

    const json = join(dir, 'doc.json');
    const ndjson = join(dir, 'graph.ndjson');
    await runExport(api.db.executor, { format: 'json', document: 'doc-method', out: json });
    await runExport(api.db.executor, { format: 'ndjson', out: ndjson });
    const exported = validateBundle(JSON.parse(readFileSync(json, 'utf8')));
    expect(exported.reports.find((report) => report.id === 'r-jane')).toMatchObject(EXTRACTED);
    expect(exported.reports.find((report) => report.id === 'r-member')).toMatchObject(REVIEWED);
    expect(exported.reports.find((report) => report.id === 'r-springfield')).toEqual(expect.objectContaining({ method: 'manual' }));
    expect(exported.reports.find((report) => report.id === 'r-springfield')).not.toHaveProperty('rule');
    const streamed = readFileSync(ndjson, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(streamed.find((line) => line.record === 'report' && line.id === 'r-jane')).toMatchObject(EXTRACTED);

    await wipe(api.db.executor);
    await ingestBundle(api.db.executor, JSON.parse(readFileSync(json, 'utf8')));
    expect(await graphSnapshot(api.db.executor)).toEqual(before);
    await wipe(api.db.executor);
    await loadNdjsonFile(api.db.executor, ndjson);
    expect(await graphSnapshot(api.db.executor)).toEqual(before);
  });

  it('writes them as CSV columns and as GraphML data on nodes and edges', async () => {
    await wipe(api.db.executor);
    await ingestBundle(api.db.executor, mixedBundle());
    const csv = join(dir, 'csv');
    await runExport(api.db.executor, { format: 'csv', out: csv });
    const entityReports = parseCsv(readFileSync(join(csv, 'entity_reports.csv'), 'utf8'));
    const header = entityReports[0]!;
    const column = (name: string) => header.indexOf(name);
    const jane = entityReports.find((row) => row[column('id')] === 'doc-method/r-jane')!;
    expect([jane[column('method')], jane[column('rule')], jane[column('confidence:double')]]).toEqual(['extracted', 'appos-title', '0.82']);
    const alpha = entityReports.find((row) => row[column('id')] === 'doc-method/r-alpha')!;
    expect([alpha[column('method')], alpha[column('rule')], alpha[column('confidence:double')]]).toEqual(['manual', '', '']);
    const claimReports = parseCsv(readFileSync(join(csv, 'claim_reports.csv'), 'utf8'));
    expect(claimReports.find((row) => row[3] === 'doc-method/r-member')!.slice(-3)).toEqual(['reviewed', 'dep-lead-of', '0.6']);

    const graphml = join(dir, 'graph.graphml');
    await runExport(api.db.executor, { format: 'graphml', out: graphml });
    const graph = parseXml(readFileSync(graphml, 'utf8')).children.find((child) => child.name === 'graph')!;
    const node = (id: string) => graph.children.find((child) => child.name === 'node' && child.attributes.id === id)!;
    expect([dataOf(node('m-jane-roe'), 'n_methods'), dataOf(node('m-jane-roe'), 'n_rules'), dataOf(node('m-jane-roe'), 'n_confidence')]).toEqual([
      'extracted',
      'appos-title',
      '0.82',
    ]);
    expect([dataOf(node('m-alpha-corp'), 'n_methods'), dataOf(node('m-alpha-corp'), 'n_rules'), dataOf(node('m-alpha-corp'), 'n_confidence')]).toEqual([
      'manual',
      undefined,
      undefined,
    ]);
    const edge = graph.children.find((child) => child.name === 'edge' && child.attributes.id === 'm-jane-roe-member-of-alpha-corp')!;
    expect([dataOf(edge, 'e_methods'), dataOf(edge, 'e_rules'), dataOf(edge, 'e_confidence')]).toEqual(['reviewed', 'dep-lead-of', '0.6']);
  });
});
