import { describe, expect, it } from 'vitest';
import { partialDate } from '../../src/extract/relations/candidate.js';
import { dropKbpWhereRulesSpoke, mergeRelations } from '../../src/extract/relations/merge.js';
import type { Article, ExtractedRelation } from '../../src/extract/types.js';

const relation = (fields: Partial<ExtractedRelation>): ExtractedRelation => ({
  type: 'MEMBER_OF',
  from: 'a',
  to: 'b',
  evidence: { start: 0, end: 10 },
  sentence: 0,
  rule: 'r',
  confidence: 0.5,
  ...fields,
});
const article: Article = { text: '', title: null, url: null, publishedAt: '2021-08-03', source: null, documentId: 'd' };

describe('merging relations', () => {
  it('keeps one relation per type and ends: the most confident, with a role from another when it has none', () => {
    const merged = mergeRelations([
      relation({ confidence: 0.8, rule: 'best' }),
      relation({ confidence: 0.5, role: 'spokesperson' }),
      relation({ type: 'COMMANDS' }),
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ rule: 'best', role: 'spokesperson' });
  });

  it('drops a KBP slot where a rule found the same pair', () => {
    expect(dropKbpWhereRulesSpoke([relation({ type: 'COMMANDS' }), relation({ rule: 'kbp:per:employee_or_member_of' })])).toHaveLength(1);
    expect(dropKbpWhereRulesSpoke([relation({ rule: 'kbp:per:employee_or_member_of' })])).toHaveLength(1);
  });

  it('anchors a timex without a year to the publication year and ignores references', () => {
    expect(partialDate('XXXX-08', article)).toBe('2021-08');
    expect(partialDate('2023-04', article)).toBe('2023-04');
    expect(partialDate('PAST_REF', article)).toBeUndefined();
    expect(partialDate('2021-W31-2', article)).toBeUndefined();
    expect(partialDate('2021-08-03T10:00', article)).toBe('2021-08-03');
  });
});
