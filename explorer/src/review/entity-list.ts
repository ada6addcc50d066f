import { ENTITY_STYLE, typeBadge } from '../colors.js';
import { h } from '../dom.js';
import type { Decision, Review } from './decisions.js';
import type { DraftEntity, EntityResolution } from './types.js';

/** What ingest would do with the entity, in the analyst's words. */
export function resolutionText(resolution: EntityResolution | undefined): string {
  if (!resolution) return 'No resolution preview.';
  const candidates = resolution.candidates.map((candidate) => `${candidate.name} (${candidate.id})`).join(', ');
  switch (resolution.outcome) {
    case 'NEW':
      return 'New: not in the graph yet.';
    case 'MATCHED': {
      const how = resolution.by ? ` by ${resolution.by.toLowerCase()}${resolution.value ? ` "${resolution.value}"` : ''}` : '';
      return `Matches existing ${resolution.matchedName ?? resolution.matchedId ?? '?'} (${resolution.matchedId ?? '?'})${how}.`;
    }
    case 'AMBIGUOUS':
      return `Ambiguous between ${candidates || 'several entities'}: it would be created on its own.`;
    case 'CONFLICT':
      return `Conflict: ${resolution.message ?? `its id belongs to ${resolution.matchedName ?? resolution.matchedId ?? 'an entity'} of another type`}. Ingest would refuse the bundle: reject it.`;
  }
}

/** A mention's tooltip: whom it names and what ingest would do with it. */
export function describeEntity(entity: DraftEntity, resolution: EntityResolution | undefined): string {
  return `${entity.name} · ${ENTITY_STYLE[entity.type].label} · ${resolutionText(resolution)}`;
}

export function decisionButtons(label: string, current: () => Decision, decide: (decision: Decision) => void): { element: HTMLElement; update(): void } {
  const accept = h(
    'button',
    { type: 'button', class: 'accept', 'aria-label': `Accept ${label}`, onclick: () => decide(current() === 'accepted' ? 'undecided' : 'accepted') },
    'Accept',
  );
  const reject = h(
    'button',
    { type: 'button', class: 'reject', 'aria-label': `Reject ${label}`, onclick: () => decide(current() === 'rejected' ? 'undecided' : 'rejected') },
    'Reject',
  );
  return {
    element: h('div', { class: 'decide' }, accept, reject),
    update: () => {
      accept.setAttribute('aria-pressed', String(current() === 'accepted'));
      reject.setAttribute('aria-pressed', String(current() === 'rejected'));
    },
  };
}

/** The proposed entities, each with its resolution and the analyst's decision. */
export function renderEntityList(
  review: Review,
  resolutions: Map<string, EntityResolution>,
  onShow: (id: string) => void,
): { element: HTMLElement; update(): void; choose(id: string): void } {
  const updates: Array<() => void> = [];
  const items = new Map<string, HTMLElement>();
  const list = h('ul', { class: 'card-list' });
  for (const entity of review.draft.entities) {
    const resolution = resolutions.get(entity.id);
    const buttons = decisionButtons(
      entity.name,
      () => review.entityDecision(entity.id),
      (decision) => review.setEntity(entity.id, decision),
    );
    const aliases = (entity.aliases ?? []).filter((alias) => alias !== entity.name);
    const item = h(
      'li',
      { class: 'draft-entity', 'data-id': entity.id, 'data-type': entity.type, 'data-outcome': resolution?.outcome ?? 'NONE' },
      h('div', { class: 'head' }, typeBadge(entity.type), ' ', h('strong', { class: 'name' }, entity.name), buttons.element),
      aliases.length > 0 ? h('div', { class: 'aliases muted' }, `also: ${aliases.join(', ')}`) : null,
      h('div', { class: 'resolution' }, resolutionText(resolution)),
      h('button', { type: 'button', class: 'link', onclick: () => onShow(entity.id) }, 'Show in text'),
    );
    items.set(entity.id, item);
    list.append(item);
    updates.push(() => {
      item.dataset.decision = review.entityDecision(entity.id);
      buttons.update();
    });
  }
  const update = () => updates.forEach((run) => run());
  update();
  return {
    element: list,
    update,
    choose: (id) => {
      for (const [entityId, item] of items) item.classList.toggle('chosen', entityId === id);
      items.get(id)?.scrollIntoView({ block: 'nearest' });
    },
  };
}
