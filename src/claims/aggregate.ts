import { compatible, disputable, precision, valueKey, type ValueProperty } from './values.js';

/** What the aggregation reads of each report of one subject. */
export interface ReportFacts {
  id: string;
  sourceId: string;
  origin: string;
  reportedAt: string | null;
  values: Partial<Record<ValueProperty, string | null>>;
}

export type ClaimStatus = 'CORROBORATED' | 'SINGLE_SOURCE' | 'DISPUTED' | 'UNSOURCED';

/** One value reported for a property, with who reported it. */
export interface ReportedValue {
  property: ValueProperty;
  value: string;
  /** The value the subject shows. */
  preferred: boolean;
  /** Distinct origins whose value is compatible with this one (they count for it). */
  support: number;
  reportIds: string[];
  sourceIds: string[];
  origins: string[];
}

export interface Corroboration {
  sourceCount: number;
  independentSourceCount: number;
  firstReportedAt: string | null;
  lastReportedAt: string | null;
  status: ClaimStatus;
  disputed: ValueProperty[];
  /** The value shown for each property some report gives one for. */
  preferred: Partial<Record<ValueProperty, string>>;
  values: ReportedValue[];
}

const distinct = <T>(items: Iterable<T>) => [...new Set(items)];
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function earliest(reports: readonly ReportFacts[]): string | null {
  const dates = reports.map((report) => report.reportedAt).filter((date): date is string => date !== null);
  return dates.length === 0 ? null : dates.reduce((a, b) => (b < a ? b : a));
}

function latest(reports: readonly ReportFacts[]): string | null {
  const dates = reports.map((report) => report.reportedAt).filter((date): date is string => date !== null);
  return dates.length === 0 ? null : dates.reduce((a, b) => (b > a ? b : a));
}

/** The distinct values of one property, each with the reports that give it (spelling variants joined, first spelling kept). */
function valuesOf(property: ValueProperty, reports: readonly ReportFacts[]): Array<{ value: string; reports: ReportFacts[] }> {
  // Keyed by the shared spelling, so an entity with thousands of reports and wordings is grouped in one pass.
  const groups = new Map<string, { value: string; reports: ReportFacts[] }>();
  for (const report of reports) {
    const value = report.values[property]?.trim();
    if (!value) continue;
    const key = valueKey(property, value);
    const group = groups.get(key);
    if (group) group.reports.push(report);
    else groups.set(key, { value, reports: [report] });
  }
  return [...groups.values()];
}

/**
 * The preferred value: the one most independent sources agree with (a source
 * giving a compatible, less precise value agrees), then the most precise,
 * then the earliest reported, then the first in text order, so the choice
 * never depends on the order reports were written in.
 */
function rankValues(property: ValueProperty, groups: Array<{ value: string; reports: ReportFacts[] }>): ReportedValue[] {
  const ranked = groups.map((group) => {
    // A source agrees with a value when it gives that value or a compatible, less precise one (the month agrees with
    // the day inside it); a more precise value does not lend its support to a vaguer one, or the vaguest value would
    // always collect every source and outvote a clear majority. Free wording (a description, a role) is never in
    // dispute, so every wording is "compatible" with every other: only the sources giving a wording support it, or
    // the longest wording would always win.
    const agreeing = disputable(property)
      ? groups
          .filter(
            (other) =>
              other === group || (compatible(property, group.value, other.value) && precision(property, other.value) <= precision(property, group.value)),
          )
          .flatMap((other) => other.reports)
      : group.reports;
    return {
      property,
      value: group.value,
      preferred: false,
      support: distinct(agreeing.map((report) => report.origin)).length,
      first: earliest(group.reports) ?? '\uffff',
      reportIds: group.reports.map((report) => report.id),
      sourceIds: distinct(group.reports.map((report) => report.sourceId)),
      origins: distinct(group.reports.map((report) => report.origin)),
    };
  });
  ranked.sort(
    (a, b) =>
      b.support - a.support ||
      precision(property, b.value) - precision(property, a.value) ||
      (a.first < b.first ? -1 : a.first > b.first ? 1 : 0) ||
      (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
  if (ranked[0]) ranked[0].preferred = true;
  return ranked.map(({ first: _first, ...value }) => value);
}

function inDispute(property: ValueProperty, values: readonly ReportedValue[]): boolean {
  if (!disputable(property)) return false;
  return values.some((a, i) => values.slice(i + 1).some((b) => !compatible(property, a.value, b.value)));
}

/** Counts, dates, preferred values and disputes of one entity or relation, from its reports alone. */
export function corroborate(properties: readonly ValueProperty[], given: readonly ReportFacts[]): Corroboration {
  // Reports in a fixed order (date, then id), whatever order they were read in: the spelling kept for a value is then
  // that of its earliest report, not of whichever report the database returned first.
  const reports = [...given].sort((a, b) => compareText(a.reportedAt ?? '\uffff', b.reportedAt ?? '\uffff') || compareText(a.id, b.id));
  const values = properties.flatMap((property) => rankValues(property, valuesOf(property, reports)));
  const disputed = properties.filter((property) =>
    inDispute(
      property,
      values.filter((value) => value.property === property),
    ),
  );
  const independentSourceCount = distinct(reports.map((report) => report.origin)).length;
  const preferred: Partial<Record<ValueProperty, string>> = {};
  for (const value of values) if (value.preferred) preferred[value.property] = value.value;
  return {
    sourceCount: distinct(reports.map((report) => report.sourceId)).length,
    independentSourceCount,
    firstReportedAt: earliest(reports),
    lastReportedAt: latest(reports),
    status: disputed.length > 0 ? 'DISPUTED' : independentSourceCount >= 2 ? 'CORROBORATED' : independentSourceCount === 1 ? 'SINGLE_SOURCE' : 'UNSOURCED',
    disputed,
    preferred,
    values,
  };
}
