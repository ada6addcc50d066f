import { h } from '../dom.js';
import { RELATION_ENDPOINTS, RELATION_TYPES, type RelationType } from '../types.js';
import type { Span } from './article-text.js';
import type { Review } from './decisions.js';
import { decisionButtons } from './entity-list.js';
import { subjectOf, type DraftReport } from './types.js';

export interface RelationListHandlers {
  /** The relation has the analyst's attention: show its quotes in the text (none: clear). */
  onFocusQuotes(spans: Span[]): void;
}

let nextControl = 0;

function labelled(label: string, control: HTMLElement): HTMLElement {
  const id = `review-control-${nextControl++}`;
  control.id = id;
  return h('span', { class: 'control' }, h('label', { for: id }, label), control);
}

function quoteItem(report: DraftReport): HTMLElement {
  const how = [report.rule, report.confidence !== undefined ? `confidence ${report.confidence.toFixed(2)}` : null].filter(Boolean).join(' · ');
  return h('li', {}, h('blockquote', { class: 'quote' }, report.quote), how ? h('div', { class: 'how muted' }, how) : null);
}

/** The proposed relations, each correctable (type, ends, role) and accepted or rejected on its own. */
export function renderRelationList(review: Review, handlers: RelationListHandlers): { element: HTMLElement; update(): void } {
  const entities = review.draft.entities;
  const names = new Map(entities.map((entity) => [entity.id, entity.name]));
  const updates: Array<() => void> = [];
  const list = h('ul', { class: 'card-list' });

  for (const relation of review.draft.relations) {
    const reports = review.draft.reports.filter((report) => subjectOf(report).kind === 'relation' && subjectOf(report).id === relation.id);
    const spans = reports.map((report) => ({ start: report.start, end: report.end }));
    const values = () => review.relationValues(relation.id);

    const typeSelect = h('select', { class: 'type' }, ...RELATION_TYPES.map((type) => h('option', { value: type }, type)));
    const endSelect = (end: 'from' | 'to') =>
      h('select', { class: end }, ...entities.map((entity) => h('option', { value: entity.id }, `${entity.name} (${entity.type.toLowerCase()})`)));
    const fromSelect = endSelect('from');
    const toSelect = endSelect('to');
    const roleInput = h('input', { type: 'text', class: 'role', maxlength: 200, autocomplete: 'off', placeholder: 'none' });
    typeSelect.addEventListener('change', () => review.correct(relation.id, { type: typeSelect.value as RelationType }));
    fromSelect.addEventListener('change', () => review.correct(relation.id, { from: fromSelect.value }));
    toSelect.addEventListener('change', () => review.correct(relation.id, { to: toSelect.value }));
    roleInput.addEventListener('input', () => review.correct(relation.id, { role: roleInput.value }));
    const swap = h(
      'button',
      {
        type: 'button',
        class: 'swap',
        'aria-label': 'Swap from and to',
        title: 'Swap from and to',
        onclick: () => review.correct(relation.id, { from: values().to, to: values().from }),
      },
      '⇄',
    );

    const title = h('span', { class: 'summary' });
    const state = h('span', { class: 'state' });
    const problem = h('p', { class: 'problem error-text' });
    const refusal = h('p', { class: 'refusal error-text' });
    const spoken = `the relation ${names.get(relation.from) ?? relation.from} ${relation.type.toLowerCase().replaceAll('_', ' ')} ${names.get(relation.to) ?? relation.to}`;
    const buttons = decisionButtons(
      spoken,
      () => review.relationDecision(relation.id),
      (decision) => {
        refusal.textContent = review.setRelation(relation.id, decision) ?? '';
      },
    );

    const item = h(
      'li',
      { class: 'draft-relation', 'data-id': relation.id, tabindex: 0 },
      h('div', { class: 'head' }, title, state, buttons.element),
      h('div', { class: 'controls' }, labelled('Type', typeSelect), labelled('From', fromSelect), swap, labelled('To', toSelect), labelled('Role', roleInput)),
      problem,
      refusal,
      reports.length > 0 ? h('ol', { class: 'quotes', 'aria-label': 'Quotes' }, ...reports.map(quoteItem)) : h('p', { class: 'muted' }, 'No quote.'),
    );
    // Focus anywhere in the relation (keyboard or pointer) shows where the text says it.
    item.addEventListener('focusin', () => handlers.onFocusQuotes(spans));
    item.addEventListener('mouseenter', () => handlers.onFocusQuotes(spans));
    list.append(item);

    updates.push(() => {
      const now = values();
      const allowed = RELATION_ENDPOINTS[now.type];
      typeSelect.value = now.type;
      fromSelect.value = now.from;
      toSelect.value = now.to;
      if (document.activeElement !== roleInput) roleInput.value = now.role;
      for (const [select, types] of [
        [fromSelect, allowed.from],
        [toSelect, allowed.to],
      ] as const) {
        for (const option of select.options) {
          const entity = entities.find((candidate) => candidate.id === option.value);
          option.disabled = !entity || !types.includes(entity.type) || review.entityDecision(entity.id) === 'rejected';
        }
      }
      title.textContent = `${names.get(now.from) ?? now.from} —${now.type}→ ${names.get(now.to) ?? now.to}${now.role.trim() ? ` (${now.role.trim()})` : ''}`;
      const decision = review.relationDecision(relation.id);
      const corrected = review.isCorrected(relation.id);
      item.dataset.decision = decision;
      item.dataset.corrected = String(corrected);
      state.textContent = corrected ? `${decision}, corrected` : decision;
      problem.textContent = review.relationProblem(relation.id) ?? '';
      problem.hidden = problem.textContent === '';
      if (decision !== 'undecided') refusal.textContent = '';
      buttons.update();
    });
  }
  const update = () => updates.forEach((run) => run());
  update();
  return { element: list, update };
}
