import { describe, expect, it } from 'vitest';
import type { Bundle, BundleEntity } from '../../src/model/bundle-schema.js';
import { regressions, type Baseline, type CheckedScore } from '../../tools/eval-extract/baseline.js';
import { scoreDraft } from '../../tools/eval-extract/score-document.js';
import { attributionKeys, inexactQuotes, mappedId, matchEntities, prf, relationKeys } from '../../tools/eval-extract/score.js';
import { totalOf } from '../../tools/eval-extract/totals.js';

const TEXT = 'Rear Admiral Katrin Vollmer of the German Navy leads Amber Shield, the ministry said.';

const entity = (id: string, type: BundleEntity['type'], name: string, aliases: string[] = []) => ({ id, type, name, aliases }) as BundleEntity;

function bundle(parts: Partial<Pick<Bundle, 'entities' | 'relations' | 'reports' | 'sources'>>, text = TEXT): Bundle {
  return {
    format: 'newsgraph.bundle',
    version: 1,
    document: { id: 'doc', text },
    sources: parts.sources ?? [{ id: 'doc-source', name: 'The article', kind: 'document' }],
    entities: parts.entities ?? [],
    relations: parts.relations ?? [],
    reports: parts.reports ?? [],
  } as Bundle;
}

const at = (quote: string) => ({ quote, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

const GOLD = bundle({
  entities: [
    entity('katrin-vollmer', 'PERSON', 'Katrin Vollmer', ['Vollmer']),
    entity('german-navy', 'ORGANIZATION', 'German Navy'),
    entity('amber-shield-25', 'EVENT', 'Amber Shield-25', ['Amber Shield']),
    entity('ministry', 'ORGANIZATION', 'Lithuanian Ministry of National Defence', ['the ministry']),
  ],
  relations: [
    { id: 'g1', type: 'MEMBER_OF', from: 'katrin-vollmer', to: 'german-navy' },
    { id: 'g2', type: 'COMMANDS', from: 'katrin-vollmer', to: 'amber-shield-25' },
  ],
  reports: [
    { id: 'r1', subject: { relation: 'g2' }, source: 'doc-source', ...at('Katrin Vollmer of the German Navy leads Amber Shield'), attributedTo: 'ministry' },
  ],
});

describe('entity matching', () => {
  it('matches by a shared normalized name or alias of the same type, not across types', () => {
    const predicted = [entity('p1', 'PERSON', 'VOLLMER'), entity('p2', 'EVENT', 'amber shield 25'), entity('p3', 'LOCATION', 'German Navy')];
    const matching = matchEntities(predicted, GOLD.entities);
    expect(Object.fromEntries(matching)).toEqual({ p1: 'katrin-vollmer', p2: 'amber-shield-25' });
    expect(mappedId(matching, 'p3')).toBe('?p3');
  });

  it('is one to one: a second name for an entity already matched is a false entity', () => {
    const predicted = [entity('a', 'PERSON', 'Katrin Vollmer'), entity('b', 'PERSON', 'Vollmer')];
    const matching = matchEntities(predicted, GOLD.entities);
    expect(matching.size).toBe(1);
    expect(matching.get('a')).toBe('katrin-vollmer');
    const score = scoreDraft(bundle({ entities: predicted }), GOLD);
    expect([score.entities.correct, score.entities.predicted, score.entities.gold]).toEqual([1, 2, 4]);
    expect(score.misses.entities.spurious).toEqual(['PERSON Vollmer']);
  });

  it('finds the largest matching, moving an earlier match to its other candidate', () => {
    const gold = [entity('x', 'COUNTRY', 'Russia', ['Moscow']), entity('y', 'COUNTRY', 'Muscovy', ['Moscow'])];
    // 'a' could take x or y; 'b' only x. Greedy order would leave b unmatched.
    const predicted = [entity('a', 'COUNTRY', 'Moscow'), entity('b', 'COUNTRY', 'Russia')];
    expect(Object.fromEntries(matchEntities(predicted, gold))).toEqual({ a: 'y', b: 'x' });
  });

  it('prefers the gold entity whose own name is the predicted name', () => {
    const gold = [entity('city', 'LOCATION', 'Kinshasa region', ['Kinshasa']), entity('kinshasa', 'LOCATION', 'Kinshasa')];
    expect(matchEntities([entity('p', 'LOCATION', 'Kinshasa')], gold).get('p')).toBe('kinshasa');
  });
});

describe('relations and attributions', () => {
  const draft = bundle({
    entities: [
      entity('kv', 'PERSON', 'Vollmer'),
      entity('gn', 'ORGANIZATION', 'German Navy'),
      entity('ex', 'EVENT', 'Amber Shield'),
      entity('min', 'ORGANIZATION', 'the ministry'),
    ],
    relations: [
      { id: 'd1', type: 'MEMBER_OF', from: 'kv', to: 'gn' },
      { id: 'd2', type: 'PARTICIPATES_IN', from: 'kv', to: 'ex' },
    ],
    reports: [{ id: 'q', subject: { relation: 'd1' }, source: 'doc-source', ...at('Katrin Vollmer of the German Navy'), attributedTo: 'min' }],
  });

  it('compares (type, from, to) with the endpoints mapped through the entity matching', () => {
    const matching = matchEntities(draft.entities, GOLD.entities);
    expect([...relationKeys(draft, (id) => mappedId(matching, id))]).toEqual([
      'MEMBER_OF katrin-vollmer german-navy',
      'PARTICIPATES_IN katrin-vollmer amber-shield-25',
    ]);
    const score = scoreDraft(draft, GOLD);
    expect([score.relations.correct, score.relations.predicted, score.relations.gold]).toEqual([1, 2, 2]);
    expect(score.relations.f1).toBeCloseTo(0.5);
    expect(score.misses.relations.missed).toEqual(['COMMANDS Katrin Vollmer -> Amber Shield-25']);
  });

  it('does not count a relation whose endpoint matched no gold entity', () => {
    const stray = bundle({
      entities: [entity('kv', 'PERSON', 'Kate Vollmer'), entity('gn', 'ORGANIZATION', 'German Navy')],
      relations: [{ id: 'd1', type: 'MEMBER_OF', from: 'kv', to: 'gn' }],
    });
    expect(scoreDraft(stray, GOLD).relations.correct).toBe(0);
  });

  it('scores attributions as (subject, attributedTo) pairs in gold terms', () => {
    expect([...attributionKeys(GOLD)]).toEqual(['R COMMANDS katrin-vollmer amber-shield-25 <- ministry']);
    const score = scoreDraft(draft, GOLD);
    // The draft attributes the membership, not the command: one false pair, one missed.
    expect([score.attributions.correct, score.attributions.predicted, score.attributions.gold]).toEqual([0, 1, 1]);
    expect(score.misses.attributions).toEqual({
      missed: ['COMMANDS Katrin Vollmer -> Amber Shield-25 <- Lithuanian Ministry of National Defence'],
      spurious: ['MEMBER_OF Katrin Vollmer -> German Navy <- Lithuanian Ministry of National Defence'],
    });
  });
});

describe('quotes', () => {
  it('counts a quote at the wrong offsets as inexact, whatever its text', () => {
    const shifted = { id: 'bad', subject: { entity: 'kv' }, source: 'doc-source', quote: 'Katrin Vollmer', start: 14, end: 28 };
    const draft = bundle({
      entities: [entity('kv', 'PERSON', 'Katrin Vollmer')],
      reports: [{ id: 'good', subject: { entity: 'kv' }, source: 'doc-source', ...at('Katrin Vollmer') }, shifted],
    });
    expect(inexactQuotes(draft).map((report) => report.id)).toEqual(['bad']);
    const score = scoreDraft(draft, GOLD);
    expect(score.quotes).toEqual({ exact: 1, total: 2 });
    expect(score.valid).toBe(false);
  });

  it('reads offsets as code points, not UTF-16 units', () => {
    const text = '🛳 Jane Roe sailed.';
    const report = (start: number, end: number) => ({ id: `r${start}`, subject: { entity: 'j' }, source: 'doc-source', quote: 'Jane Roe', start, end });
    const draft = bundle({ entities: [entity('j', 'PERSON', 'Jane Roe')], reports: [report(2, 10), report(3, 11)] }, text);
    expect(inexactQuotes(draft).map((r) => r.id)).toEqual(['r3']);
  });
});

describe('totals and the baseline check', () => {
  it('micro-averages: counts are summed before precision and recall', () => {
    const one = scoreDraft(bundle({ entities: [entity('a', 'PERSON', 'Katrin Vollmer')] }), GOLD);
    const two = scoreDraft(bundle({ entities: [entity('b', 'PERSON', 'Nobody'), entity('c', 'PERSON', 'Nobody Else')] }), GOLD);
    const total = totalOf([one, two]);
    expect([total.entities.correct, total.entities.predicted, total.entities.gold]).toEqual([1, 3, 8]);
    expect(total.entities.precision).toBeCloseTo(1 / 3);
  });

  it('gives F1 0 when nothing is found and 1 when there was nothing to find', () => {
    expect(prf({ correct: 0, predicted: 0, gold: 5 }).f1).toBe(0);
    expect(prf({ correct: 0, predicted: 0, gold: 0 }).f1).toBe(1);
  });

  it('fails a score more than 0.02 below the baseline, and only that one', () => {
    const scores: Record<CheckedScore, number> = {
      'seed.entities.f1': 0.9,
      'seed.relations.f1': 0.6,
      'seed.quotes.share': 1,
      'others.entities.f1': 0.85,
      'others.relations.f1': 0.5,
      'others.quotes.share': 1,
    };
    const baseline: Baseline = { commit: 'abc', recordedAt: '2026-12-02', scores };
    expect(regressions({ ...scores, 'seed.relations.f1': 0.58 }, baseline)).toEqual([]);
    const found = regressions({ ...scores, 'others.entities.f1': 0.8299, 'seed.quotes.share': 0.99 }, baseline);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^others\.entities\.f1: 0\.8299/);
  });
});
