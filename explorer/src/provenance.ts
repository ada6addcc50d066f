import { h } from './dom.js';
import type { EntityRef, SourcedReport } from './types.js';

/** Reports that share an origin: one independent source, however many outlets carried it. */
export interface OriginGroup {
  origin: string;
  /** The names of the sources in the group, in the order their reports come. */
  sources: string[];
  reports: SourcedReport[];
}

/** Groups reports by `origin`, in the order each origin first appears, so the API's order is kept within and across groups. */
export function groupByOrigin(reports: SourcedReport[]): OriginGroup[] {
  const groups = new Map<string, OriginGroup>();
  for (const report of reports) {
    let group = groups.get(report.origin);
    if (!group) {
      group = { origin: report.origin, sources: [], reports: [] };
      groups.set(report.origin, group);
    }
    if (!group.sources.includes(report.source.name)) group.sources.push(report.source.name);
    group.reports.push(report);
  }
  return [...groups.values()];
}

export interface ProvenanceActions {
  selectEntity(id: string): void;
}

/** Partial ISO dates compare as text, as the API compares them: `2021-08` is on or before `2021-08-03`. */
function after(date: string | null, asOf: string | null): boolean {
  return asOf !== null && (date === null || date > asOf);
}

function reportItem(report: SourcedReport, asOf: string | null, actions: ProvenanceActions): HTMLElement {
  const document = report.document;
  const where = document
    ? h(
        'div',
        { class: 'doc' },
        'in ',
        document.url
          ? h('a', { href: document.url, target: '_blank', rel: 'noopener noreferrer' }, document.title ?? document.id)
          : h('cite', {}, document.title ?? document.id),
        report.start != null && report.end != null ? ` (characters ${report.start}–${report.end})` : '',
      )
    : null;
  // A report the time slider excludes stays listed (the record is not filtered), but marked.
  const later = after(report.reportedAt, asOf);
  return h(
    'li',
    { class: later ? 'report later' : 'report' },
    h(
      'div',
      { class: 'meta' },
      h('strong', { class: 'source' }, report.source.name),
      h('span', { class: 'kind' }, report.source.kind),
      report.reportedAt ? h('time', { datetime: report.reportedAt }, report.reportedAt) : h('span', { class: 'muted' }, 'undated'),
      methodBadge(report),
      later ? h('span', { class: 'after-as-of', title: `Not counted in the view as of ${asOf}` }, `after ${asOf}`) : null,
    ),
    report.quote ? h('blockquote', { class: 'quote' }, report.quote) : h('p', { class: 'muted' }, 'No quote recorded.'),
    where,
    report.attributedTo ? h('div', { class: 'attributed' }, 'attributed to ', entityLink(report.attributedTo, actions)) : null,
  );
}

function entityLink(entity: EntityRef, actions: ProvenanceActions): HTMLElement {
  return h('button', { type: 'button', class: 'link', 'data-entity': entity.id, onclick: () => actions.selectEntity(entity.id) }, entity.name);
}

/** Machine-made reports are marked, so a reader never takes an extracted fact for a hand-annotated one; a manual report has no mark. */
function methodBadge(report: SourcedReport): HTMLElement | null {
  if (report.method !== 'EXTRACTED' && report.method !== 'REVIEWED') return null;
  const what = report.method === 'EXTRACTED' ? 'extracted' : 'reviewed';
  const confidence = report.confidence === null ? '' : ` ${Math.round(report.confidence * 100)}%`;
  const title = `${report.method === 'EXTRACTED' ? 'Extracted by a rule, not checked by anyone' : 'Extracted by a rule, then reviewed by a person'}: rule ${report.rule ?? '?'}${confidence ? `, confidence${confidence}` : ''}`;
  return h('span', { class: `method ${what}`, title }, `${what}${confidence}`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The reports behind a fact, one block per independent source (origin) with the sources it covers. */
export function provenance(reports: SourcedReport[], asOf: string | null, actions: ProvenanceActions): HTMLElement {
  const groups = groupByOrigin(reports);
  return h(
    'section',
    { class: 'provenance' },
    h('h4', {}, `Provenance (${plural(reports.length, 'report')} from ${plural(groups.length, 'independent source')})`),
    groups.length === 0
      ? h('p', { class: 'muted' }, 'No source recorded.')
      : h(
          'ol',
          { class: 'origins' },
          ...groups.map((group) =>
            h(
              'li',
              { class: 'origin-group', 'data-origin': group.origin },
              h(
                'div',
                { class: 'origin-head', title: `Independence key: ${group.origin}` },
                h('span', { class: 'origin-sources' }, group.sources.join(', ')),
                ` · ${plural(group.reports.length, 'report')}`,
              ),
              h('ol', { class: 'reports' }, ...group.reports.map((report) => reportItem(report, asOf, actions))),
            ),
          ),
        ),
  );
}
