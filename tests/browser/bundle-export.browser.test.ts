import { describe, expect, it } from 'vitest';
import { buildBundle, type BundleInput } from '../../explorer/src/bundle.js';
import type { EntityDetail, EntityRef, RelationDetail, Report } from '../../explorer/src/types.js';
import { readSeedBundle } from '../../src/ingest/seed.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import { validateBundle } from '../../src/model/validate-bundle.js';

// The explorer's JSON export, fed what the API returns for a view of the seed graph:
// with the document's text it keeps every report; without it, it still writes a valid bundle.

const seed = readSeedBundle() as Bundle;
const VIEW = ['liu-xiaowu', 'zapad-interaction-2021', 'russia', 'peoples-liberation-army'];

function ref(id: string | undefined): EntityRef | null {
  const entity = seed.entities.find((candidate) => candidate.id === id);
  return entity ? { id: entity.id, name: entity.name, type: entity.type } : null;
}

function reportsOf(subject: { entity: string } | { relation: string }): Report[] {
  const document = { id: seed.document.id, title: seed.document.title ?? null, publishedAt: seed.document.publishedAt ?? null, url: seed.document.url ?? null };
  return seed.reports
    .filter((report) => JSON.stringify(report.subject) === JSON.stringify(subject))
    .map((report) => {
      const source = seed.sources.find((candidate) => candidate.id === report.source)!;
      return {
        method: 'MANUAL' as const,
        rule: null,
        confidence: null,
        quote: report.quote,
        start: report.start,
        end: report.end,
        reportedAt: report.reportedAt ?? document.publishedAt,
        source: { id: source.id, name: source.name, kind: source.kind, url: source.url ?? null, entity: ref(source.entity) },
        document,
        attributedTo: ref(report.attributedTo),
      };
    });
}

function entityDetail(id: string): EntityDetail {
  const entity = seed.entities.find((candidate) => candidate.id === id)!;
  return { description: null, ...entity, reportedBy: VIEW.includes(id) ? reportsOf({ entity: id }) : [] } as EntityDetail;
}

function viewInput(text: string | null): BundleInput {
  const entities = VIEW.map(entityDetail);
  const relations: RelationDetail[] = seed.relations
    .filter((relation) => VIEW.includes(relation.from) && VIEW.includes(relation.to))
    .map((relation) => ({
      ...relation,
      role: relation.role ?? null,
      startDate: null,
      endDate: null,
      from: ref(relation.from)!,
      to: ref(relation.to)!,
      reportedBy: reportsOf({ relation: relation.id }),
    }));
  const referenced = new Set<string>();
  for (const subject of [...entities, ...relations]) {
    for (const report of subject.reportedBy)
      for (const entity of [report.attributedTo, report.source.entity]) if (entity && !VIEW.includes(entity.id)) referenced.add(entity.id);
  }
  return { entities, relations, referenced: [...referenced].map(entityDetail), text, documentId: seed.document.id };
}

describe('the JSON bundle export', () => {
  it('keeps every report of the view when the document text is available', () => {
    const input = viewInput(seed.document.text);
    const { bundle, leftOut } = buildBundle(input);
    const valid = validateBundle(bundle);
    const expected = [...input.entities, ...input.relations].reduce((sum, subject) => sum + subject.reportedBy.length, 0);
    expect(valid.reports).toHaveLength(expected);
    expect(leftOut).toEqual({ otherDocuments: 0, withoutQuote: 0, withoutText: 0, quoteMismatch: 0 });
    // The spokesperson a report is attributed to comes along, so the reference resolves.
    expect(valid.entities.map((entity) => entity.id)).toEqual(expect.arrayContaining([...VIEW, 'wu-qian']));
    expect(valid.relations.map((relation) => relation.id)).toContain('liu-xiaowu-commands-zapad-interaction-2021');
  });

  it('leaves reports out, and counts them, when the API gives no document text', () => {
    const { bundle, leftOut } = buildBundle(viewInput(null));
    expect(validateBundle(bundle).reports).toEqual([]);
    expect(leftOut.withoutText).toBeGreaterThan(0);
  });

  it('keeps how each report was made, so extracted facts are not re-ingested as hand-annotated', () => {
    const input = viewInput(seed.document.text);
    const report = input.entities[0]!.reportedBy[0]!;
    input.entities[0]!.reportedBy[0] = { ...report, method: 'EXTRACTED', rule: 'appos-title', confidence: 0.82 };
    const valid = validateBundle(buildBundle(input).bundle);
    expect(valid.reports.filter((exported) => exported.method === 'extracted')).toEqual([
      expect.objectContaining({ subject: { entity: input.entities[0]!.id }, quote: report.quote, method: 'extracted', rule: 'appos-title', confidence: 0.82 }),
    ]);
    expect(valid.reports.filter((exported) => exported.method === 'manual')).toHaveLength(valid.reports.length - 1);
    expect(valid.reports.every((exported) => exported.method === 'extracted' || (exported.rule === undefined && exported.confidence === undefined))).toBe(true);
  });

  it('leaves out a quote that is not at its offsets', () => {
    const input = viewInput(seed.document.text);
    const report = input.entities[0]!.reportedBy[0]!;
    input.entities[0]!.reportedBy[0] = { ...report, start: report.start! + 1, end: report.end! + 1 };
    const { bundle, leftOut } = buildBundle(input);
    validateBundle(bundle);
    expect(leftOut.quoteMismatch).toBe(1);
  });
});
