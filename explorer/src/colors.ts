import { h } from './dom.js';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from './types.js';

/** Okabe–Ito colours (distinguishable with colour blindness), plus a shape per type. */
export const ENTITY_STYLE: Record<EntityType, { color: string; shape: string; label: string }> = {
  PERSON: { color: '#0072B2', shape: 'ellipse', label: 'Person' },
  ORGANIZATION: { color: '#E69F00', shape: 'round-rectangle', label: 'Organization' },
  COUNTRY: { color: '#009E73', shape: 'hexagon', label: 'Country' },
  LOCATION: { color: '#CC79A7', shape: 'diamond', label: 'Location' },
  EVENT: { color: '#D55E00', shape: 'star', label: 'Event' },
};

export const RELATION_STYLE: Record<RelationType, { color: string; lineStyle: 'solid' | 'dashed' | 'dotted'; label: string }> = {
  PARTICIPATES_IN: { color: '#555555', lineStyle: 'solid', label: 'participates in' },
  COMMANDS: { color: '#B2182B', lineStyle: 'solid', label: 'commands' },
  MEMBER_OF: { color: '#2166AC', lineStyle: 'dashed', label: 'member of' },
  LOCATED_IN: { color: '#1B7837', lineStyle: 'dotted', label: 'located in' },
};

/** The legend drawn over the graph: entity types by colour and shape, relation types by line. */
export function renderLegend(container: HTMLElement): void {
  const entities = ENTITY_TYPES.map((type) =>
    h(
      'li',
      { 'data-type': type },
      h('span', { class: `swatch shape-${ENTITY_STYLE[type].shape}`, style: `background:${ENTITY_STYLE[type].color}` }),
      ENTITY_STYLE[type].label,
    ),
  );
  const relations = RELATION_TYPES.map((type) =>
    h(
      'li',
      { 'data-type': type },
      h('span', { class: 'line', style: `border-top: 3px ${RELATION_STYLE[type].lineStyle} ${RELATION_STYLE[type].color}` }),
      type,
    ),
  );
  // How sourcing is drawn (graph-style.ts): a line, not list items, so the type legend keeps one item per type.
  const sourcing = h(
    'p',
    { class: 'legend-sourcing' },
    h('span', { class: 'line', style: 'border-top: 2px solid #555' }),
    h('span', { class: 'line', style: 'border-top: 6px solid #555' }),
    ' line width: independent sources (1 to 4 or more) · ',
    h('span', { class: 'disputed-sign' }, '⚠'),
    ' magenta outline: sources disagree',
  );
  container.replaceChildren(h('ul', {}, ...entities), h('ul', {}, ...relations), sourcing);
}

export function typeBadge(type: EntityType): HTMLElement {
  return h('span', { class: 'badge', style: `background:${ENTITY_STYLE[type].color}` }, ENTITY_STYLE[type].label);
}
