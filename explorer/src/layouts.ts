import type { Collection, Core, LayoutOptions, NodeCollection, NodeSingular } from 'cytoscape';
import type { LayoutName, Point } from './picture.js';

/** What the analyst picks from: every one is built into Cytoscape's core (no extension, nothing fetched). */
export const LAYOUT_LABELS: Record<LayoutName, string> = {
  force: 'Force',
  hierarchical: 'Hierarchical',
  concentric: 'Concentric',
  time: 'By time',
};

/** Room for a node and its label; ring radii and slot spacing follow from it. */
const SLOT = 150;
const TIME_ROW = 130;
const TIME_MIN_WIDTH = 900;

/** A stable number in [0, 1) from an id, so the same view gets the same starting positions; never random. */
export function hash(id: string): number {
  let value = 2166136261;
  for (let i = 0; i < id.length; i++) value = Math.imul(value ^ id.charCodeAt(i), 16777619);
  return (value >>> 0) / 4294967296;
}

const forceOptions = {
  name: 'cose',
  animate: false,
  randomize: false,
  nodeDimensionsIncludeLabels: true,
  idealEdgeLength: () => 140,
  nodeRepulsion: () => 14000,
  padding: 40,
};

/** Days since the epoch of a partial ISO date (`2021`, `2021-08`, `2021-08-09`), or null. */
function day(date: string | null | undefined): number | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  const time = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
  return Number.isFinite(time) ? time / 86_400_000 : null;
}

/** Spreads points sharing a row so no two are closer than SLOT, keeping their order. */
function spreadRow(points: Array<{ node: NodeSingular; x: number }>, y: number, into: Map<string, Point>): void {
  points.sort((a, b) => a.x - b.x || a.node.id().localeCompare(b.node.id()));
  let last = -Infinity;
  for (const point of points) {
    const x = Math.max(point.x, last + SLOT);
    into.set(point.node.id(), { x, y });
    last = x;
  }
}

/**
 * Events on a time axis, left to right by start date (undated at the right end), alternating above
 * and below the axis so neighbouring labels do not meet; every other entity in a row of its type
 * above or below, at the mean x of the events it is linked to.
 */
function timePositions(nodes: NodeCollection): Map<string, Point> {
  const positions = new Map<string, Point>();
  const events = nodes.filter((node) => node.data('type') === 'EVENT').nodes();
  const dated = events.map((node) => ({ node, day: day(node.data('startDate') ?? node.data('endDate')) }));
  const days = dated.map((event) => event.day).filter((value): value is number => value !== null);
  const first = Math.min(...days);
  const span = Math.max(...days) - first || 1;
  const width = Math.max(TIME_MIN_WIDTH, events.length * SLOT);
  const eventPoints = dated.map((event) => ({ node: event.node, x: event.day === null ? width + SLOT : ((event.day - first) / span) * width }));
  spreadRow(eventPoints, 0, positions);
  [...positions.keys()].forEach((id, i) => (positions.get(id)!.y = i % 2 === 0 ? -30 : 30));
  const rows: Record<string, number> = { PERSON: -2, ORGANIZATION: -1, COUNTRY: 1, LOCATION: 2 };
  for (const [type, row] of Object.entries(rows)) {
    const members = nodes.filter((node) => node.data('type') === type).nodes();
    const points = members.map((node) => {
      const linked = node
        .neighborhood('node')
        .filter((other) => positions.has(other.id()) && other.data('type') === 'EVENT')
        .nodes();
      const x = linked.length > 0 ? linked.map((other) => positions.get(other.id())!.x).reduce((a, b) => a + b, 0) / linked.length : width / 2;
      return { node, x };
    });
    spreadRow(points, row * TIME_ROW, positions);
  }
  return positions;
}

function layoutOptions(name: LayoutName, cy: Core, nodes: NodeCollection, roots: string[]): LayoutOptions {
  switch (name) {
    case 'hierarchical': {
      const present = roots.filter((id) => cy.getElementById(id).nonempty() && nodes.has(cy.getElementById(id)));
      return {
        name: 'breadthfirst',
        directed: false,
        roots: present.length > 0 ? present.map((id) => `#${CSS.escape(id)}`).join(',') : undefined,
        spacingFactor: 1.1,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
        padding: 40,
        animate: false,
      } as LayoutOptions;
    }
    case 'concentric':
      return {
        name: 'concentric',
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 50,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: true,
        padding: 40,
        animate: false,
      } as LayoutOptions;
    case 'time': {
      const positions = timePositions(nodes);
      return { name: 'preset', positions: (node: NodeSingular) => positions.get(node.id()) ?? node.position(), padding: 40, animate: false } as LayoutOptions;
    }
    default:
      return forceOptions as LayoutOptions;
  }
}

/**
 * Start positions for a first layout: on a circle, each at an angle from a hash of its id. The force
 * layout jitters nodes that share a point with Math.random, so nodes must never start on one point;
 * from these, the same view always gets the same layout.
 */
export function seedPositions(nodes: NodeCollection): void {
  nodes.forEach((node: NodeSingular) => {
    const angle = hash(node.id()) * 2 * Math.PI;
    const radius = 200 + 100 * hash(`${node.id()}:r`);
    node.position({ x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
}

/** Lays out `elements` (every node moves) with the named layout; the caller fits. */
export function runLayout(cy: Core, name: LayoutName, elements: Collection, roots: string[]): void {
  const nodes = elements.nodes();
  if (nodes.empty()) return;
  elements.layout({ ...layoutOptions(name, cy, nodes, roots), fit: false } as LayoutOptions).run();
}

/**
 * Lays out only what is new, without moving any other node: each new node takes the first free slot
 * (no node within a slot's width, so no label meets another) on rings around its best-connected
 * neighbour already placed, in id order, rings growing until a slot is free. Deterministic, so the
 * same expansion of the same picture gives the same picture. (A force layout of the new nodes with the
 * old ones locked sees only the nodes it is given, so it could settle a new node on an old one's label.)
 */
export function placeNew(cy: Core, added: NodeCollection): void {
  if (added.empty()) return;
  const addedIds = new Set(added.map((node) => node.id()));
  const occupied: Point[] = cy
    .nodes()
    .filter((node) => !addedIds.has(node.id()))
    .nodes()
    .map((node) => ({ ...node.position() }));
  const free = (point: Point) => occupied.every((other) => Math.hypot(other.x - point.x, other.y - point.y) >= SLOT * 0.9);
  const anchorOf = (node: NodeSingular): NodeSingular | undefined =>
    node
      .neighborhood('node')
      .nodes()
      .filter((other) => !addedIds.has(other.id()))
      .nodes()
      .sort((a, b) => b.degree(false) - a.degree(false) || a.id().localeCompare(b.id()))[0];
  const sorted = added.sort((a, b) => a.id().localeCompare(b.id()));
  sorted.forEach((node) => {
    const anchor = anchorOf(node);
    const centre = anchor ? anchor.position() : { x: 0, y: 0 };
    const turn = hash(node.id());
    for (let ring = anchor ? 1 : 3; ; ring++) {
      const radius = ring * SLOT;
      const slots = Math.max(6, Math.floor((2 * Math.PI * radius) / SLOT));
      const point = [...Array(slots).keys()]
        .map((i) => ((i + turn) / slots) * 2 * Math.PI)
        .map((angle) => ({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) }))
        .find(free);
      if (point || ring > 40) {
        const at = point ?? { x: centre.x + radius, y: centre.y };
        node.position(at);
        occupied.push(at);
        break;
      }
    }
  });
}
