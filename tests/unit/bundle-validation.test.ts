import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BundleValidationError, validateBundle } from '../../src/model/validate-bundle.js';
import { seedBundle, smallBundle } from '../helpers/bundles.js';

function issuesOf(input: unknown): string[] {
  try {
    validateBundle(input);
  } catch (error) {
    if (error instanceof BundleValidationError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('the seed bundle', () => {
  const seed = seedBundle();

  it('validates', () => {
    expect(issuesOf(seed)).toEqual([]);
  });

  it('carries the article verbatim', () => {
    expect(seed.document.text).toBe(readFileSync(new URL('../../data/seed/000_d42a34f1ce22f931.txt', import.meta.url), 'utf8'));
  });

  it('has every quote at its offsets in the article', () => {
    expect(seed.reports.length).toBeGreaterThan(20);
    for (const report of seed.reports) expect(seed.document.text.slice(report.start, report.end), report.id).toBe(report.quote);
  });

  it('has provenance for every entity and relation', () => {
    const reported = new Set(seed.reports.map((report) => ('entity' in report.subject ? report.subject.entity : report.subject.relation)));
    for (const entity of seed.entities) expect(reported.has(entity.id), entity.id).toBe(true);
    for (const relation of seed.relations) expect(reported.has(relation.id), relation.id).toBe(true);
  });
});

describe('bundle validation', () => {
  it('accepts the small fixture', () => {
    expect(issuesOf(smallBundle())).toEqual([]);
  });

  it('rejects unknown entity and relation types, naming the record', () => {
    const bundle = smallBundle() as unknown as { entities: Array<{ type: string }>; relations: Array<{ type: string }> };
    bundle.entities[1]!.type = 'COMPANY';
    bundle.relations[0]!.type = 'EMPLOYS';
    const issues = issuesOf(bundle);
    expect(issues.some((issue) => issue.startsWith('entities[1].type'))).toBe(true);
    expect(issues.some((issue) => issue.startsWith('relations[0].type'))).toBe(true);
  });

  it('rejects relation endpoints of the wrong type', () => {
    const bundle = smallBundle();
    bundle.relations.push({ id: 'springfield-commands-alpha', type: 'COMMANDS', from: 'springfield', to: 'alpha-corp' });
    expect(issuesOf(bundle)).toEqual([expect.stringMatching(/^relations\[1\]\.from: COMMANDS cannot go from a LOCATION/)]);
  });

  it('rejects dangling references', () => {
    const bundle = smallBundle();
    bundle.relations[0]!.to = 'nobody';
    bundle.reports[0]!.source = 'no-such-source';
    bundle.reports[3]!.attributedTo = 'ghost';
    const issues = issuesOf(bundle);
    expect(issues).toContain('relations[0].to: unknown entity "nobody"');
    expect(issues).toContain('reports[0].source: unknown source "no-such-source"');
    expect(issues).toContain('reports[3].attributedTo: unknown entity "ghost"');
  });

  it('rejects a quote that is not at its offsets', () => {
    const bundle = smallBundle();
    bundle.reports[0]!.start += 1;
    bundle.reports[0]!.end += 1;
    bundle.reports[1]!.end = 10_000;
    const issues = issuesOf(bundle);
    expect(issues[0]).toMatch(/^reports\[0\]\.quote: quote does not match the document at/);
    expect(issues[1]).toMatch(/^reports\[1\]\.end: .*past the end of the document/);
  });

  it('counts offsets in code points', () => {
    const bundle = smallBundle();
    bundle.document.text = `🙂 ${bundle.document.text}`;
    for (const report of bundle.reports) {
      report.start += 2;
      report.end += 2;
    }
    expect(issuesOf(bundle)).toEqual([]);
  });

  it('rejects malformed dates', () => {
    const bundle = smallBundle();
    bundle.document.publishedAt = '2024-13';
    bundle.relations[0]!.startDate = 'May 2024';
    const issues = issuesOf(bundle);
    expect(issues).toContain('document.publishedAt: expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
    expect(issues).toContain('relations[0].startDate: expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('rejects duplicate ids, bad slugs, unknown fields and a wrong version', () => {
    const bundle = smallBundle() as unknown as Record<string, unknown> & ReturnType<typeof smallBundle>;
    bundle.entities.push({ ...bundle.entities[0]! });
    expect(issuesOf(bundle)).toContain('entities[3].id: duplicate entity id "jane-roe"');
    expect(issuesOf({ ...smallBundle(), version: 2 })[0]).toMatch(/^version:/);
    const badSlug = smallBundle();
    badSlug.entities[0]!.id = 'Jane Roe';
    expect(issuesOf(badSlug)[0]).toMatch(/^entities\[0\]\.id: expected a slug/);
    const extra = smallBundle() as unknown as { entities: Array<Record<string, unknown>> };
    extra.entities[0]!.rank = 'general';
    expect(issuesOf(extra)[0]).toMatch(/^entities\[0\]/);
  });

  it('rejects type-specific fields on the wrong type', () => {
    const bundle = smallBundle() as unknown as { entities: Array<Record<string, unknown>> };
    bundle.entities[2]!.startDate = '2024';
    expect(issuesOf(bundle)[0]).toMatch(/^entities\[2\]/);
  });
});

describe('docs/bundle-format.md', () => {
  it('shows an example bundle that validates', () => {
    const markdown = readFileSync(new URL('../../docs/bundle-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(example).toBeDefined();
    expect(issuesOf(JSON.parse(example!))).toEqual([]);
  });
});

describe('bundle issues that quote the input', () => {
  it('repeat a huge unknown key or id only briefly, in the message and in each issue', () => {
    const bundle = { ...smallBundle(), ['k'.repeat(5000)]: 1 };
    bundle.entities[0]!.id = 'x'.repeat(5000);
    let error: unknown;
    try {
      validateBundle(bundle);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BundleValidationError);
    const { issues, message } = error as BundleValidationError;
    expect(issues.length).toBeGreaterThan(0);
    expect(message.length).toBeLessThan(2000);
    for (const issue of issues) expect(issue.path.length + issue.message.length).toBeLessThan(400);
  });
});
