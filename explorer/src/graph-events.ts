import type { Core, EventObject, NodeSingular } from 'cytoscape';
import type { Selection } from './state.js';

/** A place on the page, for menus and cards. */
export interface PagePoint {
  x: number;
  y: number;
}

export type CanvasTarget = { kind: 'node'; id: string } | { kind: 'summary'; hub: string } | { kind: 'background' };

export interface GraphHandlers {
  /** A click on an element: select it (with shift, ctrl or cmd: add it to the selection or take it out). */
  onSelect(selection: NonNullable<Selection>, additive: boolean): void;
  /** A double click on an entity: expand it. */
  onExpand(id: string): void;
  /** A double click on a "+N more" node: draw all of its hub's leaves. */
  onOpenHub(hub: string): void;
  onBackground(): void;
  /** Nodes were dragged to new places. */
  onMoved(): void;
  /** Zoom or pan changed (already debounced). */
  onViewport(): void;
  onContextMenu(target: CanvasTarget, at: PagePoint): void;
  onHover(id: string | null, at: PagePoint): void;
}

/**
 * The canvas's mouse gestures, as Cytoscape reports them, turned into the handlers' terms. `own` are
 * the drawing's own steps: snapping a dragged node to whole pixels, and settling viewport changes.
 */
export function bindEvents(cy: Core, container: HTMLElement, handlers: GraphHandlers, own: { moved(): void; viewport(): void }): void {
  const additive = (event: EventObject) => {
    const original = event.originalEvent as MouseEvent | undefined;
    return Boolean(original && (original.shiftKey || original.ctrlKey || original.metaKey));
  };
  const pagePoint = (event: EventObject): PagePoint => {
    const box = container.getBoundingClientRect();
    return { x: box.left + event.renderedPosition.x, y: box.top + event.renderedPosition.y };
  };
  cy.on('tap', 'node', (event) => {
    const node = event.target as NodeSingular;
    if (!node.hasClass('summary')) handlers.onSelect({ kind: 'entity', id: node.id() }, additive(event));
  });
  cy.on('tap', 'edge', (event) => {
    const relationId = event.target.data('relationId') as string | undefined;
    if (relationId) handlers.onSelect({ kind: 'relation', id: relationId }, additive(event));
  });
  cy.on('tap', (event) => {
    if (event.target === cy && !additive(event)) handlers.onBackground();
  });
  cy.on('dbltap', 'node', (event) => {
    // Two quick clicks with shift or ctrl are two changes to the selection, not an expansion.
    if (additive(event)) return;
    const node = event.target as NodeSingular;
    if (node.hasClass('summary')) handlers.onOpenHub(String(node.data('hub')));
    else handlers.onExpand(node.id());
  });
  cy.on('cxttap', (event) => {
    const target = event.target;
    if (target === cy) handlers.onContextMenu({ kind: 'background' }, pagePoint(event));
    else if (target.isNode?.() && target.hasClass('summary')) handlers.onContextMenu({ kind: 'summary', hub: String(target.data('hub')) }, pagePoint(event));
    else if (target.isNode?.()) handlers.onContextMenu({ kind: 'node', id: target.id() }, pagePoint(event));
  });
  cy.on('mouseover', 'node', (event) => {
    if (!event.target.hasClass('summary')) handlers.onHover(event.target.id(), pagePoint(event));
  });
  cy.on('mouseout', 'node', (event) => handlers.onHover(null, pagePoint(event)));
  cy.on('dragfree', 'node', () => {
    own.moved();
    handlers.onMoved();
  });
  cy.on('viewport', () => own.viewport());
}
