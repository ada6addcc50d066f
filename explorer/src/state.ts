import { RELATION_TYPES, type RelationType } from './types.js';

export type Selection = { kind: 'entity' | 'relation'; id: string } | null;

/** Everything a link must carry to reopen the same view. */
export interface ViewState {
  /** Entities whose neighbourhoods are shown, in the order they were opened. */
  expanded: string[];
  selected: Selection;
  /** Relation types shown; empty means all. */
  types: RelationType[];
  path: { from: string; to: string } | null;
}

const MAX_EXPANDED = 50;

export function emptyState(): ViewState {
  return { expanded: [], selected: null, types: [], path: null };
}

/**
 * `?e=liu-xiaowu&e=russia&node=liu-xiaowu&types=COMMANDS,MEMBER_OF&from=liu-xiaowu&to=russia`:
 * repeated `e` for expanded entities, `node` or `edge` for the selection.
 */
export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const expanded = [...new Set(params.getAll('e').filter((id) => id.length > 0))].slice(0, MAX_EXPANDED);
  const node = params.get('node');
  const edge = params.get('edge');
  const selected: Selection = node ? { kind: 'entity', id: node } : edge ? { kind: 'relation', id: edge } : null;
  const known = new Set<string>(RELATION_TYPES);
  const types = (params.get('types') ?? '')
    .split(',')
    .filter((type): type is RelationType => known.has(type));
  const from = params.get('from');
  const to = params.get('to');
  return { expanded, selected, types: [...new Set(types)], path: from && to ? { from, to } : null };
}

export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  for (const id of state.expanded) params.append('e', id);
  if (state.selected) params.set(state.selected.kind === 'entity' ? 'node' : 'edge', state.selected.id);
  if (state.types.length > 0 && state.types.length < RELATION_TYPES.length) params.set('types', state.types.join(','));
  if (state.path) {
    params.set('from', state.path.from);
    params.set('to', state.path.to);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Writes the state into the address bar: a new history entry for navigation, a replacement otherwise. */
export function writeState(state: ViewState, mode: 'push' | 'replace'): void {
  const url = `${window.location.pathname}${formatState(state)}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** Types shown, where an empty filter means every type. */
export function shownTypes(state: ViewState): RelationType[] {
  return state.types.length > 0 ? state.types : [...RELATION_TYPES];
}
