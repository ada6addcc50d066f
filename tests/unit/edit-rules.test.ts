import { describe, expect, it } from 'vitest';
import { relationEditSchema, reportEditSchema } from '../../src/model/edit-inputs.js';
import { entitySchema } from '../../src/model/bundle-schema.js';
import { BundleValidationError, validateBundle } from '../../src/model/validate-bundle.js';
import { smallBundle } from '../helpers/bundles.js';

/** The issues a bundle gets, as `path: message`. */
function bundleIssues(patch: (bundle: ReturnType<typeof smallBundle>) => void): string[] {
  const bundle = smallBundle();
  patch(bundle);
  try {
    validateBundle(bundle);
    return [];
  } catch (error) {
    if (error instanceof BundleValidationError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
}

const firstIssue = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.success ? null : `${result.error!.issues[0]!.path.join('.')}: ${result.error!.issues[0]!.message}`;

describe('bundles and edits refuse the same relations', () => {
  const relation = { type: 'MEMBER_OF', from: 'jane-roe', to: 'alpha-corp' } as const;

  it.each([
    ['a blank role', { role: '   ' }, 'role', /must not be empty/],
    ['a role with a bidirectional override', { role: 'lead\u202E' }, 'role', /U\+202E/],
    ['a relation from an entity to itself', { to: 'jane-roe' }, 'to', /itself/],
    ['dates that end before they start', { startDate: '2021-08', endDate: '2021-07-31' }, 'endDate', /endDate 2021-07-31 is before startDate 2021-08/],
  ])('%s', (_what, change, field, says) => {
    expect(firstIssue(relationEditSchema.safeParse({ ...relation, ...change }))).toMatch(new RegExp(`^${field}: .*${says.source}`));
    const issues = bundleIssues((bundle) => Object.assign(bundle.relations[0]!, change));
    expect(
      issues.some((issue) => issue.startsWith(`relations[0].${field}: `) && says.test(issue)),
      issues.join('\n'),
    ).toBe(true);
  });

  it('accepts a relation whose end shares the precision of its start', () => {
    expect(relationEditSchema.safeParse({ ...relation, startDate: '2021-08-13', endDate: '2021-08' }).success).toBe(true);
    expect(relationEditSchema.safeParse({ ...relation, id: 'jane-roe-member-of-alpha-corp', role: 'lead' }).success).toBe(true);
  });
});

describe('bundles and edits refuse the same entities', () => {
  it.each([
    [
      'an event that ends before it starts',
      { type: 'EVENT', name: 'Exercise', startDate: '2021-08-13', endDate: '2021-08-09' },
      'endDate',
      'endDate',
      /is before startDate/,
    ],
    ['a name with NUL', { type: 'PERSON', name: 'Probe\u0000Nul' }, 'name', 'name', /U\+0000/],
    ['a name with a right-to-left override', { type: 'PERSON', name: 'Probe \u202Eetirw' }, 'name', 'name', /U\+202E/],
    ['an alias with a zero-width space', { type: 'PERSON', name: 'Putin', aliases: ['Pu\u200Btin'] }, 'aliases.0', 'aliases[0]', /U\+200B/],
  ])('%s', (_what, entity, editField, bundleField, says) => {
    expect(firstIssue(entitySchema.safeParse({ id: 'probe', aliases: [], ...entity }))).toMatch(
      new RegExp(`^${editField.replace('.', '\\.')}: .*${says.source}`),
    );
    const issues = bundleIssues((bundle) => bundle.entities.push({ id: 'probe', aliases: [], ...entity } as never));
    expect(
      issues.some((issue) => issue.startsWith(`entities[3].${bundleField}: `) && says.test(issue)),
      issues.join('\n'),
    ).toBe(true);
  });
});

describe('reports given with an edit', () => {
  it('refuse a quote longer than a bundle takes (20,000 characters), or with NUL', () => {
    expect(firstIssue(reportEditSchema.safeParse({ sourceId: 'msn-news', quote: 'x'.repeat(20_000) }))).toBeNull();
    expect(firstIssue(reportEditSchema.safeParse({ sourceId: 'msn-news', quote: 'x'.repeat(20_001) }))).toMatch(/^quote: /);
    expect(firstIssue(reportEditSchema.safeParse({ sourceId: 'msn-news', quote: 'a\u0000b' }))).toMatch(/^quote: .*NUL/);
    expect(bundleIssues((bundle) => (bundle.reports[0]!.quote = 'x'.repeat(20_001))).join('\n')).toMatch(/reports\[0\]\.quote: /);
  });

  it('refuse ids that are not slugs of at most 200 characters, and offsets out of order', () => {
    expect(firstIssue(reportEditSchema.safeParse({ sourceId: 'a'.repeat(100_000) }))).toMatch(/^sourceId: /);
    expect(firstIssue(reportEditSchema.safeParse({ sourceId: 'msn-news', attributedTo: 'Not A Slug' }))).toMatch(/^attributedTo: /);
    expect(firstIssue(reportEditSchema.safeParse({ sourceId: 'msn-news', documentId: 'd', quote: 'q', start: 5, end: 5 }))).toMatch(/^end: /);
  });
});
