import { typeBadge } from './colors.js';
import { disputes, sourcing, wordings } from './corroboration.js';
import { h } from './dom.js';
import { provenance } from './provenance.js';
import type { EntityPanel, EntityRef, RelationPanel, RelationSummary } from './types.js';

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

function relationLabel(relation: RelationSummary, centreId: string, names: Map<string, string>): string {
  const outgoing = relation.from.id === centreId;
  const other = outgoing ? relation.to.id : relation.from.id;
  const role = relation.role ? ` (${relation.role})` : '';
  return outgoing ? `${relation.type} → ${names.get(other) ?? other}${role}` : `${names.get(other) ?? other} → ${relation.type}${role}`;
}

/** `asOf` marks the reports the view does not count; the panel itself lists them all. */
export function renderEntity(
  entity: EntityPanel,
  relations: RelationSummary[],
  names: Map<string, string>,
  asOf: string | null,
  actions: DetailActions,
): HTMLElement {
  return h(
    'article',
    { class: 'entity', 'data-kind': 'entity', 'data-id': entity.id },
    h('h3', {}, entity.name, ' ', typeBadge(entity.type)),
    // How sure we are comes first: the long description would push it out of sight.
    sourcing(entity, entity.reportedBy, asOf),
    disputes(entity.disputed, entity.alternatives),
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
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'link', 'data-relation': relation.id, onclick: () => actions.selectRelation(relation.id) },
              relationLabel(relation, entity.id, names),
            ),
          ),
        ),
      ),
    ),
    provenance(entity.reportedBy, asOf, actions),
  );
}

export function renderRelation(relation: RelationPanel, asOf: string | null, actions: DetailActions): HTMLElement {
  return h(
    'article',
    { class: 'relation', 'data-kind': 'relation', 'data-id': relation.id },
    h('h3', {}, entityLink(relation.from, actions), h('span', { class: 'reltype' }, ` ${relation.type} → `), entityLink(relation.to, actions)),
    sourcing(relation, relation.reportedBy, asOf),
    disputes(relation.disputed, relation.alternatives),
    h(
      'dl',
      {},
      field('id', h('code', {}, relation.id)),
      field('type', relation.type),
      field('role', relation.role),
      field('dates', dates(relation.startDate, relation.endDate)),
    ),
    wordings(relation.roles),
    provenance(relation.reportedBy, asOf, actions),
  );
}

export function renderMessage(text: string, className = 'muted'): HTMLElement {
  return h('p', { class: className }, text);
}
