import { h } from './dom.js';
import type { EntitySummary } from './types.js';

/** The events of the current view in date order; clicking one selects it. */
export function renderTimeline(list: HTMLElement, events: EntitySummary[], selectedId: string | null, onSelect: (id: string) => void): void {
  if (events.length === 0) {
    list.replaceChildren(h('li', { class: 'muted' }, 'No events in view.'));
    return;
  }
  list.replaceChildren(
    ...events.map((event) => {
      const when = event.startDate
        ? event.endDate && event.endDate !== event.startDate
          ? `${event.startDate} – ${event.endDate}`
          : event.startDate
        : 'undated';
      return h(
        'li',
        { 'data-id': event.id, class: event.id === selectedId ? 'chosen' : '' },
        h('time', { datetime: event.startDate ?? undefined }, when),
        h('button', { type: 'button', class: 'link', onclick: () => onSelect(event.id) }, event.name),
      );
    }),
  );
}
