import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { InputError } from '../../model/input-error.js';

/**
 * An edit's input refused by the shared rules (src/model/edit-inputs.ts), as
 * one BAD_USER_INPUT error whose `field` names the part at fault:
 * `endDate`, `aliases.0`, `reports[1].quote`.
 */
export function inputIssueError(issue: z.core.$ZodIssue, within = '', message = issue.message): GraphQLError {
  const field = [within, issue.path.join('.')].filter(Boolean).join('.') || 'input';
  return new InputError(field, message, `input.${field}`);
}

/** The value as the schema parses it, or the first problem found as a BAD_USER_INPUT error. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, within = ''): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw inputIssueError(parsed.error.issues[0]!, within);
  return parsed.data;
}
