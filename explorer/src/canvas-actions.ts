import type { CanvasActions } from './canvas.js';
import type { GraphView } from './graph.js';
import type { LayoutName } from './picture.js';
import type { Selection, ViewState } from './state.js';
import type { EntityRef } from './types.js';
import { UndoHistory } from './undo.js';

/** What the canvas actions need from main.ts, which owns the state. */
export interface ViewHost {
  state(): ViewState;
  /** Moves to `next` (recorded for undo by the caller) and draws it. */
  go(next: ViewState, mode: 'push' | 'replace'): void;
  /** Reads the drawn picture (positions, zoom, pan) back into the state, with `extra`, and into the URL. */
  syncPicture(extra?: Partial<ViewState>): void;
  select(selection: Selection): void;
  entity(id: string): EntityRef | null;
  pathFrom(entity: EntityRef): void;
  pathTo(entity: EntityRef): void;
}

const without = (list: string[], ids: string[]) => list.filter((id) => !ids.includes(id));
const withAll = (list: string[], ids: string[]) => [...list, ...ids.filter((id) => !list.includes(id))];

/**
 * Every change of the picture goes through here and is recorded for undo: expand, open a hub, hide,
 * remove, show hidden, move (main.ts records drags) and layout. Zoom and pan are not changes to undo:
 * undo keeps the current ones.
 */
export function createCanvasActions(
  host: ViewHost,
  graph: GraphView,
  onHistory: () => void,
): CanvasActions & { history: UndoHistory<ViewState>; recordMove(before: ViewState): void } {
  const history = new UndoHistory<ViewState>(onHistory);
  const change = (next: ViewState, mode: 'push' | 'replace' = 'replace') => {
    history.record(host.state());
    host.go(next, mode);
  };
  const restore = (target: ViewState | null) => {
    if (!target) return;
    const { zoom, pan } = host.state();
    host.go({ ...target, zoom, pan }, 'replace');
  };
  return {
    history,
    recordMove: (before) => history.record(before),
    expand(ids) {
      const state = host.state();
      const expanded = withAll(state.expanded, ids);
      const last = ids[ids.length - 1];
      if (expanded.length === state.expanded.length) return;
      change({ ...state, expanded, selected: last ? { kind: 'entity', id: last } : state.selected }, 'push');
    },
    openHub(hub) {
      const state = host.state();
      if (!state.open.includes(hub)) change({ ...state, open: [...state.open, hub] });
    },
    hide(ids) {
      const state = host.state();
      const selected = state.selected?.kind === 'entity' && ids.includes(state.selected.id) ? null : state.selected;
      change({ ...state, hidden: withAll(state.hidden, ids), selected });
    },
    remove(ids) {
      const state = host.state();
      const selected = state.selected?.kind === 'entity' && ids.includes(state.selected.id) ? null : state.selected;
      change({ ...state, expanded: without(state.expanded, ids), hidden: withAll(state.hidden, ids), open: without(state.open, ids), selected });
    },
    showHidden() {
      const state = host.state();
      if (state.hidden.length > 0) change({ ...state, hidden: [] });
    },
    hiddenCount: () => host.state().hidden.length,
    layout(name: LayoutName) {
      history.record(host.state());
      graph.relayout(name, host.state().expanded);
      host.syncPicture({ layout: name });
    },
    currentLayout: () => host.state().layout,
    fit() {
      graph.fit();
      host.syncPicture();
    },
    undo: () => restore(history.undo(host.state())),
    redo: () => restore(history.redo(host.state())),
    canUndo: () => history.canUndo,
    canRedo: () => history.canRedo,
    pathFrom(id) {
      const entity = host.entity(id);
      if (entity) host.pathFrom(entity);
    },
    pathTo(id) {
      const entity = host.entity(id);
      if (entity) host.pathTo(entity);
    },
    select: (selection) => host.select(selection),
  };
}
