import { typeBadge } from '../colors.js';
import { h } from '../dom.js';
import { emptyState, formatState } from '../state.js';
import type { DraftBundle, IngestSummary } from './types.js';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** The explorer's own limit on entities opened at once (state.ts). */
const MAX_OPENED = 50;

/** A link to the graph view with these entities opened and one selected, so its provenance shows at once. */
function graphHref(ids: string[], selected: string): string {
  return `${window.location.pathname}${formatState({ ...emptyState(), expanded: ids.slice(0, MAX_OPENED), selected: { kind: 'entity', id: selected } })}`;
}

/**
 * What ingest did, and the way into the graph. An entity that matched an
 * existing one lives under that entity's id, so links use the graph's ids.
 */
export function renderSummary(summary: IngestSummary, bundle: DraftBundle): HTMLElement {
  const graphId = new Map(summary.matches.map((match) => [match.id, match.matchedId]));
  const idInGraph = (id: string) => graphId.get(id) ?? id;
  const created = new Set(summary.createdEntityIds);
  const ids = [...new Set(bundle.entities.map((entity) => idInGraph(entity.id)))];
  // Select a new entity that has a relation, so the first thing seen is a fact of this article with its quotes.
  const ends = bundle.relations.flatMap((relation) => [relation.from, relation.to]);
  const preferred = [...ends.filter((id) => created.has(id)), ...summary.createdEntityIds, ...ends][0];
  const first = preferred ? idInGraph(preferred) : ids[0];

  const entities = bundle.entities.map((entity) => {
    const id = idInGraph(entity.id);
    const how = created.has(entity.id) ? 'new' : graphId.has(entity.id) ? `matched ${id}` : 'already known';
    return h(
      'li',
      { 'data-id': id },
      typeBadge(entity.type),
      ' ',
      h('a', { href: graphHref([id], id) }, entity.name),
      h('span', { class: 'muted' }, ` · ${how}`),
    );
  });
  const ambiguous = summary.ambiguities.map((ambiguity) =>
    h('li', {}, `${ambiguity.name}: created on its own; it could also be ${ambiguity.candidates.join(', ')}`),
  );

  return h(
    'section',
    { class: 'ingest-summary', id: 'review-summary', 'aria-labelledby': 'review-summary-title' },
    h('h3', { id: 'review-summary-title' }, 'Ingested'),
    h(
      'p',
      {},
      `${count(summary.entities.created, 'new entity', 'new entities')}, ${summary.entities.matched} matched existing, ` +
        `${count(summary.relations.created, 'new relation', 'new relations')}, ${summary.relations.matched} already known, ${count(summary.reports, 'report', 'reports')}.`,
    ),
    first ? h('p', {}, h('a', { id: 'review-open-graph', class: 'button primary', href: graphHref(ids, first) }, 'Open them in the graph')) : null,
    h('ul', { class: 'ingested-entities' }, ...entities),
    ambiguous.length > 0 ? h('div', {}, h('h4', {}, 'Ambiguous names'), h('ul', {}, ...ambiguous)) : null,
  );
}
