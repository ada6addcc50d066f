import { GraphQLError } from 'graphql';

/** Size limits on arguments: out-of-range values are refused, never silently clamped. */
export const LIMITS = {
  pageSize: { min: 0, max: 100 },
  searchSize: { min: 1, max: 100 },
  neighborhoodDepth: { min: 1, max: 3 },
  neighborhoodLimit: { min: 1, max: 1000 },
  maxHops: { min: 1, max: 8 },
  timeline: { max: 500 },
  minSources: { min: 1, max: 1000 },
} as const;

export function checkRange(argumentName: string, value: number, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new GraphQLError(`Argument "${argumentName}" must be an integer from ${range.min} to ${range.max} (got ${value}).`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName },
    });
  }
  return value;
}
