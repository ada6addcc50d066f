import { typeBadge } from './colors.js';
import { h } from './dom.js';
import type { EntityDetail, EntityRef, RelationDetail, RelationSummary, Report } from './types.js';

export interface DetailActions {
  selectEntity(id: string): void;
  selectRelation(id: string): void;
  pathFrom(entity: EntityRef): void;
  pathTo(entity: EntityRef): void;
}

function field(label: string, value: Node | string | null | undefined): HTMLElement | null {
  if (value == null || value === '') return null;
  return h('div', { class: 'field' }, h('dt', {}, label), h('dd', {}, value));
}

function dates(start: string | null | undefined, end: string | null | undefined): string | null {
  if (!start && !end) return null;
  if (start && end && start !== end) return `${start} – ${end}`;
  return start ?? `until ${end}`;
}

function entityLink(entity: EntityRef, actions: DetailActions): HTMLElement {
  return h('button', { type: 'button', class: 'link', 'data-entity': entity.id, onclick: () => actions.selectEntity(entity.id) }, entity.name);
}

function reportItem(report: Report, actions: DetailActions): HTMLElement {
  const document = report.document;
  const where = document
    ? h(
        'div',
        { class: 'doc' },
        'in ',
        document.url ? h('a', { href: document.url, target: '_blank', rel: 'noopener noreferrer' }, document.title ?? document.id) : h('cite', {}, document.title ?? document.id),
        report.start != null && report.end != null ? ` (characters ${report.start}–${report.end})` : '',
      )
    : null;
  return h(
    'li',
    { class: 'report' },
    h(
      'div',
      { class: 'meta' },
      h('strong', { class: 'source' }, report.source.name),
      h('span', { class: 'kind' }, report.source.kind),
      report.reportedAt ? h('time', { datetime: report.reportedAt }, report.reportedAt) : h('span', { class: 'muted' }, 'undated'),
      methodBadge(report),
    ),
    report.quote ? h('blockquote', { class: 'quote' }, report.quote) : h('p', { class: 'muted' }, 'No quote recorded.'),
    where,
    report.attributedTo ? h('div', { class: 'attributed' }, 'attributed to ', entityLink(report.attributedTo, actions)) : null,
  );
}

/** Machine-made reports are marked, so a reader never takes an extracted fact for a hand-annotated one; a manual report has no mark. */
function methodBadge(report: Report): HTMLElement | null {
  if (report.method !== 'EXTRACTED' && report.method !== 'REVIEWED') return null;
  const what = report.method === 'EXTRACTED' ? 'extracted' : 'reviewed';
  const confidence = report.confidence === null ? '' : ` ${Math.round(report.confidence * 100)}%`;
  const title = `${report.method === 'EXTRACTED' ? 'Extracted by a rule, not checked by anyone' : 'Extracted by a rule, then reviewed by a person'}: rule ${report.rule ?? '?'}${confidence ? `, confidence${confidence}` : ''}`;
  return h('span', { class: `method ${what}`, title }, `${what}${confidence}`);
}

function provenance(reports: Report[], actions: DetailActions): HTMLElement {
  return h(
    'section',
    { class: 'provenance' },
    h('h4', {}, `Provenance (${reports.length} report${reports.length === 1 ? '' : 's'})`),
    reports.length > 0 ? h('ol', {}, ...reports.map((report) => reportItem(report, actions))) : h('p', { class: 'muted' }, 'No source recorded.'),
  );
}

function relationLabel(relation: RelationSummary, centreId: string, names: Map<string, string>): string {
  const outgoing = relation.from.id === centreId;
  const other = outgoing ? relation.to.id : relation.from.id;
  const role = relation.role ? ` (${relation.role})` : '';
  return outgoing ? `${relation.type} → ${names.get(other) ?? other}${role}` : `${names.get(other) ?? other} → ${relation.type}${role}`;
}

export function renderEntity(entity: EntityDetail, relations: RelationSummary[], names: Map<string, string>, actions: DetailActions): HTMLElement {
  return h(
    'article',
    { class: 'entity', 'data-kind': 'entity', 'data-id': entity.id },
    h('h3', {}, entity.name, ' ', typeBadge(entity.type)),
    h(
      'dl',
      {},
      field('id', h('code', {}, entity.id)),
      field('title', entity.title),
      field('category', entity.category),
      field('aliases', entity.aliases.length > 0 ? entity.aliases.join(', ') : h('span', { class: 'muted' }, 'none')),
      field('dates', dates(entity.startDate, entity.endDate)),
      field('description', entity.description),
    ),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', id: 'path-from-here', onclick: () => actions.pathFrom(entity) }, 'Path from here'),
      h('button', { type: 'button', id: 'path-to-here', onclick: () => actions.pathTo(entity) }, 'Path to here'),
    ),
    h(
      'section',
      { class: 'relations' },
      h('h4', {}, `Relations in view (${relations.length})`),
      h(
        'ul',
        {},
        ...relations.map((relation) =>
          h('li', {}, h('button', { type: 'button', class: 'link', 'data-relation': relation.id, onclick: () => actions.selectRelation(relation.id) }, relationLabel(relation, entity.id, names))),
        ),
      ),
    ),
    provenance(entity.reportedBy, actions),
  );
}

export function renderRelation(relation: RelationDetail, actions: DetailActions): HTMLElement {
  return h(
    'article',
    { class: 'relation', 'data-kind': 'relation', 'data-id': relation.id },
    h('h3', {}, entityLink(relation.from, actions), h('span', { class: 'reltype' }, ` ${relation.type} → `), entityLink(relation.to, actions)),
    h('dl', {}, field('id', h('code', {}, relation.id)), field('type', relation.type), field('role', relation.role), field('dates', dates(relation.startDate, relation.endDate))),
    provenance(relation.reportedBy, actions),
  );
}

export function renderMessage(text: string, className = 'muted'): HTMLElement {
  return h('p', { class: className }, text);
}
