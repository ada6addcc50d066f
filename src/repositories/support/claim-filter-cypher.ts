import neo4j from 'neo4j-driver';
import { dateUpperBound } from '../../model/dates.js';

/**
 * The read filters `asOf` and `minSources`, as Cypher predicates every
 * repository splices into its own statement: one definition of "visible",
 * and no extra round trip. With neither set every function here gives the
 * empty string and no parameter, so the statements sent are the plain ones
 * the planner has always seen.
 */

export interface ClaimFilter {
  /** A partial ISO date: only reports dated on or before it count. */
  readonly asOf: string | null;
  /** Only facts with at least this many independent sources. */
  readonly minSources: number | null;
}

export const NO_CLAIM_FILTER: ClaimFilter = { asOf: null, minSources: null };

export const isFiltered = (filter: ClaimFilter): boolean => filter.asOf !== null || filter.minSources !== null;

export const sameFilter = (a: ClaimFilter, b: ClaimFilter): boolean => a.asOf === b.asOf && a.minSources === b.minSources;

/**
 * The parameters the predicates name. A partial `asOf` means the end of its
 * period (`2021-08` takes in a report of 2021-08-20); stored partial dates
 * then compare as strings, `2021-08` sorting before every day of August.
 */
export function claimFilterParams(filter: ClaimFilter): Record<string, unknown> {
  return {
    ...(filter.asOf === null ? {} : { asOf: dateUpperBound(filter.asOf) }),
    ...(filter.minSources === null ? {} : { minSources: neo4j.int(filter.minSources) }),
  };
}

/**
 * The reports of a subject, binding `counted`: a name of its own, since a
 * statement may splice a predicate where `rb` is already bound, and a bound
 * name in a subquery's pattern would match only that one report.
 */
const entityReports = (n: string) => `(${n})-[counted:REPORTED_BY]->(:Source)`;
const relationReports = (r: string) => `(:Claim {relationId: ${r}.id})-[counted:REPORTED_BY]->(:Source)`;

/**
 * The independent sources among `reports` dated by asOf. Reports without an
 * origin predate it and count for nothing, as a missing stored count does.
 */
const countedAsOf = (reports: string) =>
  `COUNT { MATCH ${reports} WHERE counted.reportedAt <= $asOf AND counted.origin IS NOT NULL RETURN DISTINCT counted.origin }`;

/**
 * Without asOf the stored count answers (kept at write time, one property
 * read); with it the count is made from the reports, which costs a look at
 * each of them. `subject` is a node or relationship variable.
 */
function passes(subject: string, reports: string, filter: ClaimFilter): string {
  const predicates: string[] = [];
  if (filter.asOf !== null) predicates.push(`${subject}.firstReportedAt <= $asOf`);
  if (filter.minSources !== null) {
    predicates.push(`${filter.asOf === null ? `coalesce(${subject}.independentSourceCount, 0)` : countedAsOf(reports)} >= $minSources`);
  }
  return predicates.join(' AND ');
}

/** Cypher: entity `n` is visible under the filter; '' without one. */
export const entityVisible = (n: string, filter: ClaimFilter): string => passes(n, entityReports(n), filter);

/** Cypher: relationship `r` passes on its own reports, for callers that know its endpoints pass; '' without a filter. */
export const relationPasses = (r: string, filter: ClaimFilter): string => passes(r, relationReports(r), filter);

/** Cypher: relationship `r` from `a` to `b` is visible: it and both endpoints pass; '' without a filter. */
export function relationVisible(r: string, a: string, b: string, filter: ClaimFilter): string {
  if (!isFiltered(filter)) return '';
  return [relationPasses(r, filter), entityVisible(a, filter), entityVisible(b, filter)].join(' AND ');
}

/** Cypher: the relation that claim node `c` stands for is visible; '' without a filter. */
export function claimVisible(c: string, filter: ClaimFilter): string {
  if (!isFiltered(filter)) return '';
  return `EXISTS { MATCH (claimFrom:Entity {id: ${c}.from})-[claimed]->(claimTo:Entity {id: ${c}.to})
    WHERE claimed.id = ${c}.relationId AND ${relationVisible('claimed', 'claimFrom', 'claimTo', filter)} }`;
}

/**
 * Export columns `sourceCount`, `independentSourceCount` and `status` of an
 * entity or relationship. Without asOf they are the stored ones; with it the
 * counts are made from the reports dated by then and the status follows
 * them, except that a fact disputed today stays DISPUTED (which values were
 * reported by that date is not kept apart).
 */
export function corroborationColumns(subject: string, kind: 'entity' | 'relation', filter: ClaimFilter): string {
  if (filter.asOf === null) {
    return `coalesce(${subject}.sourceCount, 0) AS sourceCount, coalesce(${subject}.independentSourceCount, 0) AS independentSourceCount,
  coalesce(${subject}.status, 'UNSOURCED') AS status`;
  }
  const reports = kind === 'entity' ? entityReports(subject) : relationReports(subject);
  const independent = countedAsOf(reports);
  return `COUNT { MATCH ${reports} WHERE counted.reportedAt <= $asOf RETURN DISTINCT endNode(counted) } AS sourceCount,
  ${independent} AS independentSourceCount,
  CASE WHEN ${subject}.status = 'DISPUTED' THEN 'DISPUTED' WHEN ${independent} >= 2 THEN 'CORROBORATED'
    WHEN ${independent} = 1 THEN 'SINGLE_SOURCE' ELSE 'UNSOURCED' END AS status`;
}

/** ` AND <predicate>`, or nothing for an empty predicate. */
export const andAlso = (predicate: string): string => (predicate ? ` AND ${predicate}` : '');

/** `WHERE <predicate>` on a line of its own, or nothing for an empty predicate. */
export const whereLine = (predicate: string): string => (predicate ? `\nWHERE ${predicate}` : '');
