import type { ElementDefinition } from 'cytoscape';
import { ENTITY_STYLE, RELATION_STYLE } from './colors.js';
import { edgeWidth } from './graph-style.js';
import type { Summary } from './hub.js';
import type { EntitySummary, RelationSummary } from './types.js';

/** A disputed fact is marked by a sign in its label as well as by colour, for readers who cannot tell the colour. */
const DISPUTED_SIGN = '⚠ ';

/** Edge element ids are prefixed so an entity and a relation may share an id. */
export const edgeElementId = (relationId: string): string => `rel:${relationId}`;

/** Node size by degree in view: 26 px for a leaf, growing with the square root, at most 64 px. */
export function nodeSize(degree: number): number {
  return Math.min(64, Math.round(26 + 6 * Math.sqrt(Math.max(0, degree - 1))));
}

/** An event's label with its dates, shown in the "by time" layout (class `timed`), where position is time. */
function timeLabel(node: EntitySummary, label: string): string {
  const start = node.startDate ?? null;
  const end = node.endDate ?? null;
  const when = start && end && start !== end ? `${start} – ${end}` : (start ?? end ?? 'undated');
  return `${label}\n${when}`;
}

export function nodeElement(node: EntitySummary, expanded: boolean, timed = false): ElementDefinition {
  const style = ENTITY_STYLE[node.type];
  const disputed = node.status === 'DISPUTED';
  const data = {
    id: node.id,
    name: node.name,
    label: disputed ? `${DISPUTED_SIGN}${node.name}` : node.name,
    type: node.type,
    color: style.color,
    shape: style.shape,
    status: node.status ?? 'UNSOURCED',
    sources: node.independentSourceCount ?? 0,
    sourceCount: node.sourceCount ?? 0,
    startDate: node.startDate ?? null,
    endDate: node.endDate ?? null,
    aliases: node.aliases,
    title: node.title ?? null,
    size: nodeSize(1),
    timeLabel: node.type === 'EVENT' ? timeLabel(node, disputed ? `${DISPUTED_SIGN}${node.name}` : node.name) : null,
  };
  const classes = [expanded ? 'expanded' : '', disputed ? 'disputed' : '', timed && node.type === 'EVENT' ? 'timed' : ''];
  return { group: 'nodes', data, classes: classes.filter(Boolean).join(' ') };
}

export function edgeElement(edge: RelationSummary): ElementDefinition {
  const style = RELATION_STYLE[edge.type];
  const disputed = edge.status === 'DISPUTED';
  const text = edge.role ? `${edge.type}\n${edge.role}` : edge.type;
  const sources = edge.independentSourceCount ?? 0;
  const data = {
    id: edgeElementId(edge.id),
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

/** The "+N more" node standing for a hub's folded leaves, and its link to the hub. */
export function summaryElements(summary: Summary): ElementDefinition[] {
  const count = summary.leaves.length;
  return [
    { group: 'nodes', data: { id: summary.id, hub: summary.hub, count, label: `+${count} more`, size: 44 }, classes: 'summary' },
    { group: 'edges', data: { id: `${summary.id}:edge`, source: summary.id, target: summary.hub }, classes: 'summary-edge' },
  ];
}
