import { RELATION_STYLE } from './colors.js';
import { h } from './dom.js';
import { RELATION_TYPES, type RelationType } from './types.js';

/** A checkbox per relation type; at least one stays checked. */
export function renderFilters(container: HTMLElement, shown: RelationType[], onChange: (types: RelationType[]) => void): void {
  const checked = new Set(shown);
  container.replaceChildren(
    ...RELATION_TYPES.map((type) => {
      const box = h('input', {
        type: 'checkbox',
        name: 'relation-type',
        value: type,
        checked: checked.has(type),
        disabled: checked.size === 1 && checked.has(type),
      });
      box.addEventListener('change', () => {
        const next = RELATION_TYPES.filter((t) => (t === type ? box.checked : checked.has(t)));
        if (next.length > 0) onChange(next.length === RELATION_TYPES.length ? [] : next);
      });
      const style = RELATION_STYLE[type];
      return h('label', { class: 'filter' }, box, h('span', { class: 'line', style: `border-top: 3px ${style.lineStyle} ${style.color}` }), type);
    }),
  );
}
