import type { Core, NodeSingular } from 'cytoscape';
import { typeBadge } from './colors.js';
import { STATUS_LABEL } from './corroboration.js';
import { h } from './dom.js';
import type { PagePoint } from './graph.js';
import type { ClaimStatus, EntityType } from './types.js';

/** Long enough that moving the mouse across the canvas does not flash cards, short enough to feel immediate. */
export const HOVER_DELAY_MS = 400;

function dates(start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  if (start && end && start !== end) return `${start} – ${end}`;
  return start ?? `until ${end}`;
}

function card(node: NodeSingular): HTMLElement[] {
  const data = node.data() as {
    name: string;
    type: EntityType;
    title: string | null;
    startDate: string | null;
    endDate: string | null;
    sources: number;
    sourceCount: number;
    status: ClaimStatus;
    aliases: string[];
  };
  const when = dates(data.startDate, data.endDate);
  const independent = `${data.sources} independent source${data.sources === 1 ? '' : 's'}`;
  const degree = node.degree(false);
  const lines: Array<HTMLElement | null> = [
    h('div', { class: 'card-head' }, h('strong', { class: 'card-name' }, data.name), ' ', typeBadge(data.type)),
    data.title ? h('div', { class: 'card-title' }, data.title) : null,
    when ? h('div', { class: 'card-dates' }, when) : null,
    data.aliases.length > 0 ? h('div', { class: 'card-aliases muted' }, `also ${data.aliases.slice(0, 3).join(', ')}`) : null,
    h('div', { class: 'card-sources' }, `${independent} (${data.sourceCount} in all)`),
    h('div', { class: `card-status claim-status ${data.status.toLowerCase()}` }, STATUS_LABEL[data.status] ?? data.status),
    h('div', { class: 'card-degree muted' }, `${degree} relation${degree === 1 ? '' : 's'} in view`),
  ];
  return lines.filter((item): item is HTMLElement => item !== null);
}

/** The key facts of an entity, shown near the node the mouse rests on. */
export function createHoverCard(host: HTMLElement, cy: Core): { hover(id: string | null, at: PagePoint): void } {
  const element = h('div', { id: 'hover-card', class: 'hover-card', role: 'tooltip', hidden: true });
  host.append(element);
  let timer = 0;
  const hide = () => {
    window.clearTimeout(timer);
    element.hidden = true;
  };
  // Leaving the canvas straight from a node gives Cytoscape no mouseout to report.
  host.addEventListener('mouseleave', hide);
  cy.on('viewport remove', hide);
  return {
    hover(id, at) {
      hide();
      if (!id) return;
      timer = window.setTimeout(() => {
        const node = cy.getElementById(id);
        if (node.empty()) return;
        element.replaceChildren(...card(node as NodeSingular));
        element.dataset.id = id;
        const box = host.getBoundingClientRect();
        // Beside the pointer, kept inside the canvas.
        element.style.left = `${Math.min(at.x - box.left + 16, box.width - 260)}px`;
        element.style.top = `${Math.min(at.y - box.top + 16, box.height - 140)}px`;
        element.hidden = false;
      }, HOVER_DELAY_MS);
    },
  };
}
