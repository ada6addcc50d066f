import { h } from './dom.js';
import type { SavedInvestigation } from './investigations-api.js';

/** What an item's buttons do; the panel carries them out and redraws the list. */
export interface ItemActions {
  open(investigation: SavedInvestigation): void;
  saveHere(investigation: SavedInvestigation): void;
  rename(investigation: SavedInvestigation, name: string): void;
  remove(investigation: SavedInvestigation): void;
  exportFile(investigation: SavedInvestigation): void;
}

const when = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
};

/** An inline rename: the name becomes a field, Enter or "Save name" keeps it, Escape or "Cancel" does not. */
function renameForm(investigation: SavedInvestigation, onRename: (name: string) => void, onCancel: () => void): HTMLFormElement {
  const input = h('input', { type: 'text', class: 'investigation-rename', maxlength: 200, required: true, 'aria-label': `New name for ${investigation.name}` });
  input.value = investigation.name;
  const form = h(
    'form',
    { class: 'investigation-rename-form' },
    input,
    h('button', { type: 'submit' }, 'Save name'),
    h('button', { type: 'button', onclick: onCancel }, 'Cancel'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onRename(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onCancel();
  });
  window.setTimeout(() => input.select(), 0);
  return form;
}

/** One saved investigation: its name, whose it is, when it changed, and what can be done with it. */
export function renderItem(investigation: SavedInvestigation, isOpen: boolean, actions: ItemActions): HTMLLIElement {
  const badges = [
    investigation.shared ? h('span', { class: 'badge' }, 'shared') : null,
    investigation.mine ? null : h('span', { class: 'badge' }, 'another key’s'),
  ];
  const title = h('span', { class: 'investigation-name' }, investigation.name);
  const head = h('div', { class: 'investigation-head' }, title, ...badges);
  const buttons = h(
    'div',
    { class: 'investigation-actions' },
    h('button', { type: 'button', class: 'open', onclick: () => actions.open(investigation) }, 'Open'),
    investigation.mine && isOpen
      ? h(
          'button',
          { type: 'button', class: 'save-here', title: 'Save the current view into this investigation', onclick: () => actions.saveHere(investigation) },
          'Save view here',
        )
      : null,
    investigation.mine ? h('button', { type: 'button', class: 'rename' }, 'Rename') : null,
    investigation.mine ? h('button', { type: 'button', class: 'delete', onclick: () => actions.remove(investigation) }, 'Delete') : null,
    h('button', { type: 'button', class: 'export', onclick: () => actions.exportFile(investigation) }, 'Export'),
  );
  const item = h(
    'li',
    { class: 'investigation', 'data-id': investigation.id, 'data-version': investigation.version, 'aria-current': isOpen ? 'true' : null },
    head,
    investigation.notes ? h('p', { class: 'investigation-notes' }, investigation.notes) : null,
    h('small', { class: 'muted' }, `Saved ${when(investigation.updatedAt)} · version ${investigation.version}`),
    buttons,
  );
  const renameButton = buttons.querySelector<HTMLButtonElement>('button.rename');
  renameButton?.addEventListener('click', () => {
    const form = renameForm(
      investigation,
      (name) => actions.rename(investigation, name),
      () => form.replaceWith(head),
    );
    head.replaceWith(form);
  });
  return item;
}
