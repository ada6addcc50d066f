/**
 * Size limits on arguments: out-of-range values are refused, never silently
 * clamped (src/schema/support/limits.ts checks them). The repositories read
 * them too where a bound shapes a statement (the neighbourhood's depth).
 */
export const LIMITS = {
  /** `first` of every page; `default` when it is not given. */
  pageSize: { min: 0, max: 100, default: 20 },
  searchSize: { min: 1, max: 100 },
  neighborhoodDepth: { min: 1, max: 3 },
  neighborhoodLimit: { min: 1, max: 1000 },
  maxHops: { min: 1, max: 8 },
  timeline: { max: 500 },
  minSources: { min: 1, max: 1000 },
} as const;
