import { h } from './dom.js';
import { attachSearch } from './search.js';
import type { ReadFilters } from './state.js';
import type { EntityRef, RelationType } from './types.js';
import type { PathView } from './view.js';

export interface PathPanel {
  setFrom(entity: EntityRef | null): void;
  setTo(entity: EntityRef | null): void;
  showResult(path: PathView | null, types: RelationType[], allTypes: boolean): void;
}

export interface PathPanelOptions {
  onFind(from: EntityRef, to: EntityRef): void;
  onClear(): void;
  onSelectEntity(id: string): void;
  filters?: () => ReadFilters;
}

/** Two entity pickers (search as you type) and the result of the shortest-path query. */
export function createPathPanel(container: HTMLElement, options: PathPanelOptions): PathPanel {
  const chosen: { from: EntityRef | null; to: EntityRef | null } = { from: null, to: null };
  const find = h('button', { type: 'button', id: 'path-find', disabled: true }, 'Find path');
  const clearButton = h('button', { type: 'button', id: 'path-clear' }, 'Clear path');
  const result = h('div', { id: 'path-result', class: 'path-result', role: 'status', 'aria-live': 'polite' });
  const inputs = { from: null as HTMLInputElement | null, to: null as HTMLInputElement | null };

  const update = () => {
    find.disabled = !(chosen.from && chosen.to && chosen.from.id !== chosen.to.id);
  };

  const picker = (end: 'from' | 'to', label: string) => {
    const input = h('input', {
      id: `path-${end}`,
      type: 'search',
      placeholder: 'Search an entity…',
      autocomplete: 'off',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': `path-${end}-results`,
    });
    const list = h('ul', { id: `path-${end}-results`, class: 'suggestions', role: 'listbox', hidden: true });
    input.addEventListener('input', () => {
      chosen[end] = null;
      update();
    });
    attachSearch({
      input,
      list,
      filters: options.filters,
      onChoose: (entity) => {
        chosen[end] = entity;
        update();
      },
    });
    inputs[end] = input;
    return h('div', { class: 'picker' }, h('label', { for: `path-${end}` }, label), h('div', { class: 'search' }, input, list));
  };

  find.addEventListener('click', () => {
    if (chosen.from && chosen.to) options.onFind(chosen.from, chosen.to);
  });
  clearButton.addEventListener('click', () => {
    chosen.from = chosen.to = null;
    if (inputs.from) inputs.from.value = '';
    if (inputs.to) inputs.to.value = '';
    update();
    options.onClear();
  });
  container.replaceChildren(picker('from', 'From'), picker('to', 'To'), h('div', { class: 'buttons' }, find, clearButton), result);

  const set = (end: 'from' | 'to', entity: EntityRef | null) => {
    chosen[end] = entity;
    const input = inputs[end];
    if (input) input.value = entity?.name ?? '';
    update();
  };

  const entityButton = (entity: EntityRef) => h('button', { type: 'button', class: 'link', onclick: () => options.onSelectEntity(entity.id) }, entity.name);

  return {
    setFrom: (entity) => set('from', entity),
    setTo: (entity) => set('to', entity),
    showResult(path, types, allTypes) {
      result.dataset.state = path ? (path.result ? 'found' : 'none') : '';
      if (!path) return result.replaceChildren();
      if (path.from) set('from', path.from);
      if (path.to) set('to', path.to);
      if (!path.from || !path.to)
        return result.replaceChildren(h('p', { class: 'error-text' }, 'One end of the path is not in the graph (with the source and date filters, if any).'));
      if (!path.result) {
        const within = allTypes ? '' : ` using only ${types.join(', ')}`;
        return result.replaceChildren(h('p', { class: 'none' }, `No path between ${path.from.name} and ${path.to.name} within 6 hops${within}.`));
      }
      const { nodes, relations, length } = path.result;
      const steps: HTMLElement[] = [];
      nodes.forEach((node, i) => {
        steps.push(h('li', { class: 'node' }, entityButton(node)));
        const relation = relations[i];
        if (relation) {
          const forward = relation.from.id === node.id;
          steps.push(h('li', { class: 'hop' }, forward ? `—${relation.type}→` : `←${relation.type}—`));
        }
      });
      result.replaceChildren(h('p', {}, `Shortest path: ${length} hop${length === 1 ? '' : 's'}`), h('ol', { class: 'steps' }, ...steps));
    },
  };
}
