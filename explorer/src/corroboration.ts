import { h } from './dom.js';
import type { Alternative, ClaimStatus, Corroboration, SourcedReport, Wording } from './types.js';

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  CORROBORATED: 'corroborated',
  SINGLE_SOURCE: 'single source',
  DISPUTED: 'disputed',
  UNSOURCED: 'unsourced',
};

export function statusBadge(status: ClaimStatus): HTMLElement {
  return h('span', { class: `claim-status ${status.toLowerCase()}`, 'data-status': status }, STATUS_LABEL[status]);
}

function row(label: string, value: Node | string): HTMLElement {
  return h('div', { class: 'field' }, h('dt', {}, label), h('dd', {}, value));
}

function span(first: string | null, last: string | null): string {
  if (!first) return 'undated';
  return last && last !== first ? `${first} – ${last}` : first;
}

const counted = (independent: number, sources: number) => `${independent} independent of ${sources} source${sources === 1 ? '' : 's'}`;

/**
 * Status, counts and report dates of an entity or relation, as the API keeps them (today's). With a date
 * set, a row gives the counts as of that date, from the reports listed: the replay shows a fact gaining sources.
 */
export function sourcing(fact: Corroboration, reports: SourcedReport[], asOf: string | null): HTMLElement {
  // Partial ISO dates compare as text, as the API compares them; an undated report counts only without a date.
  const then = asOf === null ? [] : reports.filter((report) => report.reportedAt !== null && report.reportedAt <= asOf);
  const independentThen = new Set(then.map((report) => report.origin)).size;
  return h(
    'dl',
    { class: 'sourcing', 'data-status': fact.status, 'data-independent': String(fact.independentSourceCount), 'data-sources': String(fact.sourceCount) },
    row('status', statusBadge(fact.status)),
    row('sources', counted(fact.independentSourceCount, fact.sourceCount)),
    asOf === null
      ? null
      : h(
          'div',
          { class: 'field as-of', 'data-independent': String(independentThen) },
          h('dt', {}, `as of ${asOf}`),
          h('dd', {}, counted(independentThen, new Set(then.map((report) => report.source.id)).size)),
        ),
    row('reported', span(fact.firstReportedAt, fact.lastReportedAt)),
  );
}

const valueText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Each disputed property with every value given for it and who gave it; the value shown above is marked. */
export function disputes(disputed: string[], alternatives: Alternative[]): HTMLElement | null {
  if (disputed.length === 0) return null;
  return h(
    'section',
    { class: 'disputes' },
    h('h4', {}, '⚠ Sources disagree'),
    ...disputed.map((property) =>
      h(
        'div',
        { class: 'dispute', 'data-property': property },
        h('strong', {}, property),
        h(
          'ul',
          {},
          ...alternatives
            .filter((alternative) => alternative.property === property)
            .map((alternative) =>
              h(
                'li',
                { class: alternative.preferred ? 'alternative preferred' : 'alternative', 'data-value': valueText(alternative.value) },
                h('code', {}, valueText(alternative.value)),
                alternative.preferred ? h('span', { class: 'muted' }, ' (shown)') : null,
                ' per ',
                h('span', { class: 'alternative-sources' }, alternative.sources.map((source) => source.name).join(', ')),
              ),
            ),
        ),
      ),
    ),
  );
}

/** How each report worded a relation's role, when they did not all word it alike. */
export function wordings(roles: Wording[]): HTMLElement | null {
  if (roles.length < 2) return null;
  return h(
    'section',
    { class: 'wordings' },
    h('h4', {}, 'Role as reported'),
    h(
      'ul',
      {},
      ...roles.map((role) =>
        h(
          'li',
          { 'data-value': role.value },
          `“${role.value}”: ${role.reportCount} report${role.reportCount === 1 ? '' : 's'}, ${role.independentSourceCount} independent`,
        ),
      ),
    ),
  );
}
