/**
 * Size limits on arguments: out-of-range values are refused, never silently
 * clamped (src/schema/support/limits.ts checks them). The repositories read
 * them too where a bound shapes a statement (the neighbourhood's depth).
 */
export const LIMITS = {
  /** Each range's `default` is the value when the argument is not given; `pageSize` is every page's `first`. */
  pageSize: { min: 0, max: 100, default: 20 },
  searchSize: { min: 1, max: 100, default: 10 },
  neighborhoodDepth: { min: 1, max: 3, default: 1 },
  neighborhoodLimit: { min: 1, max: 1000, default: 200 },
  maxHops: { min: 1, max: 8, default: 6 },
  timeline: { max: 500 },
  minSources: { min: 1, max: 1000 },
} as const;
