import { describe, expect, it } from 'vitest';
import { documentRecord, entityRecord, localReportId, reportRecord, sourceRecord } from '../../src/export/bundle-records.js';
import type { EntityRow, ReportRow } from '../../src/export/graph-rows.js';

const entityRow = (overrides: Partial<EntityRow>): EntityRow => ({
  id: 'x',
  type: 'PERSON',
  labels: ['Entity', 'Person'],
  name: 'X',
  aliases: [],
  description: null,
  title: null,
  category: null,
  startDate: null,
  endDate: null,
  createdAt: '2024-01-01T00:00:00Z',
  ...overrides,
});

const reportRow = (overrides: Partial<ReportRow>): ReportRow => ({
  id: 'doc-1/r1',
  documentId: 'doc-1',
  subjectKind: 'entity',
  subject: 'x',
  source: 'wire',
  quote: 'X said',
  start: 0,
  end: 6,
  reportedAt: null,
  attributedToId: null,
  method: 'manual',
  rule: null,
  confidence: null,
  values: { description: null, title: null, category: null, role: null, startDate: null, endDate: null },
  ...overrides,
});

describe('graph rows back to bundle records', () => {
  it('leaves out properties that are null in the graph', () => {
    expect(documentRecord({ id: 'd', title: null, publishedAt: '2021', url: null, publisher: null, text: '', ingestedAt: null })).toEqual({
      id: 'd',
      publishedAt: '2021',
      text: '',
    });
    expect(sourceRecord({ id: 's', name: 'S', kind: 'official', url: null, entityId: 'x' })).toEqual({ id: 's', name: 'S', kind: 'official', entity: 'x' });
  });

  it('gives each entity type only the fields its schema allows', () => {
    const stray = { title: 'General', category: 'military', startDate: '2021', endDate: '2022', description: 'd' };
    expect(entityRecord(entityRow({ ...stray, type: 'PERSON' }))).toEqual({
      id: 'x',
      type: 'PERSON',
      name: 'X',
      aliases: [],
      description: 'd',
      title: 'General',
    });
    expect(entityRecord(entityRow({ ...stray, type: 'ORGANIZATION' }))).toEqual({
      id: 'x',
      type: 'ORGANIZATION',
      name: 'X',
      aliases: [],
      description: 'd',
      category: 'military',
    });
    expect(entityRecord(entityRow({ ...stray, type: 'EVENT' }))).toEqual({
      id: 'x',
      type: 'EVENT',
      name: 'X',
      aliases: [],
      description: 'd',
      startDate: '2021',
      endDate: '2022',
    });
    expect(entityRecord(entityRow({ ...stray, type: 'COUNTRY' }))).toEqual({ id: 'x', type: 'COUNTRY', name: 'X', aliases: [], description: 'd' });
    expect(() => entityRecord(entityRow({ type: 'PLANET' }))).toThrow(/unknown type/);
  });

  it('scopes report ids to their document again, and makes API ids slugs', () => {
    expect(localReportId({ id: 'doc-1/r1', documentId: 'doc-1' })).toBe('r1');
    expect(localReportId({ id: 'api/0a1b2c', documentId: 'doc-1' })).toBe('api-0a1b2c');
  });

  it('writes a report with its subject, or nothing when it has no document quote', () => {
    expect(reportRecord(reportRow({ subjectKind: 'relation', subject: 'x-member-of-y', attributedToId: 'x', reportedAt: '2021-08' }))).toEqual({
      document: 'doc-1',
      id: 'r1',
      subject: { relation: 'x-member-of-y' },
      source: 'wire',
      quote: 'X said',
      start: 0,
      end: 6,
      reportedAt: '2021-08',
      attributedTo: 'x',
      method: 'manual',
      values: {},
    });
    // What the report says of its subject travels with it, nulls left out.
    const values = { description: null, title: null, category: null, role: 'deputy commander', startDate: '2021-08', endDate: null };
    expect(reportRecord(reportRow({ subjectKind: 'relation', values }))!.values).toEqual({ role: 'deputy commander', startDate: '2021-08' });
    expect(reportRecord(reportRow({ documentId: null }))).toBeUndefined();
    expect(reportRecord(reportRow({ quote: null, start: null, end: null }))).toBeUndefined();
  });

  it("writes how a report was made: always the method, and a machine-made report's rule and confidence", () => {
    expect(reportRecord(reportRow({}))).toMatchObject({ method: 'manual' });
    expect(reportRecord(reportRow({}))).not.toHaveProperty('rule');
    expect(reportRecord(reportRow({}))).not.toHaveProperty('confidence');
    expect(reportRecord(reportRow({ method: 'extracted', rule: 'appos-title', confidence: 0.82 }))).toMatchObject({
      method: 'extracted',
      rule: 'appos-title',
      confidence: 0.82,
    });
    expect(reportRecord(reportRow({ method: 'reviewed', rule: 'kbp', confidence: 0 }))).toMatchObject({ method: 'reviewed', rule: 'kbp', confidence: 0 });
    expect(reportRecord(reportRow({ quote: null, start: null, end: null }))).toBeUndefined();
  });
});
