import { emptyPicture, formatPicture, parsePicture, type Picture } from './picture.js';
import { SOURCE_KINDS, type SourceChoice } from './source-filter.js';
import { RELATION_TYPES, type RelationType } from './types.js';

export type Selection = { kind: 'entity' | 'relation'; id: string } | null;

/** Everything a link must carry to reopen the same view, and its picture (picture.ts). */
export interface ViewState extends Picture, SourceChoice {
  /** Entities whose neighbourhoods are shown, in the order they were opened. */
  expanded: string[];
  selected: Selection;
  /** Relation types shown; empty means all. */
  types: RelationType[];
  path: { from: string; to: string } | null;
  /** The graph as known on this date (`asOf`): only reports dated on or before it count. Null: every report. */
  asOf: string | null;
  /** Only facts with at least this many independent sources (`minSources`). Null: no minimum. */
  minSources: number | null;
}

/** The read filters of issue 16, as the graph queries take them. */
export type ReadFilters = Pick<ViewState, 'asOf' | 'minSources'>;

const MAX_EXPANDED = 50;
/** The API's range for minSources; a link outside it is ignored rather than sent to be refused. */
const MAX_MIN_SOURCES = 1000;
const SOURCE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function parseMinSources(value: string | null): number | null {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 1 && n <= MAX_MIN_SOURCES ? n : null;
}

export function emptyState(): ViewState {
  return { expanded: [], selected: null, types: [], path: null, asOf: null, minSources: null, source: null, sourceKind: null, ...emptyPicture() };
}

/**
 * `?e=liu-xiaowu&e=russia&node=liu-xiaowu&types=COMMANDS,MEMBER_OF&from=liu-xiaowu&to=russia`:
 * repeated `e` for expanded entities, `node` or `edge` for the selection; `asOf` and `minSources` as the API names them;
 * `src` and `kind` for the "reported by" filter (source-filter.ts); then the picture (picture.ts): `pos`, `layout`, `z`, `pan`, `hide`, `open`.
 */
export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const expanded = [...new Set(params.getAll('e').filter((id) => id.length > 0))].slice(0, MAX_EXPANDED);
  const node = params.get('node');
  const edge = params.get('edge');
  const selected: Selection = node ? { kind: 'entity', id: node } : edge ? { kind: 'relation', id: edge } : null;
  const known = new Set<string>(RELATION_TYPES);
  const types = (params.get('types') ?? '').split(',').filter((type): type is RelationType => known.has(type));
  const from = params.get('from');
  const to = params.get('to');
  const asOf = params.get('asOf');
  return {
    expanded,
    selected,
    types: [...new Set(types)],
    path: from && to ? { from, to } : null,
    asOf: asOf && PARTIAL_DATE.test(asOf) ? asOf : null,
    minSources: parseMinSources(params.get('minSources')),
    source: SOURCE_ID.test(params.get('src') ?? '') ? params.get('src') : null,
    sourceKind: (SOURCE_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? params.get('kind') : null,
    ...parsePicture(params),
  };
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
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.minSources !== null) params.set('minSources', String(state.minSources));
  if (state.source) params.set('src', state.source);
  if (state.sourceKind) params.set('kind', state.sourceKind);
  formatPicture(params, state);
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

export function readFilters(state: ViewState): ReadFilters {
  return { asOf: state.asOf, minSources: state.minSources };
}
