import { graphql } from './api.js';
import { chunks, neighborhoodsQuery, pathQuery } from './queries.js';
import { readFilters, type ReadFilters, type ViewState } from './state.js';
import type { EntitySummary, PathResult, RelationSummary, RelationType, Subgraph } from './types.js';

export interface PathView {
  from: EntitySummary | null;
  to: EntitySummary | null;
  /** Null when there is no path within the hop limit. */
  result: PathResult | null;
}

/** What the current state shows: the union of the expanded neighbourhoods, plus the path. */
export interface ViewData {
  nodes: Map<string, EntitySummary>;
  edges: Map<string, RelationSummary>;
  /** Expanded entities whose neighbourhood hit the limit. */
  truncated: string[];
  /** Expanded entities that do not exist (a stale link). */
  missing: string[];
  path: PathView | null;
}

const neighborhoods = new Map<string, Subgraph | null>();
/** A neighbourhood depends on the filters too: the same entity as of another date is another subgraph. */
const cacheKey = (id: string, types: RelationType[], filters: ReadFilters) => `${types.join(',')}|${filters.asOf ?? ''}|${filters.minSources ?? ''}|${id}`;

/** Forgets cached neighbourhoods, for a retry after the data may have changed. */
export function forgetCache(): void {
  neighborhoods.clear();
}

/** Forgets the cached neighbourhoods of these ids and those that hold any of them, under every filter: they changed (live.ts). */
export function forgetNeighbourhoods(ids: ReadonlySet<string>): void {
  for (const [key, subgraph] of neighborhoods) {
    const id = key.slice(key.lastIndexOf('|') + 1);
    if (ids.has(id) || subgraph?.nodes.some((node) => ids.has(node.id))) neighborhoods.delete(key);
  }
}

async function fetchNeighborhoods(ids: string[], types: RelationType[], filters: ReadFilters, signal: AbortSignal): Promise<void> {
  const wanted = ids.filter((id) => !neighborhoods.has(cacheKey(id, types, filters)));
  await Promise.all(
    chunks(wanted).map(async (chunk) => {
      const data = await graphql<Record<string, Subgraph | null>>(neighborhoodsQuery(chunk, types, filters), signal);
      chunk.forEach((id, i) => neighborhoods.set(cacheKey(id, types, filters), data[`n${i}`] ?? null));
    }),
  );
}

async function fetchPath(state: ViewState, signal: AbortSignal): Promise<PathView | null> {
  if (!state.path) return null;
  const data = await graphql<{ path: PathResult | null; fromEntity: EntitySummary | null; toEntity: EntitySummary | null }>(
    pathQuery(state.path.from, state.path.to, state.types, readFilters(state)),
    signal,
  );
  return { from: data.fromEntity, to: data.toEntity, result: data.path };
}

export async function loadView(state: ViewState, signal: AbortSignal): Promise<ViewData> {
  const filters = readFilters(state);
  const [, path] = await Promise.all([fetchNeighborhoods(state.expanded, state.types, filters, signal), fetchPath(state, signal)]);
  const view: ViewData = { nodes: new Map(), edges: new Map(), truncated: [], missing: [], path };
  for (const id of state.expanded) {
    const subgraph = neighborhoods.get(cacheKey(id, state.types, filters));
    if (!subgraph) {
      view.missing.push(id);
      continue;
    }
    if (subgraph.truncated) view.truncated.push(id);
    for (const node of subgraph.nodes) view.nodes.set(node.id, node);
    for (const edge of subgraph.relations) view.edges.set(edge.id, edge);
  }
  if (path?.result) {
    for (const node of path.result.nodes) view.nodes.set(node.id, node);
    for (const edge of path.result.relations) view.edges.set(edge.id, edge);
  } else if (path) {
    // No path: still show both ends, so the analyst sees what was asked.
    for (const end of [path.from, path.to]) if (end) view.nodes.set(end.id, end);
  }
  return view;
}

/** The events of the view in date order (partial ISO dates sort as text), undated last. */
export function eventsInOrder(view: ViewData): EntitySummary[] {
  const events = [...view.nodes.values()].filter((node) => node.type === 'EVENT');
  return events.sort((a, b) => {
    const x = a.startDate ?? a.endDate ?? null;
    const y = b.startDate ?? b.endDate ?? null;
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    }
    return a.name.localeCompare(b.name);
  });
}

/** The dates of the earliest and latest reports of everything in view: the time slider's stops. */
export function reportDates(view: ViewData): string[] {
  const dates = new Set<string>();
  for (const item of [...view.nodes.values(), ...view.edges.values()]) {
    if (item.firstReportedAt) dates.add(item.firstReportedAt);
    if (item.lastReportedAt) dates.add(item.lastReportedAt);
  }
  return [...dates];
}
