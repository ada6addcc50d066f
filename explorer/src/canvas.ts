import type { NodeSingular } from 'cytoscape';
import { createContextMenu, type MenuItem } from './context-menu.js';
import { h } from './dom.js';
import type { CanvasTarget, GraphView, PagePoint } from './graph.js';
import { createHoverCard } from './hover-card.js';
import { LAYOUT_LABELS } from './layouts.js';
import { LAYOUTS, type LayoutName } from './picture.js';
import type { Selection } from './state.js';

/** What the canvas's gestures, menus, toolbar and keys can do to the view (main.ts keeps the state). */
export interface CanvasActions {
  expand(ids: string[]): void;
  openHub(hub: string): void;
  hide(ids: string[]): void;
  remove(ids: string[]): void;
  showHidden(): void;
  hiddenCount(): number;
  layout(name: LayoutName): void;
  currentLayout(): LayoutName;
  fit(): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  select(selection: Selection): void;
}

export interface Canvas {
  contextMenu(target: CanvasTarget, at: PagePoint): void;
  hover(id: string | null, at: PagePoint): void;
  /** Enables and labels the toolbar's buttons after a change. */
  update(): void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The nodes a gesture on `id` applies to: the whole selection when `id` is part of it. */
function targets(graph: GraphView, id: string): string[] {
  const selected = graph.selectedIds();
  return selected.includes(id) ? selected : [id];
}

/** The node nearest to `from` in an arrow's direction (within 60° of it), neighbours first. */
function nodeToward(from: NodeSingular, dx: number, dy: number): NodeSingular | null {
  const origin = from.position();
  let best: { node: NodeSingular; score: number } | null = null;
  from
    .cy()
    .nodes()
    .forEach((node: NodeSingular) => {
      if (node.same(from)) return;
      const vx = node.position().x - origin.x;
      const vy = node.position().y - origin.y;
      const distance = Math.hypot(vx, vy);
      const along = (vx * dx + vy * dy) / (distance || 1);
      if (along < 0.5) return;
      const score = distance / along / (from.edgesWith(node).nonempty() ? 2 : 1);
      if (!best || score < best.score) best = { node, score };
    });
  return (best as { node: NodeSingular } | null)?.node ?? null;
}

export function attachCanvas(graph: GraphView, host: HTMLElement, toolbar: HTMLElement, actions: CanvasActions): Canvas {
  const cy = graph.cy;
  const menu = createContextMenu(host);
  const card = createHoverCard(host, cy);
  const container = cy.container()!;

  const layoutSelect = h('select', { id: 'layout', 'aria-label': 'Layout' }, ...LAYOUTS.map((name) => h('option', { value: name }, LAYOUT_LABELS[name])));
  layoutSelect.addEventListener('change', () => actions.layout(layoutSelect.value as LayoutName));
  const button = (id: string, label: string, title: string, action: () => void) => h('button', { type: 'button', id, title, onclick: action }, label);
  const undo = button('undo', 'Undo', 'Undo (Ctrl+Z)', () => actions.undo());
  const redo = button('redo', 'Redo', 'Redo (Ctrl+Shift+Z or Ctrl+Y)', () => actions.redo());
  const showHidden = button('show-hidden', 'Show hidden', 'Show the hidden nodes again', () => actions.showHidden());
  toolbar.replaceChildren(
    button('fit', 'Fit', 'Fit the graph to the window (F)', () => actions.fit()),
    layoutSelect,
    undo,
    redo,
    showHidden,
  );

  const current = (): NodeSingular | null => {
    const chosen = cy.nodes('.chosen');
    return chosen.nonempty() ? (chosen[0] as NodeSingular) : null;
  };
  const selectNode = (node: NodeSingular | null | undefined) => {
    if (node && !node.hasClass('summary')) actions.select({ kind: 'entity', id: node.id() });
  };
  const readingOrder = (): NodeSingular[] =>
    (cy.nodes().toArray() as NodeSingular[])
      .filter((node) => !node.hasClass('summary'))
      .sort((a, b) => a.position('y') - b.position('y') || a.position('x') - b.position('x'));

  container.tabIndex = 0;
  container.setAttribute('role', 'application');
  container.setAttribute(
    'aria-label',
    'Graph: arrow keys or Tab move between nodes, Enter expands, Delete hides, Shift+F10 opens the menu, Escape clears the selection, F fits',
  );
  container.addEventListener('keydown', (event) => {
    const node = current();
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const arrow = arrows[event.key];
    if (arrow) {
      event.preventDefault();
      selectNode(node ? nodeToward(node, arrow[0], arrow[1]) : readingOrder()[0]);
    } else if (event.key === 'Tab') {
      const order = readingOrder();
      const index = node ? order.indexOf(node) : -1;
      const next = order[index + (event.shiftKey ? -1 : 1)];
      // Past the first or last node, Tab leaves the canvas as usual.
      if (next || (index < 0 && order.length > 0)) {
        event.preventDefault();
        selectNode(next ?? order[0]);
      }
    } else if (event.key === 'Enter' && node) {
      event.preventDefault();
      actions.expand(targets(graph, node.id()));
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && (node || graph.selectedIds().length > 0)) {
      event.preventDefault();
      actions.hide(graph.selectedIds().length > 0 ? graph.selectedIds() : [node!.id()]);
    } else if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && node) {
      // The menu of the selected node, for those who do not use a mouse.
      event.preventDefault();
      const box = container.getBoundingClientRect();
      const at = node.renderedPosition();
      canvas.contextMenu({ kind: 'node', id: node.id() }, { x: box.left + at.x, y: box.top + at.y });
    } else if (event.key === 'Escape') {
      actions.select(null);
    } else if ((event.key === 'f' || event.key === 'F') && !event.ctrlKey && !event.metaKey) {
      actions.fit();
    }
  });
  document.addEventListener('keydown', (event) => {
    // Only on the graph page (the review page has undo of its own in its text fields).
    if (isTyping(event.target) || !(event.ctrlKey || event.metaKey) || container.offsetParent === null) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) actions.undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') actions.redo();
    else return;
    event.preventDefault();
  });

  const nodeItems = (id: string): MenuItem[] => {
    const ids = targets(graph, id);
    const several = ids.length > 1 ? ` (${ids.length})` : '';
    return [
      { label: `Expand${several}`, action: () => actions.expand(ids) },
      {
        label: 'Select neighbours',
        action: () =>
          cy
            .getElementById(id)
            .closedNeighborhood('node')
            .filter((node) => !node.hasClass('summary'))
            .select(),
      },
      { label: `Hide${several}`, action: () => actions.hide(ids) },
      { label: `Remove${several}`, action: () => actions.remove(ids) },
      { label: 'Path from here', action: () => actions.pathFrom(id) },
      { label: 'Path to here', action: () => actions.pathTo(id) },
    ];
  };
  const backgroundItems = (): Array<MenuItem | 'separator'> => [
    { label: 'Fit', action: () => actions.fit() },
    'separator',
    ...LAYOUTS.map((name) => ({ label: `Layout: ${LAYOUT_LABELS[name]}`, action: () => actions.layout(name) })),
    'separator',
    { label: `Show hidden (${actions.hiddenCount()})`, action: () => actions.showHidden(), disabled: actions.hiddenCount() === 0 },
    { label: 'Undo', action: () => actions.undo(), disabled: !actions.canUndo() },
    { label: 'Redo', action: () => actions.redo(), disabled: !actions.canRedo() },
  ];

  const canvas: Canvas = {
    contextMenu(target, at) {
      card.hover(null, at);
      if (target.kind === 'node') menu.open(nodeItems(target.id), at);
      else if (target.kind === 'summary') menu.open([{ label: 'Show all leaves', action: () => actions.openHub(target.hub) }], at);
      else menu.open(backgroundItems(), at);
    },
    hover: (id, at) => card.hover(id, at),
    update() {
      undo.disabled = !actions.canUndo();
      redo.disabled = !actions.canRedo();
      const hidden = actions.hiddenCount();
      showHidden.disabled = hidden === 0;
      showHidden.textContent = hidden > 0 ? `Show hidden (${hidden})` : 'Show hidden';
      layoutSelect.value = actions.currentLayout();
    },
  };
  return canvas;
}
