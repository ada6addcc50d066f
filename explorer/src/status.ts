import { errorTitle, isAbortError } from './api.js';
import { byId } from './dom.js';

/**
 * The loading indicator and the error banner. Every request goes through
 * `track`, so a pending request always shows and a failed one is never silent.
 */
const pending = new Map<number, string>();
let nextTask = 0;
let retryAction: (() => void) | null = null;

function renderStatus(): void {
  const status = byId('status');
  const labels = [...pending.values()];
  status.dataset.state = labels.length > 0 ? 'loading' : 'idle';
  status.textContent = labels.length > 0 ? `${labels[labels.length - 1]}…` : '';
  status.title = status.textContent;
  document.body.classList.toggle('busy', labels.length > 0);
}

export async function track<T>(label: string, work: Promise<T>): Promise<T> {
  const task = nextTask++;
  pending.set(task, label);
  renderStatus();
  try {
    return await work;
  } finally {
    pending.delete(task);
    renderStatus();
  }
}

/** Shows an error (ignoring aborted requests), with a retry when one is given. */
export function showError(error: unknown, retry?: () => void): void {
  if (isAbortError(error)) return;
  const banner = byId('error');
  byId('error-title').textContent = errorTitle(error);
  byId('error-message').textContent = error instanceof Error ? error.message : String(error);
  retryAction = retry ?? null;
  byId('error-retry').hidden = !retry;
  banner.hidden = false;
  document.body.dataset.error = 'true';
}

export function clearError(): void {
  byId('error').hidden = true;
  delete document.body.dataset.error;
  retryAction = null;
}

export function initStatus(): void {
  byId('error-retry').addEventListener('click', () => {
    const retry = retryAction;
    clearError();
    retry?.();
  });
  byId('error-dismiss').addEventListener('click', clearError);
}

/** A short note in the status area that is not an error (e.g. a truncated neighbourhood). */
export function note(text: string): void {
  const status = byId('status');
  if (pending.size === 0) {
    status.dataset.state = 'note';
    status.textContent = text;
    // The status line is cut to its width (style.css): the whole note stays readable on hover.
    status.title = text;
  }
}
