import { graphql, isAbortError } from './api.js';
import { typeBadge } from './colors.js';
import { h } from './dom.js';
import { searchQuery } from './queries.js';
import type { ReadFilters } from './state.js';
import { clearError, showError, track } from './status.js';
import type { EntitySummary, SearchHit } from './types.js';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  onChoose(entity: EntitySummary): void;
  /** The view's filters, so search offers only entities the view would show. */
  filters?: () => ReadFilters;
}

const DEBOUNCE_MS = 150;

/** Full-text search as the analyst types: debounced, earlier requests aborted, keyboard friendly. */
export function attachSearch({ input, list, onChoose, filters }: SearchBoxOptions): { reset(): void } {
  let timer = 0;
  let controller: AbortController | null = null;
  let hits: EntitySummary[] = [];
  let active = -1;

  const show = (items: HTMLElement[]) => {
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const hide = () => show([]);

  const choose = (entity: EntitySummary) => {
    // A search still pending for an earlier keystroke must not reopen the list.
    window.clearTimeout(timer);
    controller?.abort();
    hide();
    input.value = entity.name;
    onChoose(entity);
  };

  const highlight = (index: number) => {
    active = index;
    list.querySelectorAll('li[role=option]').forEach((item, i) => item.setAttribute('aria-selected', String(i === index)));
  };

  const render = () => {
    if (hits.length === 0) return show([h('li', { class: 'hint' }, 'No entity matches.')]);
    show(
      hits.map((entity, i) =>
        h(
          'li',
          {
            role: 'option',
            'aria-selected': 'false',
            'data-id': entity.id,
            onmousedown: (event: Event) => event.preventDefault(),
            onclick: () => choose(entity),
            onmouseenter: () => highlight(i),
          },
          h('span', { class: 'name' }, entity.name),
          typeBadge(entity.type),
          entity.aliases.length > 0 ? h('span', { class: 'aliases' }, `also ${entity.aliases.join(', ')}`) : null,
        ),
      ),
    );
    active = -1;
  };

  const run = async (query: string) => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    show([h('li', { class: 'hint loading' }, 'Searching…')]);
    try {
      const data = await track('Searching', graphql<{ search: SearchHit[] }>(searchQuery(query, filters?.()), current.signal));
      if (current.signal.aborted) return;
      hits = data.search.map((hit) => hit.entity);
      clearError();
      // Results for a box the analyst has left wait until it is focused again.
      if (document.activeElement === input) render();
      else hide();
    } catch (error) {
      if (isAbortError(error) || current.signal.aborted) return;
      show([h('li', { class: 'hint error' }, `Search failed: ${error instanceof Error ? error.message : String(error)}`)]);
      showError(error, () => void run(query));
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    hits = [];
    const query = input.value.trim();
    if (!query) {
      controller?.abort();
      hide();
      return;
    }
    timer = window.setTimeout(() => void run(query), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0 || list.hidden) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      const entity = hits[active >= 0 ? active : 0];
      if (entity && !list.hidden) {
        event.preventDefault();
        choose(entity);
      }
    } else if (event.key === 'Escape') hide();
  });
  input.addEventListener('blur', () => window.setTimeout(hide, 100));
  input.addEventListener('focus', () => {
    if (input.value.trim() && hits.length > 0) render();
  });

  return {
    reset() {
      controller?.abort();
      hits = [];
      input.value = '';
      hide();
    },
  };
}
