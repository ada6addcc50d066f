import { graphql } from './api.js';
import { renderLegend } from './colors.js';
import { applyRoute, initRoutes, showGraph } from './review/route.js';
import { attachCanvas } from './canvas.js';
import { createCanvasActions } from './canvas-actions.js';
import { renderEntity, renderMessage, renderRelation, type DetailActions } from './detail.js';
import { byId } from './dom.js';
import { exportBundle, exportPng } from './export.js';
import { renderFilters } from './filters.js';
import { GraphView } from './graph.js';
import { attachInvestigations } from './investigations.js';
import { attachLive } from './live.js';
import { createPathPanel } from './path.js';
import { entityPanelQuery, RELATION_PANEL, STATS } from './queries.js';
import { attachSearch } from './search.js';
import { createSourcingControls } from './sourcing-controls.js';
import { createSourceFilter, filterBySource, isFiltering } from './source-filter.js';
import { emptyState, parseState, readFilters, shownTypes, writeState, type Selection, type ViewState } from './state.js';
import { clearError, initStatus, note, showError, track } from './status.js';
import { renderTimeline } from './timeline.js';
import type { EntityPanel, RelationPanel } from './types.js';
import { eventsInOrder, forgetCache, loadView, reportDates, type ViewData } from './view.js';

let state: ViewState = parseState(window.location.search);
let view: ViewData | null = null;
let viewController: AbortController | null = null;
let detailController: AbortController | null = null;
/** The next drawing shows the state's zoom and pan: a link opened, Back or Forward. Otherwise the view stays where it is. */
let reopening = true;
/** The open view follows the change feed (live.ts): a change to its entities draws it again. */
const live = attachLive({ state: () => state, view: () => view, replace: (next) => (state = next), refresh });

const graph = new GraphView(byId('graph'), {
  onSelect: (selection, additive) => select(selection, additive ? 'add' : 'canvas'),
  onExpand: (id) => canvasActions.expand([id]),
  onOpenHub: (hub) => canvasActions.openHub(hub),
  onBackground: () => select(null, 'canvas'),
  onMoved: () => {
    canvasActions.recordMove(state);
    syncPicture();
  },
  onViewport: () => syncPicture(),
  onContextMenu: (target, at) => canvas.contextMenu(target, at),
  onHover: (id, at) => canvas.hover(id, at),
});
const resizeGraph = () => graph.resize();

/** Positions of what the view holds (hidden nodes keep theirs), zoom and pan, read from the drawing into the URL. */
function syncPicture(extra: Partial<ViewState> = {}): void {
  const drawn = graph.positions();
  const positions: ViewState['positions'] = {};
  for (const id of view?.nodes.keys() ?? []) {
    const point = drawn[id] ?? state.positions[id];
    if (point) positions[id] = point;
  }
  const { zoom, pan } = graph.viewport();
  state = { ...state, ...extra, positions, zoom: view && view.nodes.size > 0 ? zoom : null, pan: view && view.nodes.size > 0 ? pan : null };
  writeState(state, 'replace');
  canvas.update();
}

const canvasActions = createCanvasActions(
  {
    state: () => state,
    go: (next, mode) => navigate(next, mode),
    syncPicture,
    select: (selection) => select(selection),
    entity: (id) => view?.nodes.get(id) ?? null,
    pathFrom: (entity) => pathPanel.setFrom(entity),
    pathTo: (entity) => pathPanel.setTo(entity),
  },
  graph,
  () => canvas.update(),
);
const canvas = attachCanvas(graph, byId('graph-area'), byId('canvas-tools'), canvasActions);
// For tests and the browser console: the Cytoscape instance and the current state.
Object.assign(window, { newsgraphExplorer: { graph, cy: graph.cy, state: () => state, view: () => view } });

function navigate(next: ViewState, mode: 'push' | 'replace' = 'push'): void {
  state = next;
  writeState(state, mode);
  showGraph(resizeGraph);
  void refresh();
}

/** A search result: the view starts over from it, keeping the relation, source and date filters. */
function openEntity(id: string): void {
  sourcingControls.forgetDates();
  canvasActions.history.clear();
  const { types, asOf, minSources, source, sourceKind } = state;
  navigate({ ...emptyState(), types, asOf, minSources, source, sourceKind, expanded: [id], selected: { kind: 'entity', id } });
}

/** An entity named in a panel: expanded when it is not drawn yet (as a double click would). */
function openNode(id: string): void {
  canvasActions.expand([id]);
}

/**
 * Shows the details of `selection`. `canvas`: Cytoscape has selected it already (a click);
 * `add`: a click with shift, ctrl or cmd, which keeps the rest of the selection.
 */
function select(selection: Selection, from: 'panel' | 'canvas' | 'add' = 'panel'): void {
  state = { ...state, selected: selection };
  writeState(state, 'replace');
  graph.select(selection, from === 'panel');
  renderSide();
  void loadDetail();
}

const actions: DetailActions = {
  selectEntity: (id) => (view?.nodes.has(id) ? select({ kind: 'entity', id }) : openNode(id)),
  selectRelation: (id) => select({ kind: 'relation', id }),
  pathFrom: (entity) => pathPanel.setFrom(entity),
  pathTo: (entity) => pathPanel.setTo(entity),
};

const filters = () => readFilters(state);
const sourcingControls = createSourcingControls(byId('sourcing'), (change, mode) => navigate({ ...state, ...change }, mode));
const sourceFilter = createSourceFilter(byId('source-filter'), (choice) => navigate({ ...state, ...choice }));
const search = attachSearch({
  input: byId<HTMLInputElement>('search-input'),
  list: byId<HTMLUListElement>('search-results'),
  onChoose: (entity) => openEntity(entity.id),
  filters,
});
const pathPanel = createPathPanel(byId('path'), {
  filters,
  onFind: (from, to) => navigate({ ...state, path: { from: from.id, to: to.id } }),
  onClear: () => navigate({ ...state, path: null }),
  onSelectEntity: actions.selectEntity,
});

function renderSide(): void {
  renderFilters(byId('filters'), shownTypes(state), (types) => navigate({ ...state, types }));
  sourcingControls.render(filters(), view ? reportDates(view) : []);
  sourceFilter.render(state);
  const events = view ? eventsInOrder(view) : [];
  renderTimeline(byId('timeline'), events, state.selected?.kind === 'entity' ? state.selected.id : null, actions.selectEntity);
}

/** The source and date filters in words, for messages about what they hide; empty when none is set. */
function filtered(): string {
  const parts = [state.asOf ? `as of ${state.asOf}` : '', state.minSources !== null ? `with at least ${state.minSources} independent sources` : ''];
  return parts.filter(Boolean).join(' ');
}

async function refresh(): Promise<void> {
  viewController?.abort();
  const controller = new AbortController();
  viewController = controller;
  clearError();
  renderSide();
  const empty = state.expanded.length === 0 && !state.path;
  byId('empty').hidden = !empty;
  try {
    const loaded = await track('Loading the graph', loadView(state, controller.signal));
    const path = loaded.path?.result;
    const keep = new Set([
      ...state.expanded,
      ...(state.selected?.kind === 'entity' ? [state.selected.id] : []),
      ...(path ? path.nodes.map((node) => node.id) : []),
    ]);
    const data = isFiltering(state) ? await track('Reading the sources in view', filterBySource(loaded, state, keep, controller.signal)) : loaded;
    if (controller.signal.aborted) return;
    view = data;
    graph.setElements({
      nodes: [...data.nodes.values()],
      edges: [...data.edges.values()],
      expanded: new Set(state.expanded),
      hidden: new Set(state.hidden),
      open: new Set(state.open),
      keep,
      positions: state.positions,
      layout: state.layout,
      keepViewport: reopening && state.zoom !== null,
    });
    if (reopening && state.zoom !== null && state.pan) graph.setViewport(state.zoom, state.pan);
    reopening = false;
    syncPicture();
    live.watch();
    graph.select(state.selected);
    graph.highlightPath(path ? path.nodes.map((node) => node.id) : [], path ? path.relations.map((relation) => relation.id) : []);
    pathPanel.showResult(data.path, shownTypes(state), state.types.length === 0);
    renderSide();
    for (const id of ['export-png', 'export-json', 'clear-view']) byId<HTMLButtonElement>(id).disabled = data.nodes.size === 0;
    document.body.dataset.view = 'ready';
    if (data.missing.length > 0) note(`Not in the graph${filtered() ? ` ${filtered()}` : ''}: ${data.missing.join(', ')}.`);
    else if (data.truncated.length > 0) note(`Neighbourhood cut at 200 entities: ${data.truncated.join(', ')}.`);
    await loadDetail();
  } catch (error) {
    if (controller.signal.aborted) return;
    showError(error, () => {
      forgetCache();
      void refresh();
    });
  }
}

async function loadDetail(): Promise<void> {
  detailController?.abort();
  const controller = new AbortController();
  detailController = controller;
  const panel = byId('detail');
  const selection = state.selected;
  if (!selection) {
    panel.replaceChildren(renderMessage('Select a node or an edge to see its details and provenance.'));
    return;
  }
  panel.replaceChildren(renderMessage('Loading details…', 'muted loading'));
  try {
    if (selection.kind === 'entity') {
      const data = await track('Loading details', graphql<{ entity: EntityPanel | null }>(entityPanelQuery(selection.id, filters()), controller.signal));
      if (controller.signal.aborted) return;
      const relations = [...(view?.edges.values() ?? [])].filter((edge) => edge.from.id === selection.id || edge.to.id === selection.id);
      const names = new Map([...(view?.nodes.values() ?? [])].map((node) => [node.id, node.name]));
      const none = filtered() ? `"${selection.id}" is not in the graph ${filtered()}.` : `There is no entity "${selection.id}".`;
      panel.replaceChildren(data.entity ? renderEntity(data.entity, relations, names, state.asOf, actions) : renderMessage(none, 'error-text'));
    } else {
      const data = await track(
        'Loading details',
        graphql<{ relation: RelationPanel | null }>({ query: RELATION_PANEL, variables: { id: selection.id } }, controller.signal),
      );
      if (controller.signal.aborted) return;
      panel.replaceChildren(
        data.relation ? renderRelation(data.relation, state.asOf, actions) : renderMessage(`There is no relation "${selection.id}".`, 'error-text'),
      );
    }
  } catch (error) {
    if (controller.signal.aborted) return;
    panel.replaceChildren(renderMessage(`The details could not be loaded: ${error instanceof Error ? error.message : String(error)}`, 'error-text'));
    showError(error, () => void loadDetail());
  }
}

async function loadStats(): Promise<void> {
  try {
    const data = await track('Connecting', graphql<{ stats: { entities: number; relations: number } }>({ query: STATS, variables: {} }));
    byId('stats').textContent = `${data.stats.entities} entities · ${data.stats.relations} relations`;
  } catch (error) {
    byId('stats').textContent = '';
    showError(error, () => void loadStats().then(() => refresh()));
  }
}

byId('export-png').addEventListener('click', () => {
  track('Exporting PNG', exportPng(graph, 'newsgraph-view.png')).then(
    () => note('Exported the view as PNG.'),
    (error: unknown) => showError(error),
  );
});
byId('export-json').addEventListener('click', () => {
  if (!view) return;
  track('Exporting the JSON bundle', exportBundle(view, new AbortController().signal)).then(
    ({ summary }) => note(summary),
    (error: unknown) => showError(error),
  );
});
byId('clear-view').addEventListener('click', () => {
  search.reset();
  sourcingControls.forgetDates();
  canvasActions.history.clear();
  navigate(emptyState());
});
window.addEventListener('popstate', () => {
  applyRoute(resizeGraph);
  state = parseState(window.location.search);
  reopening = true;
  void refresh();
});

initStatus();
initRoutes(resizeGraph);
renderLegend(byId('legend'));
attachInvestigations(byId('investigations'));
writeState(state, 'replace');
void loadStats().then(() => (state.expanded.length > 0 || state.path ? refresh() : renderSide()));
