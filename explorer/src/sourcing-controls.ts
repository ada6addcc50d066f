import { h } from './dom.js';
import type { ReadFilters } from './state.js';

export interface SourcingControls {
  /** Shows the filters of the state; `dates` are report dates of the view, added to the slider's stops. */
  render(filters: ReadFilters, dates: string[]): void;
  /** Drops the remembered stops when the view starts over from another entity. */
  forgetDates(): void;
}

/** `replace` for the slider: scrubbing through time is one look at the view, not a trail of history entries. */
export type FilterChange = (change: Partial<ReadFilters>, mode: 'push' | 'replace') => void;

const MIN_SOURCES_CHOICES = [1, 2, 3, 4, 5];
const REPLAY_STEP_MS = 1500;

/**
 * The "minimum sources" choice and the time slider. The slider's stops are the earliest and latest
 * report dates of what was in view, remembered across moves: with `asOf` set, later facts leave the
 * view, and the stops must not leave with them or the slider could never go forward again. Its last
 * stop is "all reports", which is not the last date: reports without a date count only there.
 */
export function createSourcingControls(container: HTMLElement, onChange: FilterChange): SourcingControls {
  const known = new Set<string>();
  let stops: Array<string | null> = [null];
  let replay = 0;

  const minSources = h(
    'select',
    { id: 'min-sources' },
    h('option', { value: '' }, 'any'),
    ...MIN_SOURCES_CHOICES.map((n) => h('option', { value: String(n) }, `${n} or more`)),
  );
  const slider = h('input', { id: 'as-of', type: 'range', min: 0, max: 0, step: 1, value: 0 });
  const label = h('output', { id: 'as-of-label', for: 'as-of' });
  const replayButton = h('button', { type: 'button', id: 'as-of-replay', title: 'Step through the report dates from the first' }, 'Replay');

  const stopAt = (index: number) => stops[Math.min(Math.max(index, 0), stops.length - 1)] ?? null;
  const describe = (asOf: string | null) => (asOf ? `as of ${asOf}` : 'all reports');
  const showLabel = () => {
    const asOf = stopAt(Number(slider.value));
    label.textContent = describe(asOf);
    slider.setAttribute('aria-valuetext', describe(asOf));
  };
  const stopReplay = () => {
    window.clearInterval(replay);
    replay = 0;
    replayButton.textContent = 'Replay';
  };

  minSources.addEventListener('change', () => onChange({ minSources: minSources.value ? Number(minSources.value) : null }, 'push'));
  slider.addEventListener('input', showLabel);
  slider.addEventListener('change', () => {
    stopReplay();
    onChange({ asOf: stopAt(Number(slider.value)) }, 'replace');
  });
  replayButton.addEventListener('click', () => {
    if (replay) return stopReplay();
    let index = 0;
    const step = () => {
      slider.value = String(index);
      showLabel();
      onChange({ asOf: stopAt(index) }, 'replace');
      if (++index >= stops.length) stopReplay();
    };
    replayButton.textContent = 'Stop';
    step();
    if (stops.length > 1) replay = window.setInterval(step, REPLAY_STEP_MS);
  });

  container.replaceChildren(
    h('label', { for: 'min-sources' }, 'Minimum independent sources'),
    minSources,
    h('label', { for: 'as-of' }, 'Graph as known on'),
    slider,
    h('div', { class: 'as-of-row' }, label, replayButton),
  );

  return {
    render(filters, dates) {
      const wanted = filters.minSources === null ? '' : String(filters.minSources);
      // A link may ask for more sources than the choices offer: show it rather than show "any".
      if (![...minSources.options].some((option) => option.value === wanted)) minSources.append(h('option', { value: wanted }, `${wanted} or more`));
      minSources.value = wanted;
      for (const date of dates) known.add(date);
      if (filters.asOf) known.add(filters.asOf);
      // Partial ISO dates sort as text, as the API compares them.
      stops = [...[...known].sort(), null];
      slider.max = String(stops.length - 1);
      slider.value = String(filters.asOf ? stops.indexOf(filters.asOf) : stops.length - 1);
      slider.disabled = stops.length < 2;
      replayButton.disabled = stops.length < 2;
      showLabel();
    },
    forgetDates() {
      stopReplay();
      known.clear();
    },
  };
}
