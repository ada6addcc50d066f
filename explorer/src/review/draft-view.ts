import { renderLegend } from '../colors.js';
import { h } from '../dom.js';
import { acceptedBundle } from './accepted-bundle.js';
import { ArticleText } from './article-text.js';
import { Review } from './decisions.js';
import { describeEntity, renderEntityList } from './entity-list.js';
import { renderRelationList } from './relation-list.js';
import type { DraftBundle, ExtractResult } from './types.js';

export interface DraftView {
  element: HTMLElement;
  /** While an ingest runs, and after it succeeded, the draft is not sent again. */
  setIngest(state: 'ready' | 'running' | 'done'): void;
}

/** The extracted draft under review: the text with its mentions, the entities, the relations, and the ingest bar. */
export function renderDraft(result: ExtractResult, onIngest: (bundle: DraftBundle) => void): DraftView {
  const { bundle } = result;
  const review = new Review(bundle);
  const entitiesById = new Map(bundle.entities.map((entity) => [entity.id, entity]));
  const resolutions = new Map(result.resolution.map((resolution) => [resolution.id, resolution]));

  const textElement = h('div', { class: 'article-text', id: 'review-text', tabindex: 0, 'aria-label': 'Article text with highlighted mentions' });
  const chooseEntity = (id: string) => {
    text.showEntity(id);
    entityList.choose(id);
  };
  const text = new ArticleText(
    textElement,
    bundle.document.text,
    result.mentions,
    entitiesById,
    bundle.reports.map((report) => ({ start: report.start, end: report.end })),
    (entity) => describeEntity(entity, resolutions.get(entity.id)),
    chooseEntity,
  );
  const entityList = renderEntityList(review, resolutions, chooseEntity);
  const relationList = renderRelationList(review, { onFocusQuotes: (spans) => text.showQuotes(spans) });

  const counts = h('span', { id: 'review-counts', class: 'counts', 'aria-live': 'polite' });
  const acceptRest = h('button', { type: 'button', id: 'review-accept-rest', onclick: () => review.acceptUndecided() }, 'Accept all undecided');
  const ingest = h('button', { type: 'button', id: 'review-ingest', class: 'primary', onclick: () => onIngest(acceptedBundle(review)) }, 'Ingest accepted');
  let ingestState: 'ready' | 'running' | 'done' = 'ready';
  const updateBar = () => {
    const { entities, relations } = review.counts();
    counts.textContent =
      `Entities: ${entities.accepted} accepted, ${entities.rejected} rejected, ${entities.undecided} undecided. ` +
      `Relations: ${relations.accepted} accepted, ${relations.rejected} rejected, ${relations.undecided} undecided.`;
    ingest.disabled = ingestState !== 'ready' || entities.accepted === 0;
    acceptRest.disabled = ingestState !== 'ready';
  };
  review.onChange(() => {
    entityList.update();
    relationList.update();
    updateBar();
  });
  updateBar();

  const legend = h('div', { class: 'legend' });
  renderLegend(legend);
  legend.querySelectorAll('ul')[1]?.remove();
  const warnings =
    result.warnings.length > 0 ? h('ul', { class: 'warnings', 'aria-label': 'Warnings' }, ...result.warnings.map((warning) => h('li', {}, warning))) : null;

  const element = h(
    'section',
    { class: 'draft', id: 'review-draft', 'aria-label': 'Extracted draft' },
    warnings,
    h(
      'div',
      { class: 'draft-columns' },
      h(
        'section',
        { class: 'text-column', 'aria-labelledby': 'review-text-title' },
        h('h3', { id: 'review-text-title' }, bundle.document.title ?? 'Article text'),
        legend,
        textElement,
      ),
      h(
        'div',
        { class: 'lists-column' },
        h(
          'section',
          { 'aria-labelledby': 'review-entities-title' },
          h('h3', { id: 'review-entities-title' }, `Entities (${bundle.entities.length})`),
          entityList.element,
        ),
        h(
          'section',
          { 'aria-labelledby': 'review-relations-title' },
          h('h3', { id: 'review-relations-title' }, `Relations (${bundle.relations.length})`),
          relationList.element,
        ),
      ),
    ),
    h('div', { class: 'ingest-bar' }, counts, acceptRest, ingest),
  );
  element.dataset.entities = String(bundle.entities.length);
  element.dataset.relations = String(bundle.relations.length);

  return {
    element,
    setIngest: (state) => {
      ingestState = state;
      ingest.textContent = state === 'running' ? 'Ingesting…' : state === 'done' ? 'Ingested' : 'Ingest accepted';
      updateBar();
    },
  };
}
