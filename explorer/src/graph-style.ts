import type cytoscape from 'cytoscape';

/** Marks disputed facts; not one of the type colours (colors.ts), so it never reads as a type. */
export const DISPUTED_COLOR = '#C2185B';
/** Independent sources beyond this add no width: a line must stay thinner than a node. */
const MAX_WIDTH_SOURCES = 4;

/** Edge width in pixels by independent sources: 2 for one, 4 for two, up to 8; 1 for an unsourced fact. */
export function edgeWidth(independentSources: number): number {
  return Math.max(1, 2 * Math.min(independentSources, MAX_WIDTH_SOURCES));
}

export const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as cytoscape.Css.NodeShape,
      label: 'data(label)',
      // Size by degree in view (elements.ts nodeSize); labels are not drawn below 7 px on screen,
      // so a zoomed-out picture shows shapes instead of a smear of text.
      width: 'data(size)',
      height: 'data(size)',
      'font-size': 11,
      'min-zoomed-font-size': 7,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  // In the "by time" layout an event's dates are under its name: its place on the axis is its date.
  { selector: 'node.timed', style: { label: 'data(timeLabel)' } },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#222222', 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(color)',
      'line-style': 'data(lineStyle)' as cytoscape.Css.LineStyle,
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      // Readable along any slope: turned with the edge, on an opaque rounded background, hidden when too small.
      'font-size': 9,
      'min-zoomed-font-size': 7,
      color: '#333333',
      'text-wrap': 'wrap',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.92,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
    },
  },
  // Selection: the native (multiple) selection gets a blue ring; the one whose details show, an overlay too (.chosen).
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1a73e8' } },
  { selector: 'edge:selected', style: { 'line-outline-width': 2, 'line-outline-color': '#1a73e8' } },
  {
    selector: 'node.summary',
    style: {
      shape: 'round-rectangle',
      'background-color': '#eeeeef',
      'border-width': 2,
      'border-color': '#8a8a90',
      'border-style': 'dashed',
      label: 'data(label)',
      'text-valign': 'center',
      'text-margin-y': 0,
      'font-size': 12,
      'font-weight': 'bold',
      width: 70,
      height: 30,
      'text-background-opacity': 0,
    },
  },
  { selector: 'edge.summary-edge', style: { width: 2, 'line-color': '#b0b0b5', 'line-style': 'dashed', 'target-arrow-shape': 'none', label: '' } },
  { selector: '.chosen', style: { 'overlay-color': '#1a73e8', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  // Disputed facts: a dashed magenta ring around nodes, a magenta outline along edges.
  // The wider label keeps the ⚠ on the name's line: Cytoscape wraps at any space, even a no-break one.
  {
    selector: 'node.disputed',
    style: { 'outline-width': 3, 'outline-color': DISPUTED_COLOR, 'outline-style': 'dashed', 'outline-offset': 2, 'text-max-width': '170px' },
  },
  { selector: 'edge.disputed', style: { 'line-outline-width': 2, 'line-outline-color': DISPUTED_COLOR } },
  { selector: '.faded', style: { opacity: 0.25 } },
  { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#F5B700', opacity: 1 } },
  {
    selector: 'edge.path',
    style: { width: 6, 'line-color': '#F5B700', 'target-arrow-color': '#F5B700', 'text-background-color': '#FFE8A3', opacity: 1, 'z-index': 10 },
  },
];
