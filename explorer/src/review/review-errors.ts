import { ApiError, errorTitle } from '../api.js';
import { h } from '../dom.js';
import { bundleIssues } from './review-api.js';

/** A title the analyst can act on, from the API's error code. */
function titleOf(error: unknown, phase: 'extract' | 'ingest'): string {
  if (!(error instanceof ApiError)) return errorTitle(error);
  switch (error.code) {
    case 'UNSUPPORTED_LANGUAGE':
      return 'Unsupported language';
    case 'NLP_STARTING':
      return 'The language engine is still starting';
    case 'NLP_UNAVAILABLE':
      return 'The language engine is unavailable';
    case 'UNAUTHENTICATED':
      return 'An API key is needed';
    case 'FORBIDDEN':
      return "This needs an editor's API key";
    case 'BAD_USER_INPUT':
      return phase === 'ingest' ? 'The reviewed bundle was refused; nothing was written' : 'The article was refused';
    case 'DOCUMENT_CONFLICT':
      return 'This document is already stored with another text';
    default:
      return errorTitle(error);
  }
}

/** "French" for `fra`, as the API names the language it detected (ISO 639-3); null when the browser cannot name it. */
function languageName(code: unknown): string | null {
  if (typeof code !== 'string' || code === 'und') return null;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

/** The error's content for the page's alert: a title, the API's message, and a refused bundle's problems one by one. */
export function renderReviewError(error: unknown, phase: 'extract' | 'ingest'): HTMLElement[] {
  const issues = bundleIssues(error);
  const message = error instanceof Error ? error.message : String(error);
  // The message of a refused bundle already lists its problems; the list below says them better.
  const language = error instanceof ApiError && error.code === 'UNSUPPORTED_LANGUAGE' ? languageName(error.extensions.language) : null;
  const lead = language ? `The article reads as ${language}; extraction supports English only.` : issues.length > 0 ? message.split('\n')[0]! : message;
  return [
    h('strong', { class: 'title' }, titleOf(error, phase)),
    h('p', { class: 'message' }, lead),
    issues.length > 0 ? h('ul', { class: 'issues' }, ...issues.map((issue) => h('li', {}, h('code', {}, issue.path), ` ${issue.message}`))) : null,
  ].filter((element): element is HTMLElement => element !== null);
}
