import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { ENTITY_STYLE, RELATION_STYLE } from './colors.js';
import { edgeWidth, STYLE } from './graph-style.js';
import type { Selection } from './state.js';
import type { EntitySummary, RelationSummary } from './types.js';

export interface GraphHandlers {
  onNode(id: string): void;
  onEdge(id: string): void;
  onBackground(): void;
}

/** A disputed fact is marked by a sign in its label as well as by colour, for readers who cannot tell the colour. */
const DISPUTED_SIGN = '⚠ ';

function nodeElement(node: EntitySummary, expanded: boolean): ElementDefinition {
  const style = ENTITY_STYLE[node.type];
  const disputed = node.status === 'DISPUTED';
  const data = { id: node.id, name: node.name, label: disputed ? `${DISPUTED_SIGN}${node.name}` : node.name, type: node.type, color: style.color, shape: style.shape, status: node.status ?? 'UNSOURCED', sources: node.independentSourceCount ?? 0 };
  return { group: 'nodes', data, classes: [expanded ? 'expanded' : '', disputed ? 'disputed' : ''].join(' ').trim() };
}

function edgeElement(edge: RelationSummary): ElementDefinition {
  const style = RELATION_STYLE[edge.type];
  const disputed = edge.status === 'DISPUTED';
  const text = edge.role ? `${edge.type}\n${edge.role}` : edge.type;
  const sources = edge.independentSourceCount ?? 0;
  const data = {
    id: `rel:${edge.id}`,
    relationId: edge.id,
    source: edge.from.id,
    target: edge.to.id,
    type: edge.type,
    role: edge.role ?? '',
    label: disputed ? `${DISPUTED_SIGN}${text}` : text,
    color: style.color,
    lineStyle: style.lineStyle,
    status: edge.status ?? 'UNSOURCED',
    sources,
    width: edgeWidth(sources),
  };
  return { group: 'edges', data, classes: disputed ? 'disputed' : '' };
}

const MAX_FIT_ZOOM = 1.3;

/** A stable number from an id, so the same view gets the same starting positions and so the same layout. */
function hash(id: string): number {
  let value = 2166136261;
  for (let i = 0; i < id.length; i++) value = Math.imul(value ^ id.charCodeAt(i), 16777619);
  return (value >>> 0) / 4294967296;
}

/** Near an already placed neighbour if there is one, else on a circle around the origin; never random. */
function startPosition(id: string, edges: RelationSummary[], cy: Core, placed: ReadonlySet<string>): { x: number; y: number } {
  const angle = hash(id) * 2 * Math.PI;
  for (const edge of edges) {
    const other = edge.from.id === id ? edge.to.id : edge.to.id === id ? edge.from.id : null;
    if (other && placed.has(other)) {
      const at = cy.getElementById(other).position();
      return { x: at.x + 120 * Math.cos(angle), y: at.y + 120 * Math.sin(angle) };
    }
  }
  return { x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) };
}

/** Edge element ids are prefixed so an entity and a relation may share an id. */
export const edgeElementId = (relationId: string): string => `rel:${relationId}`;

/** The Cytoscape.js drawing: a force-directed (cose) layout, re-run when elements are added. */
export class GraphView {
  readonly cy: Core;

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({ container, style: STYLE, autounselectify: true, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
    this.cy.on('tap', 'node', (event) => handlers.onNode((event.target as NodeSingular).id()));
    this.cy.on('tap', 'edge', (event) => handlers.onEdge(String(event.target.data('relationId'))));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) handlers.onBackground();
    });
  }

  /** Replaces what is drawn; returns whether elements were added or removed. */
  setElements(nodes: EntitySummary[], edges: RelationSummary[], expanded: ReadonlySet<string>): boolean {
    const cy = this.cy;
    const wanted = new Map<string, ElementDefinition>();
    for (const node of nodes) wanted.set(node.id, nodeElement(node, expanded.has(node.id)));
    for (const edge of edges) if (wanted.has(edge.from.id) && wanted.has(edge.to.id)) wanted.set(edgeElementId(edge.id), edgeElement(edge));
    let changed = false;
    cy.batch(() => {
      cy.elements().forEach((element) => {
        if (!wanted.has(element.id())) {
          element.remove();
          changed = true;
        }
      });
      const added: ElementDefinition[] = [];
      for (const [id, definition] of wanted) {
        const existing = cy.getElementById(id);
        if (existing.nonempty()) {
          existing.data(definition.data);
          existing.classes(definition.classes ?? '');
        } else added.push(definition);
      }
      if (added.length > 0) {
        changed = true;
        const placed = new Set(cy.nodes().map((node) => node.id()));
        cy.add(added.filter((definition) => definition.group === 'nodes')).forEach((node) => {
          node.position(startPosition(node.id(), edges, cy, placed));
        });
        cy.add(added.filter((definition) => definition.group === 'edges'));
      }
    });
    if (changed) this.layout();
    return changed;
  }

  layout(): void {
    const cy = this.cy;
    if (cy.nodes().empty()) return;
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 140, nodeRepulsion: () => 12000, padding: 40, fit: true } as cytoscape.LayoutOptions).run();
    // A small graph would be fitted at a large zoom: keep labels at a readable size.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  }

  select(selection: Selection): void {
    this.cy.elements().removeClass('chosen');
    if (!selection) return;
    const id = selection.kind === 'entity' ? selection.id : edgeElementId(selection.id);
    this.cy.getElementById(id).addClass('chosen');
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

  /** Where an element is drawn on the page, for tests and for scrolling to it. */
  renderedCenter(selection: NonNullable<Selection>): { x: number; y: number } | null {
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
