import { h } from './dom.js';
import type { PagePoint } from './graph.js';

export interface MenuItem {
  label: string;
  action: () => void;
  disabled?: boolean;
}

/** A right-click menu of buttons: arrow keys move, Enter runs, Escape or a click elsewhere closes it. */
export function createContextMenu(host: HTMLElement): { open(items: Array<MenuItem | 'separator'>, at: PagePoint): void; close(): void } {
  const menu = h('ul', { id: 'canvas-menu', class: 'canvas-menu', role: 'menu', hidden: true });
  host.append(menu);
  let returnFocus: HTMLElement | null = null;

  const buttons = () => [...menu.querySelectorAll<HTMLButtonElement>('button:not([disabled])')];
  const close = () => {
    if (menu.hidden) return;
    menu.hidden = true;
    menu.replaceChildren();
    returnFocus?.focus();
    returnFocus = null;
  };

  menu.addEventListener('keydown', (event) => {
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      all[(index + step + all.length) % all.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!menu.contains(event.target as Node)) close();
  });

  return {
    open(items, at) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      menu.replaceChildren(
        ...items.map((item) =>
          item === 'separator'
            ? h('li', { role: 'separator', class: 'separator' })
            : h(
                'li',
                { role: 'none' },
                h(
                  'button',
                  {
                    type: 'button',
                    role: 'menuitem',
                    disabled: item.disabled ?? false,
                    onclick: () => {
                      close();
                      item.action();
                    },
                  },
                  item.label,
                ),
              ),
        ),
      );
      const box = host.getBoundingClientRect();
      menu.hidden = false;
      const left = Math.min(at.x - box.left, box.width - menu.offsetWidth - 4);
      const top = Math.min(at.y - box.top, box.height - menu.offsetHeight - 4);
      menu.style.left = `${Math.max(0, left)}px`;
      menu.style.top = `${Math.max(0, top)}px`;
      buttons()[0]?.focus();
    },
    close,
  };
}
