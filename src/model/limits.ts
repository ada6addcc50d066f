/**
 * Size limits on arguments: out-of-range values are refused, never silently
 * clamped (checkRange in src/schema/support/limits.ts, or the field that
 * takes a text or a list). The repositories read
 * them too where a bound shapes a statement (the neighbourhood's depth).
 */
export const LIMITS = {
  /** Each range's `default` is the value when the argument is not given; `pageSize` is every page's `first`. */
  pageSize: { min: 0, max: 100, default: 20 },
  searchSize: { min: 1, max: 100, default: 10 },
  /** Characters of a search's text. */
  searchQuery: { max: 500 },
  neighborhoodDepth: { min: 1, max: 3, default: 1 },
  neighborhoodLimit: { min: 1, max: 1000, default: 200 },
  maxHops: { min: 1, max: 8, default: 6 },
  timeline: { max: 500 },
  minSources: { min: 1, max: 1000 },
  /** `first` of the change feed's pages, and how many entity ids its filter may name. */
  changesPage: { min: 1, max: 1000, default: 100 },
  changeEntityIds: { min: 1, max: 1000 },
  /** How many sources one groupSources call takes, and the length of a group's name. */
  groupSourceIds: { min: 1, max: 1000 },
  groupName: { min: 1, max: 200 },
} as const;
