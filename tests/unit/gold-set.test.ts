import { describe, expect, it } from 'vitest';
import { loadGoldSet } from '../../tools/eval-extract/gold-set.js';

/** The gold documents are test data: each must stay a valid bundle of its own text, with what the evaluation scores. */
describe('the gold set', () => {
  const documents = loadGoldSet();

  it('holds the seed, three dev and three held-out documents, each valid and annotating its own text', () => {
    // loadGoldSet validates every bundle and compares document.text with the .txt file, throwing on the first problem.
    expect(documents.map((doc) => doc.group)).toEqual(['seed', 'dev', 'dev', 'dev', 'heldout', 'heldout', 'heldout']);
    expect(new Set(documents.map((doc) => doc.gold.document.id)).size).toBe(documents.length);
  });

  it.each(documents.filter((doc) => doc.group !== 'seed').map((doc) => [doc.name, doc] as const))(
    '%s is a full article with dates, attributions and an outlet',
    (_, doc) => {
      const words = doc.text.split(/\s+/).filter(Boolean).length;
      expect(words).toBeGreaterThanOrEqual(350);
      expect(words).toBeLessThanOrEqual(650);
      expect(doc.gold.document.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const types = new Set(doc.gold.entities.map((entity) => entity.type));
      expect([...types].sort()).toEqual(['COUNTRY', 'EVENT', 'LOCATION', 'ORGANIZATION', 'PERSON']);
      expect(new Set(doc.gold.relations.map((relation) => relation.type)).size).toBeGreaterThanOrEqual(3);
      expect(doc.gold.reports.some((report) => report.attributedTo)).toBe(true);
      const outlets = new Set(doc.gold.sources.filter((source) => source.kind === 'outlet').map((source) => source.id));
      expect(doc.gold.reports.some((report) => outlets.has(report.source))).toBe(true);
      // Every entity and relation is supported by at least one quote.
      const subjects = new Set(doc.gold.reports.map((report) => ('entity' in report.subject ? report.subject.entity : report.subject.relation)));
      expect(doc.gold.entities.filter((entity) => !subjects.has(entity.id))).toEqual([]);
      expect(doc.gold.relations.filter((relation) => !subjects.has(relation.id))).toEqual([]);
    },
  );
});
