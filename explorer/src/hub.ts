import type { EntitySummary, RelationSummary } from './types.js';

/**
 * A hub's leaves, summed up: an entity with many neighbours that connect to nothing else in view
 * would draw as an unreadable ball of labels. Past LEAVES_BEFORE_SUMMARY leaves, the best sourced
 * KEPT_LEAVES stay and the rest become one "+N more" node, until the analyst opens the hub.
 */
export const LEAVES_BEFORE_SUMMARY = 20;
export const KEPT_LEAVES = 12;

export interface Summary {
  /** The summary node's id: `more:<hub id>`, never a slug, so it never meets an entity's id. */
  id: string;
  hub: string;
  /** The leaves it stands for. */
  leaves: string[];
}

export const summaryId = (hub: string): string => `more:${hub}`;

export interface Collapsed {
  nodes: EntitySummary[];
  edges: RelationSummary[];
  summaries: Summary[];
}

const bySourcesThenName = (a: EntitySummary, b: EntitySummary) =>
  (b.independentSourceCount ?? 0) - (a.independentSourceCount ?? 0) || a.name.localeCompare(b.name);

/**
 * `keep`: entities that must stay drawn (expanded, selected, on the path); `open`: hubs drawn whole.
 * A leaf is a node whose only neighbour in view is the hub.
 */
export function collapseLeaves(nodes: EntitySummary[], edges: RelationSummary[], keep: ReadonlySet<string>, open: ReadonlySet<string>): Collapsed {
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b) return;
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    neighbours.get(a)!.add(b);
  };
  for (const edge of edges) {
    link(edge.from.id, edge.to.id);
    link(edge.to.id, edge.from.id);
  }
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const leavesOf = new Map<string, EntitySummary[]>();
  for (const node of nodes) {
    const around = neighbours.get(node.id);
    if (keep.has(node.id) || !around || around.size !== 1) continue;
    const hub = [...around][0]!;
    if (!byId.has(hub) || open.has(hub)) continue;
    // Two leaves of each other (a pair apart from the rest) are not a hub's.
    if (neighbours.get(hub)?.size === 1) continue;
    if (!leavesOf.has(hub)) leavesOf.set(hub, []);
    leavesOf.get(hub)!.push(node);
  }
  const folded = new Set<string>();
  const summaries: Summary[] = [];
  for (const [hub, leaves] of [...leavesOf].sort(([a], [b]) => a.localeCompare(b))) {
    if (leaves.length <= LEAVES_BEFORE_SUMMARY) continue;
    const hiddenLeaves = [...leaves].sort(bySourcesThenName).slice(KEPT_LEAVES);
    for (const leaf of hiddenLeaves) folded.add(leaf.id);
    summaries.push({ id: summaryId(hub), hub, leaves: hiddenLeaves.map((leaf) => leaf.id) });
  }
  if (folded.size === 0) return { nodes, edges, summaries };
  return {
    nodes: nodes.filter((node) => !folded.has(node.id)),
    edges: edges.filter((edge) => !folded.has(edge.from.id) && !folded.has(edge.to.id)),
    summaries,
  };
}
