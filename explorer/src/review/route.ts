import { byId } from '../dom.js';
import { mountReviewPage } from './page.js';

export const REVIEW_HASH = '#review';

let mounted = false;

/**
 * Shows the graph or the review page. The review lives in the hash, so the
 * graph's state in the query string survives a visit to it and back.
 */
export function applyRoute(onGraphShown: () => void): void {
  const review = window.location.hash === REVIEW_HASH;
  if (review && !mounted) {
    mountReviewPage(byId('review-page'));
    mounted = true;
  }
  document.body.dataset.route = review ? 'review' : 'graph';
  byId('review-page').hidden = !review;
  byId('graph-page').hidden = review;
  for (const [tab, current] of [
    ['tab-review', review],
    ['tab-graph', !review],
  ] as const) {
    if (current) byId(tab).setAttribute('aria-current', 'page');
    else byId(tab).removeAttribute('aria-current');
  }
  // Cytoscape measured a hidden container as empty; it must measure again once shown.
  if (!review) onGraphShown();
}

export function initRoutes(onGraphShown: () => void): void {
  window.addEventListener('hashchange', () => applyRoute(onGraphShown));
  applyRoute(onGraphShown);
}

/** The graph view was asked for (a search result, a link in it): leave the review page if it is showing. */
export function showGraph(onGraphShown: () => void): void {
  if (window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  applyRoute(onGraphShown);
}
