import { download, h } from './dom.js';
import {
  deleteInvestigation,
  exportInvestigation,
  importInvestigation,
  investigationProblem,
  listInvestigations,
  renameInvestigation,
  saveInvestigation,
} from './investigations-api.js';
import { renderItem, type ItemActions } from './investigations-item.js';

/**
 * Saved investigations (docs/investigations.md): the current view, which is
 * the page's query string, saved under a name with notes; listed, reopened,
 * renamed, deleted, exported and imported as files. The panel reads the view
 * from `window.location.search` only, so it knows nothing of the canvas.
 */

/** The key the review page keeps too: kept for the tab's life only, as a credential should be on a shared machine. */
const KEY_STORAGE = 'newsgraph.apiKey';
/** The investigation last opened in this tab and the version it was opened at, so "Save view here" refuses to overwrite a newer save. */
const OPEN_STORAGE = 'newsgraph.openInvestigation';

interface Opened {
  id: string;
  version: number;
}

function readOpened(): Opened | null {
  try {
    const value = JSON.parse(window.sessionStorage.getItem(OPEN_STORAGE) ?? 'null') as Opened | null;
    return value && typeof value.id === 'string' && typeof value.version === 'number' ? value : null;
  } catch {
    return null;
  }
}

const remember = (opened: Opened | null) =>
  opened ? window.sessionStorage.setItem(OPEN_STORAGE, JSON.stringify(opened)) : window.sessionStorage.removeItem(OPEN_STORAGE);

/** The explorer page that shows a saved view: its query string on the explorer's own path. */
export function explorerUrl(explorer: unknown): string {
  const query = typeof explorer === 'string' && explorer.startsWith('?') ? explorer : '';
  return `/explorer/${query}`;
}

const fileName = (name: string) =>
  `investigation-${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'untitled'
  }.json`;

export function attachInvestigations(section: HTMLElement): void {
  const key = h('input', { type: 'password', id: 'investigations-key', autocomplete: 'off', placeholder: 'API key' });
  key.value = window.sessionStorage.getItem(KEY_STORAGE) ?? '';
  const name = h('input', { type: 'text', id: 'investigation-name', maxlength: 200, required: true, placeholder: 'Name', autocomplete: 'off' });
  const notes = h('textarea', { id: 'investigation-notes', rows: 2, maxlength: 20000, placeholder: 'Notes (optional)' });
  const shared = h('input', { type: 'checkbox', id: 'investigation-shared' });
  const saveButton = h('button', { type: 'submit', id: 'investigation-save' }, 'Save this view');
  const fileInput = h('input', { type: 'file', id: 'investigation-import', accept: 'application/json,.json' });
  const message = h('p', { class: 'investigations-message', id: 'investigations-message', 'aria-live': 'polite' });
  const list = h('ul', { class: 'card-list', id: 'investigations-list', 'aria-label': 'Saved investigations' });

  const credential = () => key.value.trim();
  const say = (text: string, state: 'note' | 'error' = 'note') => {
    message.textContent = text;
    message.dataset.state = state;
  };

  async function refresh(): Promise<void> {
    if (!credential()) {
      list.replaceChildren();
      say('Enter an API key to list, save and open investigations.');
      return;
    }
    section.dataset.state = 'loading';
    try {
      const { items, total } = await listInvestigations(credential());
      const opened = readOpened();
      list.replaceChildren(...items.map((item) => renderItem(item, item.id === opened?.id, actions)));
      if (items.length === 0) say('No saved investigations yet.');
      else say(total > items.length ? `Showing the newest ${items.length} of ${total}.` : '');
    } catch (error) {
      list.replaceChildren();
      say(investigationProblem(error), 'error');
    } finally {
      section.dataset.state = 'ready';
    }
  }

  /** Runs one change, then shows its outcome and the list as it now is (also after a refusal, so a conflict shows the newer version). */
  async function change(work: () => Promise<string>): Promise<void> {
    section.dataset.state = 'loading';
    let outcome: { text: string; state: 'note' | 'error' };
    try {
      outcome = { text: await work(), state: 'note' };
    } catch (error) {
      outcome = { text: investigationProblem(error), state: 'error' };
    }
    await refresh();
    say(outcome.text, outcome.state);
  }

  const currentView = () => ({ explorer: window.location.search || '?' });

  const actions: ItemActions = {
    open: (investigation) => {
      remember({ id: investigation.id, version: investigation.version });
      window.location.assign(explorerUrl(investigation.view.explorer));
    },
    saveHere: (investigation) =>
      void change(async () => {
        const expectedVersion = readOpened()?.id === investigation.id ? readOpened()!.version : investigation.version;
        const saved = await saveInvestigation(credential(), { id: investigation.id, name: investigation.name, view: currentView(), expectedVersion });
        remember({ id: saved.id, version: saved.version });
        return `Saved the view into “${saved.name}”.`;
      }),
    rename: (investigation, newName) =>
      void change(async () => {
        const renamed = await renameInvestigation(credential(), investigation.id, newName, investigation.version);
        // The view opened here is still that of the version it was opened at: only a rename of that very
        // version moves it on, else a later 'Save view here' would overwrite a view saved elsewhere meanwhile.
        const opened = readOpened();
        if (opened?.id === renamed.id && opened.version === investigation.version) remember({ id: renamed.id, version: renamed.version });
        return `Renamed to “${renamed.name}”.`;
      }),
    remove: (investigation) => {
      if (!window.confirm(`Delete the investigation “${investigation.name}”? This cannot be undone.`)) return;
      void change(async () => {
        await deleteInvestigation(credential(), investigation.id, investigation.version);
        if (readOpened()?.id === investigation.id) remember(null);
        return `Deleted “${investigation.name}”.`;
      });
    },
    exportFile: (investigation) =>
      void change(async () => {
        const file = await exportInvestigation(credential(), investigation.id);
        download(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), fileName(investigation.name));
        return `Exported “${investigation.name}”.`;
      }),
  };

  const form = h(
    'form',
    { class: 'investigation-form', id: 'investigation-form', 'aria-label': 'Save the current view' },
    h('label', { for: 'investigation-name', class: 'sr-only' }, 'Name'),
    name,
    h('label', { for: 'investigation-notes', class: 'sr-only' }, 'Notes'),
    notes,
    h('label', { for: 'investigation-shared', class: 'investigation-share' }, shared, ' Shared: every key may read it (only you may change it)'),
    saveButton,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void change(async () => {
      const saved = await saveInvestigation(credential(), { name: name.value, notes: notes.value, view: currentView(), shared: shared.checked });
      remember({ id: saved.id, version: saved.version });
      name.value = '';
      notes.value = '';
      shared.checked = false;
      return `Saved “${saved.name}”.`;
    });
  });

  key.addEventListener('change', () => {
    window.sessionStorage.setItem(KEY_STORAGE, credential());
    void refresh();
  });

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void change(async () => {
      let content: unknown;
      try {
        content = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not a JSON file.`);
      } finally {
        fileInput.value = '';
      }
      const imported = await importInvestigation(credential(), content);
      return `Imported “${imported.name}” as a new investigation of yours.`;
    });
  });

  section.append(
    h('h2', { id: 'investigations-title' }, 'Saved investigations'),
    h('label', { for: 'investigations-key', class: 'sr-only' }, 'API key'),
    key,
    form,
    message,
    list,
    h('label', { for: 'investigation-import', class: 'investigation-import' }, 'Import a file: ', fileInput),
  );
  section.setAttribute('aria-labelledby', 'investigations-title');
  void refresh();
}
