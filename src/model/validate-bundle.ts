import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { bundleSchema, type Bundle } from './bundle-schema.js';
import { withShortEchoes } from './echo.js';
import { ReferenceChecker, type ValidationIssue } from './references.js';

export type { ValidationIssue };

/** A bundle (or stream) that failed validation; nothing from it was written. */
export class BundleValidationError extends GraphQLError {
  readonly issues: ValidationIssue[];

  constructor(found: ValidationIssue[]) {
    // An issue may quote what it refuses (an unknown key, a long id): briefly, as every error message does.
    const issues = found.map((issue) => ({ path: withShortEchoes(issue.path), message: withShortEchoes(issue.message) }));
    const shown = issues.slice(0, 20).map((issue) => `${issue.path}: ${issue.message}`);
    const more = issues.length > shown.length ? `\n  ... and ${issues.length - shown.length} more` : '';
    super(`The bundle is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was written:\n  ${shown.join('\n  ')}${more}`, {
      extensions: { code: 'BAD_USER_INPUT', issues: issues.slice(0, 200) },
    });
    this.name = 'BundleValidationError';
    this.issues = issues;
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(root)';
}

export function zodIssues(error: z.ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path, prefix), message: issue.message }));
}

/** Parses and checks a whole bundle; throws BundleValidationError listing every problem. */
export function validateBundle(input: unknown): Bundle {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) throw new BundleValidationError(zodIssues(parsed.error));
  const bundle = parsed.data;
  const checker = new ReferenceChecker();
  checker.addDocument(bundle.document, 'document');
  bundle.sources.forEach((source, i) => checker.addSource(source, `sources[${i}]`));
  bundle.entities.forEach((entity, i) => checker.addEntity(entity, `entities[${i}]`));
  bundle.relations.forEach((relation, i) => checker.addRelation(relation, `relations[${i}]`));
  bundle.reports.forEach((report, i) => checker.addReport(report, bundle.document.id, `reports[${i}]`));
  const issues = checker.finish();
  if (issues.length > 0) throw new BundleValidationError(issues);
  return bundle;
}
