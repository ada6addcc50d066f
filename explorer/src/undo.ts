/**
 * Undo and redo over the view's states (expand, hide, remove, move, layout): each change records the
 * state it leaves. A state is small (ids and rounded positions), so whole states are kept, at most MAX.
 */
const MAX = 100;

export class UndoHistory<T> {
  private past: T[] = [];
  private future: T[] = [];

  constructor(private readonly onChange: () => void = () => {}) {}

  /** Call with the state as it was just before a change. */
  record(before: T): void {
    this.past.push(before);
    if (this.past.length > MAX) this.past.shift();
    this.future = [];
    this.onChange();
  }

  /** The state to go back to, or null; `current` is kept for redo. */
  undo(current: T): T | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(current);
    this.onChange();
    return previous;
  }

  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    this.onChange();
    return next;
  }

  /** A new investigation starts with no history. */
  clear(): void {
    this.past = [];
    this.future = [];
    this.onChange();
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
