import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { edgeElement, edgeElementId, nodeElement, nodeSize, summaryElements } from './elements.js';
import { bindEvents, type GraphHandlers, type PagePoint } from './graph-events.js';
import { STYLE } from './graph-style.js';
import { collapseLeaves } from './hub.js';
import { placeNew, runLayout, seedPositions } from './layouts.js';
import { roundPoint, type LayoutName, type Point } from './picture.js';
import type { Selection } from './state.js';
import type { EntitySummary, RelationSummary } from './types.js';

export type { CanvasTarget, GraphHandlers, PagePoint } from './graph-events.js';

/** What to draw: the view's data and its picture. */
export interface Drawing {
  nodes: EntitySummary[];
  edges: RelationSummary[];
  expanded: ReadonlySet<string>;
  hidden: ReadonlySet<string>;
  /** Hubs drawn whole; other hubs' extra leaves fold into "+N more". */
  open: ReadonlySet<string>;
  /** Entities never folded into a summary (selected, on the path). */
  keep: ReadonlySet<string>;
  positions: Readonly<Record<string, Point>>;
  layout: LayoutName;
  /** A reopened picture keeps its zoom and pan: nothing new may fit the view. */
  keepViewport: boolean;
}

const MAX_FIT_ZOOM = 1.3;
const FIT_PADDING = 40;
const VIEWPORT_SETTLE_MS = 250;

/** The Cytoscape.js drawing: nodes keep their places; only what is new is laid out (layouts.ts). */
export class GraphView {
  readonly cy: Core;
  private viewportTimer = 0;
  /** Set while the code moves the viewport itself, so only the analyst's moves are reported. */
  private quiet = false;
  /**
   * Where nodes that left the view were: a filter or the time slider takes nodes out and brings them
   * back, and they come back to their place. Only for this page; the URL keeps the nodes in view.
   */
  private readonly remembered = new Map<string, Point>();

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({ container, style: STYLE, boxSelectionEnabled: true, selectionType: 'single', wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 5 });
    bindEvents(this.cy, container, handlers, {
      moved: () => this.snap(),
      viewport: () => {
        if (this.quiet) return;
        window.clearTimeout(this.viewportTimer);
        this.viewportTimer = window.setTimeout(() => handlers.onViewport(), VIEWPORT_SETTLE_MS);
      },
    });
  }

  /**
   * Draws the view. Nodes with a saved position go there; new nodes are placed around their
   * neighbours without moving the others; only a picture with nothing placed is laid out whole.
   * Returns the ids of the entities added.
   */
  setElements(drawing: Drawing): string[] {
    const cy = this.cy;
    const shown = drawing.nodes.filter((node) => !drawing.hidden.has(node.id));
    const shownIds = new Set(shown.map((node) => node.id));
    const edges = drawing.edges.filter((edge) => shownIds.has(edge.from.id) && shownIds.has(edge.to.id));
    const folded = collapseLeaves(shown, edges, drawing.keep, drawing.open);
    const wanted = new Map<string, ElementDefinition>();
    for (const node of folded.nodes) wanted.set(node.id, nodeElement(node, drawing.expanded.has(node.id), drawing.layout === 'time'));
    for (const edge of folded.edges) wanted.set(edgeElementId(edge.id), edgeElement(edge));
    for (const summary of folded.summaries) for (const element of summaryElements(summary)) wanted.set(String(element.data.id), element);
    const placedBefore = cy.nodes().length;
    const added: string[] = [];
    /** New nodes that come with a place: saved in the URL or remembered. */
    const placed = new Set<string>();
    cy.batch(() => {
      cy.elements().forEach((element) => {
        if (wanted.has(element.id())) return;
        if (element.isNode()) this.remembered.set(element.id(), roundPoint((element as NodeSingular).position()));
        element.remove();
      });
      for (const [id, definition] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          existing.data(definition.data);
          existing.classes(definition.classes ?? '');
        } else {
          const position = drawing.positions[id] ?? this.remembered.get(id);
          cy.add(definition.group === 'nodes' ? { ...definition, position: position ?? { x: 0, y: 0 } } : definition);
          if (position) placed.add(id);
          if (definition.group === 'nodes') added.push(id);
        }
      }
      // Undo and a reopened link may move nodes already drawn: the saved position wins.
      for (const [id, point] of Object.entries(drawing.positions)) {
        const node = cy.getElementById(id);
        if (node.nonempty() && (node.position('x') !== point.x || node.position('y') !== point.y)) node.position(point);
      }
      cy.nodes().forEach((node) => {
        if (!node.hasClass('summary')) node.data('size', nodeSize(node.degree(false)));
      });
    });
    const unplaced = cy.nodes().filter((node) => added.includes(node.id()) && !placed.has(node.id()));
    if (unplaced.nonempty()) {
      this.quiet = true;
      if (unplaced.length === cy.nodes().length || (placedBefore === 0 && Object.keys(drawing.positions).length === 0)) {
        seedPositions(unplaced.nodes());
        runLayout(cy, drawing.layout, cy.elements(), [...drawing.expanded]);
        this.fit();
      } else {
        placeNew(cy, unplaced.nodes());
        if (!drawing.keepViewport && !this.inView(unplaced.nodes())) this.fit();
      }
      this.snap();
      this.quiet = false;
    }
    return added.filter((id) => !id.startsWith('more:'));
  }

  /** Whole-pixel positions, as the URL keeps them: the picture reopened from a link is the one drawn, exactly. */
  private snap(): void {
    this.cy.nodes().forEach((node: NodeSingular) => {
      const { x, y } = node.position();
      if (!Number.isInteger(x) || !Number.isInteger(y)) node.position(roundPoint({ x, y }));
    });
  }

  private inView(nodes: cytoscape.NodeCollection): boolean {
    const extent = this.cy.extent();
    return nodes.every((node) => {
      const { x, y } = (node as NodeSingular).position();
      return x >= extent.x1 && x <= extent.x2 && y >= extent.y1 && y <= extent.y2;
    });
  }

  /** Lays out every drawn node again with the named layout (the analyst asked for it), and fits. */
  relayout(name: LayoutName, roots: string[]): void {
    this.quiet = true;
    runLayout(this.cy, name, this.cy.elements(), roots);
    this.cy.nodes('[type = "EVENT"]').toggleClass('timed', name === 'time');
    this.snap();
    this.fit();
    this.quiet = false;
  }

  /** Fits what is drawn, never zooming in so far that labels grow past a readable size. */
  fit(): void {
    const cy = this.cy;
    if (cy.nodes().empty()) return;
    const quiet = this.quiet;
    this.quiet = true;
    cy.fit(cy.elements(), FIT_PADDING);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    this.quiet = quiet;
  }

  /** The model positions of the drawn entities, rounded as the URL keeps them. */
  positions(): Record<string, Point> {
    const positions: Record<string, Point> = {};
    this.cy.nodes().forEach((node: NodeSingular) => {
      if (!node.hasClass('summary')) positions[node.id()] = roundPoint(node.position());
    });
    return positions;
  }

  viewport(): { zoom: number; pan: Point } {
    return { zoom: this.cy.zoom(), pan: roundPoint(this.cy.pan()) };
  }

  setViewport(zoom: number, pan: Point): void {
    this.quiet = true;
    this.cy.viewport({ zoom, pan });
    this.quiet = false;
  }

  /** The element whose details show gets `.chosen`; `syncSelection` also makes it the one selected. */
  select(selection: Selection, syncSelection = true): void {
    const cy = this.cy;
    cy.elements().removeClass('chosen');
    if (syncSelection) cy.elements(':selected').unselect();
    if (!selection) return;
    const element = cy.getElementById(selection.kind === 'entity' ? selection.id : edgeElementId(selection.id));
    element.addClass('chosen');
    if (syncSelection) element.select();
  }

  /** Entities selected on the canvas (click with shift/ctrl, or a box drawn with shift). */
  selectedIds(): string[] {
    return this.cy
      .nodes(':selected')
      .filter((node) => !node.hasClass('summary'))
      .map((node) => node.id());
  }

  /** Highlights a path and fades the rest; an empty path clears the highlight. */
  highlightPath(nodeIds: string[], relationIds: string[]): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('path faded');
      if (nodeIds.length === 0) return;
      const onPath = cy.collection();
      for (const id of nodeIds) onPath.merge(cy.getElementById(id));
      for (const id of relationIds) onPath.merge(cy.getElementById(edgeElementId(id)));
      onPath.addClass('path');
      cy.elements().difference(onPath).addClass('faded');
    });
  }

  /** Where an element is drawn on the page, for tests, menus and cards. */
  renderedCenter(selection: NonNullable<Selection>): PagePoint | null {
    const node = this.cy.nodes().getElementById(selection.id);
    const edge = this.cy.edges().getElementById(edgeElementId(selection.id));
    if (selection.kind === 'entity' ? node.empty() : edge.empty()) return null;
    const position = selection.kind === 'entity' ? node.renderedPosition() : edge.renderedMidpoint();
    const box = this.cy.container()!.getBoundingClientRect();
    return { x: box.left + position.x, y: box.top + position.y };
  }

  resize(): void {
    this.cy.resize();
  }
}
