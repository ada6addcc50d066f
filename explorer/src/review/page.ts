import { isAbortError } from '../api.js';
import { h } from '../dom.js';
import { createArticleForm } from './article-form.js';
import { renderDraft, type DraftView } from './draft-view.js';
import { extractDraft, ingestReviewed } from './review-api.js';
import { renderReviewError } from './review-errors.js';
import { renderSummary } from './summary.js';
import type { ArticleInput, DraftBundle } from './types.js';

/** What the page is doing, on the status line for people and in `data-state` for tests. */
type PageState = 'idle' | 'extracting' | 'starting' | 'reviewing' | 'ingesting' | 'ingested' | 'error';

/**
 * The review page: paste an article, extract a draft, accept, reject or
 * correct what it proposes, and ingest what was accepted.
 */
export function mountReviewPage(container: HTMLElement): void {
  const status = h('p', { id: 'review-status', class: 'review-status', role: 'status', 'aria-live': 'polite' });
  const alert = h('div', { id: 'review-error', class: 'review-error', role: 'alert', hidden: true });
  const draftSlot = h('div', { class: 'draft-slot' });
  const summarySlot = h('div', { class: 'summary-slot' });
  let running: AbortController | null = null;
  let draft: DraftView | null = null;

  const setState = (state: PageState, text: string) => {
    status.dataset.state = state;
    status.textContent = text;
  };
  const showError = (error: unknown, phase: 'extract' | 'ingest') => {
    alert.replaceChildren(...renderReviewError(error, phase));
    alert.hidden = false;
    setState('error', phase === 'extract' ? 'No draft: see the error below.' : 'Nothing was ingested: see the error below.');
  };
  const clearError = () => {
    alert.hidden = true;
    alert.replaceChildren();
  };

  const form = createArticleForm((input) => void extract(input));

  async function extract(input: ArticleInput): Promise<void> {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    clearError();
    draftSlot.replaceChildren();
    summarySlot.replaceChildren();
    draft = null;
    form.setBusy(true);
    setState('extracting', 'Extracting entities and relations…');
    try {
      const result = await extractDraft(input, form.credential(), controller.signal, (seconds) =>
        setState('starting', `Starting the language engine… (it takes about a minute the first time; trying again in ${seconds} s)`),
      );
      if (controller.signal.aborted) return;
      draft = renderDraft(result, (bundle) => void ingest(bundle));
      draftSlot.replaceChildren(draft.element);
      const { entities, relations } = result.bundle;
      setState(
        'reviewing',
        `Draft ready: ${entities.length} entities and ${relations.length} relations proposed. Accept, reject or correct each, then ingest what you accepted.`,
      );
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      showError(error, 'extract');
    } finally {
      if (running === controller) form.setBusy(false);
    }
  }

  async function ingest(bundle: DraftBundle): Promise<void> {
    const view = draft;
    if (!view) return;
    const controller = new AbortController();
    running = controller;
    clearError();
    view.setIngest('running');
    setState('ingesting', 'Ingesting the accepted entities and relations…');
    try {
      const summary = await ingestReviewed(bundle, form.credential(), controller.signal);
      view.setIngest('done');
      summarySlot.replaceChildren(renderSummary(summary, bundle));
      summarySlot.scrollIntoView({ block: 'nearest' });
      setState('ingested', `Ingested ${bundle.entities.length} entities and ${bundle.relations.length} relations.`);
    } catch (error) {
      view.setIngest('ready');
      if (isAbortError(error)) return;
      showError(error, 'ingest');
    }
  }

  container.replaceChildren(
    h('h2', {}, 'Review an article'),
    h(
      'p',
      { class: 'muted intro' },
      'Paste an article: newsgraph proposes its entities, relations and quotes. Nothing is written until you ingest, and only what you accepted is. ',
      'Ingested reports are marked as reviewed.',
    ),
    form.element,
    status,
    alert,
    draftSlot,
    summarySlot,
  );
  setState('idle', '');
}
