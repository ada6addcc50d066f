import { LIMITS } from '../../model/limits.js';
import { ArgumentError } from '../../model/input-error.js';


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

/** The description of a page's `first` argument. */
export function pageSizeDescription(what: string): string {
  return `How many ${what} to return, ${LIMITS.pageSize.min}-${LIMITS.pageSize.max}, default ${LIMITS.pageSize.default}.`;
}
