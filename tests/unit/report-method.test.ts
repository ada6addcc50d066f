import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNdjsonLine } from '../../src/ingest/ndjson.js';
import { reportEditSchema } from '../../src/model/edit-inputs.js';
import { BundleValidationError, validateBundle } from '../../src/model/validate-bundle.js';
import { smallBundle } from '../helpers/bundles.js';

/** A report's method fields, patched onto the small bundle's first report. */
type MethodFields = { method?: string; rule?: unknown; confidence?: unknown };

function bundleIssues(fields: MethodFields): string[] {
  const bundle = smallBundle();
  Object.assign(bundle.reports[0]!, fields);
  try {
    validateBundle(bundle);
    return [];
  } catch (error) {
    if (error instanceof BundleValidationError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
}

const EXTRACTED = { method: 'extracted', rule: 'appos-title', confidence: 0.82 };

async function committedJsonSchema() {
  // ajv is CommonJS: its class is the module's default export's `default`.
  const { default: ajvModule } = await import('ajv/dist/2020.js');
  const Ajv2020 = (ajvModule as unknown as { default: typeof ajvModule }).default ?? ajvModule;
  const ajv = new (Ajv2020 as unknown as new (options: object) => import('ajv').default)({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(new URL('../../schema/bundle.schema.json', import.meta.url), 'utf8')));
}

describe("a report's method, rule and confidence", () => {
  it('accepts a report without a method (manual) and machine-made reports with their rule and confidence', () => {
    expect(bundleIssues({})).toEqual([]);
    expect(bundleIssues({ method: 'manual' })).toEqual([]);
    expect(bundleIssues(EXTRACTED)).toEqual([]);
    expect(bundleIssues({ ...EXTRACTED, method: 'reviewed', confidence: 1 })).toEqual([]);
    expect(bundleIssues({ ...EXTRACTED, confidence: 0 })).toEqual([]);
  });

  it.each([
    ['an extracted report without a rule', { method: 'extracted', confidence: 0.5 }, 'rule', /rule is required when method is "extracted"/],
    ['a reviewed report without a confidence', { method: 'reviewed', rule: 'kbp' }, 'confidence', /confidence is required when method is "reviewed"/],
    ['a manual report with a rule', { method: 'manual', rule: 'kbp' }, 'rule', /rule is only for extracted or reviewed reports/],
    ['a report without a method but with a confidence', { confidence: 0.9 }, 'confidence', /method is "manual" \(the default\)/],
    ['a confidence above 1', { ...EXTRACTED, confidence: 1.5 }, 'confidence', /1/],
    ['a negative confidence', { ...EXTRACTED, confidence: -0.1 }, 'confidence', /0/],
    ['a confidence given as text', { ...EXTRACTED, confidence: '0.5' }, 'confidence', /number/],
    ['a rule on two lines', { ...EXTRACTED, rule: 'appos\ntitle' }, 'rule', /U\+000A/],
    ['a rule longer than 200 characters', { ...EXTRACTED, rule: 'r'.repeat(201) }, 'rule', /200/],
    ['an unknown method', { ...EXTRACTED, method: 'guessed' }, 'method', /manual|extracted|reviewed/],
  ])('refuses %s, naming the field', (_what, fields, field, says) => {
    const issues = bundleIssues(fields);
    expect(
      issues.some((issue) => issue.startsWith(`reports[0].${field}: `) && says.test(issue)),
      issues.join('\n'),
    ).toBe(true);
  });

  it('holds for NDJSON report records, naming the line and the field', () => {
    const record = { record: 'report', document: 'doc', id: 'r1', subject: { entity: 'jane-roe' }, source: 'wire', quote: 'Jane', start: 0, end: 4 };
    expect(parseNdjsonLine(JSON.stringify({ ...record, ...EXTRACTED }), 3)).toMatchObject({ kind: 'report', value: EXTRACTED });
    expect(parseNdjsonLine(JSON.stringify({ ...record, method: 'extracted', rule: 'kbp' }), 3)).toEqual([
      { path: expect.stringMatching(/^line 3: \.?confidence$/), message: 'confidence is required when method is "extracted"' },
    ]);
    expect(parseNdjsonLine(JSON.stringify({ ...record, rule: 'kbp' }), 4)).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/^line 4: \.?rule$/) }),
    ]);
  });

  it('holds for reports given with an edit', () => {
    const report = { sourceId: 'wire' };
    expect(reportEditSchema.safeParse({ ...report, ...EXTRACTED }).success).toBe(true);
    const missing = reportEditSchema.safeParse({ ...report, method: 'reviewed' });
    expect(missing.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['confidence', 'rule']);
    const manual = reportEditSchema.safeParse({ ...report, confidence: 0.4 });
    expect(manual.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['confidence']);
  });

  it('is expressed in schema/bundle.schema.json, for tools outside TypeScript', async () => {
    const validate = await committedJsonSchema();
    const withReport = (fields: MethodFields) => {
      const bundle = smallBundle();
      Object.assign(bundle.reports[0]!, fields);
      return bundle;
    };
    expect(validate(withReport({})), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(withReport(EXTRACTED)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(withReport({ method: 'extracted', confidence: 0.5 }))).toBe(false);
    expect(validate(withReport({ method: 'manual', rule: 'kbp' }))).toBe(false);
    expect(validate(withReport({ confidence: 0.5 }))).toBe(false);
    expect(validate(withReport({ ...EXTRACTED, confidence: 2 }))).toBe(false);
  });
});
