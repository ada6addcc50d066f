import { h } from '../dom.js';
import type { ArticleInput } from './types.js';

/** Kept for the tab's life only: a key is a credential and should not outlive the session on a shared machine. */
const KEY_STORAGE = 'newsgraph.apiKey';

export interface ArticleForm {
  element: HTMLFormElement;
  credential(): string;
  setBusy(busy: boolean): void;
}

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  return h('div', { class: 'form-field' }, h('label', { for: id }, label), control, hint ? h('small', { class: 'muted' }, hint) : null);
}

const looksLikeHtml = (value: string) => /^\s*</.test(value) && /<\/[a-z]/i.test(value);

/** The article and its metadata, as the analyst pastes them. */
export function createArticleForm(onExtract: (input: ArticleInput) => void): ArticleForm {
  const article = h('textarea', { rows: 12, required: true, spellcheck: false, placeholder: 'Paste the article as plain text, or the HTML of its page.' });
  const plain = h('input', { type: 'radio', name: 'review-format', value: 'text', id: 'review-format-text', checked: true });
  const html = h('input', { type: 'radio', name: 'review-format', value: 'html', id: 'review-format-html' });
  const url = h('input', { type: 'url', autocomplete: 'off', placeholder: 'https://…' });
  const title = h('input', { type: 'text', autocomplete: 'off', maxlength: 1000 });
  const published = h('input', { type: 'date' });
  const outlet = h('input', { type: 'text', autocomplete: 'off', maxlength: 500, placeholder: 'e.g. Reuters' });
  const key = h('input', { type: 'password', autocomplete: 'off', required: true });
  key.value = window.sessionStorage.getItem(KEY_STORAGE) ?? '';
  const submit = h('button', { type: 'submit', id: 'review-extract', class: 'primary' }, 'Extract');

  // Until the analyst picks a format, a paste that is plainly a page is read as HTML.
  let formatChosen = false;
  for (const radio of [plain, html]) radio.addEventListener('change', () => (formatChosen = true));
  article.addEventListener('input', () => {
    if (!formatChosen) (looksLikeHtml(article.value) ? html : plain).checked = true;
  });

  const form = h(
    'form',
    { class: 'article-form', id: 'review-form', 'aria-label': 'Article to extract' },
    field('review-article', 'Article', article),
    h(
      'fieldset',
      { class: 'format' },
      h('legend', {}, 'The article is'),
      h('label', { for: 'review-format-text' }, plain, ' plain text'),
      h('label', { for: 'review-format-html' }, html, ' the HTML of a page (the article is taken out of it)'),
    ),
    h(
      'div',
      { class: 'meta-fields' },
      field('review-url', 'URL', url),
      field('review-title', 'Title', title),
      field('review-published', 'Published on', published, 'anchors dates such as "in August"'),
      field('review-outlet', 'Outlet', outlet),
    ),
    field('review-key', 'API key (editor role)', key, 'sent only to this server, kept for this tab only'),
    h('div', { class: 'buttons' }, submit),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.sessionStorage.setItem(KEY_STORAGE, key.value.trim());
    const input: ArticleInput = html.checked ? { html: article.value } : { text: article.value };
    const optional = { url: url.value.trim(), title: title.value.trim(), publishedAt: published.value, source: outlet.value.trim() };
    for (const [name, value] of Object.entries(optional)) if (value) input[name as keyof typeof optional] = value;
    onExtract(input);
  });

  return {
    element: form,
    credential: () => key.value.trim(),
    setBusy: (busy) => {
      submit.disabled = busy;
      submit.textContent = busy ? 'Extracting…' : 'Extract';
    },
  };
}
