import { LIMITS } from '../../model/limits.js';
import type { ArgBuilder } from '@pothos/core';
import { ArgumentError } from '../../model/input-error.js';
import type { builder } from '../builder.js';

/** A range argument's value, refused (BAD_USER_INPUT) when it is not an integer inside the range. */
export function checkRange(argumentName: string, value: number, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new ArgumentError(argumentName, `Argument "${argumentName}" must be an integer from ${range.min} to ${range.max} (got ${value}).`);
  }
  return value;
}

/** A page's `first` argument as given, or the default page size; refused when out of range. */
export function pageSizeOf(first: number | null | undefined): number {
  return checkRange('first', first ?? LIMITS.pageSize.default, LIMITS.pageSize);
}

/** The arguments of every keyset-paged list: `first` (checked by pageSizeOf) and `after`, an edge's cursor. */
export const pageArgs = (arg: ArgBuilder<typeof builder.$inferSchemaTypes>, what: string) => ({
  first: arg.int({ defaultValue: LIMITS.pageSize.default, description: `How many ${what} to return, ${rangeText(LIMITS.pageSize)}.` }),
  after: arg.string({ description: "An edge's cursor: the page starts after it. From the start when omitted." }),
});

/** How an argument's range and default read in its description: `1-3, default 1`. */
export function rangeText(range: { min: number; max: number; default: number }): string {
  return `${range.min}-${range.max}, default ${range.default}`;
}
