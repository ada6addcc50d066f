import type { ArgBuilder } from '@pothos/core';
import { isFiltered, NO_CLAIM_FILTER, type ClaimFilter } from '../../repositories/support/claim-filter-cypher.js';
import type { builder } from '../builder.js';
import { checkRange } from './limits.js';
import { LIMITS } from '../../model/limits.js';
import { dateUpperBound } from '../../model/dates.js';

/**
 * The read filters every graph read takes, declared once so each field
 * describes and validates them alike. The Cypher they become is in
 * src/repositories/support/claim-filter-cypher.ts.
 */

export interface ClaimFilterArgs {
  asOf?: string | null;
  minSources?: number | null;
}

export const claimFilterArgs = (arg: ArgBuilder<typeof builder.$inferSchemaTypes>) => ({
  asOf: arg({
    type: 'Date',
    description:
      'The graph as it was known on this date: only reports dated on or before it count (a month or year means its last day), and an entity or relation with no such report is left out.',
  }),
  minSources: arg.int({
    description: `Only entities and relations with at least this many independent sources (${LIMITS.minSources.min} to ${LIMITS.minSources.max}); a relation also needs both its entities to pass. With asOf, only the reports dated by then are counted.`,
  }),
});

/**
 * The filter the arguments ask for. An argument left out takes the value the
 * parent was read with (an entity's relations follow the entity's filter);
 * one given, even null, replaces it.
 */
export function claimFilterOf(args: ClaimFilterArgs, inherited: ClaimFilter = NO_CLAIM_FILTER): ClaimFilter {
  const asOf = args.asOf === undefined ? inherited.asOf : args.asOf;
  const minSources = args.minSources === undefined ? inherited.minSources : args.minSources;
  return { asOf, minSources: minSources === null ? null : checkRange('minSources', minSources, LIMITS.minSources) };
}

/**
 * The filter each entity record was read under, for its relations to
 * inherit. Kept beside the records, not in them: unfiltered records are
 * shared by loaders and stay unmarked.
 */
const readUnderFilter = new WeakMap<object, ClaimFilter>();

export function markReadUnder<T extends object | null | undefined>(record: T, filter: ClaimFilter): T {
  if (record && isFiltered(filter)) readUnderFilter.set(record, filter);
  return record;
}

export const readUnder = (record: object): ClaimFilter => readUnderFilter.get(record) ?? NO_CLAIM_FILTER;

/** The reports of a record as known then: all of them, or, read under asOf, those dated by then (an undated one is not). */
export function countedReports<R extends { reportedAt: string | null }>(record: object, reports: readonly R[]): R[] {
  const filter = readUnder(record);
  if (!isFiltered(filter)) return [...reports];
  const bound = filter.asOf === null ? null : dateUpperBound(filter.asOf);
  // Copies, marked with the filter, so the people they are attributed to are read under it too; the loaders' records stay shared and unmarked.
  return reports
    .filter((report) => bound === null || (report.reportedAt !== null && report.reportedAt <= bound))
    .map((report) => markReadUnder({ ...report }, filter));
}
