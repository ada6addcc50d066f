/**
 * The picture of a view: where each node is drawn, the layout, zoom and pan, and what is hidden.
 * It lives in the URL with the rest of the state, so a shared link or a saved investigation reopens
 * the same picture, not only the same content.
 *
 * Encoding (entity ids are slugs, `[a-z0-9-]`, so `_` and `.` never occur in them and are not escaped in a URL):
 * `pos=liu-xiaowu_120_-45.russia_300_20` (x and y rounded to whole pixels), `z=1.25` (zoom),
 * `pan=-40_12`, `layout=concentric`, `hide=russia.china`, `open=hub-id` (hubs whose leaves are all shown).
 */

export interface Point {
  x: number;
  y: number;
}

export const LAYOUTS = ['force', 'hierarchical', 'concentric', 'time'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export interface Picture {
  /** Model positions (Cytoscape's, independent of zoom and pan) of the nodes in view, hidden ones included. */
  positions: Record<string, Point>;
  layout: LayoutName;
  zoom: number | null;
  pan: Point | null;
  hidden: string[];
  /** Hubs whose leaves are all drawn rather than summed up in a "+N more" node. */
  open: string[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** About 500 nodes' positions; the rest of the URL and the request's other headers keep well under Node's 16 KB. */
export const MAX_POSITIONS_CHARS = 12_000;
const MAX_IDS = 1000;
/** Cytoscape's own zoom limits in graph.ts. */
const MIN_ZOOM = 0.05;
const MAX_ZOOM = 5;

export function emptyPicture(): Picture {
  return { positions: {}, layout: 'force', zoom: null, pan: null, hidden: [], open: [] };
}

const round = (value: number) => Math.round(value);
const finite = (text: string | undefined) => (text !== undefined && text !== '' && Number.isFinite(Number(text)) ? Number(text) : null);

function parseIds(value: string | null): string[] {
  return [...new Set((value ?? '').split('.').filter((id) => SLUG.test(id)))].slice(0, MAX_IDS);
}

function parsePoint(value: string | null): Point | null {
  const [x, y] = (value ?? '').split('_').map((part) => finite(part));
  return x != null && y != null ? { x, y } : null;
}

function parsePositions(value: string | null): Record<string, Point> {
  const positions: Record<string, Point> = {};
  for (const entry of (value ?? '').split('.').slice(0, MAX_IDS)) {
    const [id, x, y] = entry.split('_');
    const px = finite(x);
    const py = finite(y);
    if (id && SLUG.test(id) && px !== null && py !== null) positions[id] = { x: px, y: py };
  }
  return positions;
}

export function parsePicture(params: URLSearchParams): Picture {
  const zoom = finite(params.get('z') ?? undefined);
  const layout = params.get('layout');
  return {
    positions: parsePositions(params.get('pos')),
    layout: (LAYOUTS as readonly string[]).includes(layout ?? '') ? (layout as LayoutName) : 'force',
    zoom: zoom !== null && zoom >= MIN_ZOOM && zoom <= MAX_ZOOM ? zoom : null,
    pan: parsePoint(params.get('pan')),
    hidden: parseIds(params.get('hide')),
    open: parseIds(params.get('open')),
  };
}

/** Appends the picture to the query; ids in sorted order so the same picture always gives the same link. */
export function formatPicture(params: URLSearchParams, picture: Picture): void {
  const entries: string[] = [];
  let length = 0;
  for (const id of Object.keys(picture.positions).sort()) {
    const entry = `${id}_${round(picture.positions[id]!.x)}_${round(picture.positions[id]!.y)}`;
    // The service reads at most 16 KB of request headers: past the budget, nodes are placed again on reopening.
    if (length + entry.length + 1 > MAX_POSITIONS_CHARS) break;
    entries.push(entry);
    length += entry.length + 1;
  }
  if (entries.length > 0) params.set('pos', entries.join('.'));
  if (picture.layout !== 'force') params.set('layout', picture.layout);
  if (picture.zoom !== null) params.set('z', String(Math.round(picture.zoom * 1000) / 1000));
  if (picture.pan) params.set('pan', `${round(picture.pan.x)}_${round(picture.pan.y)}`);
  if (picture.hidden.length > 0) params.set('hide', [...picture.hidden].sort().join('.'));
  if (picture.open.length > 0) params.set('open', [...picture.open].sort().join('.'));
}

/** Rounds as the URL does, so the state in memory and the state read back from the link are equal. */
export function roundPoint(point: Point): Point {
  return { x: round(point.x), y: round(point.y) };
}
