import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A rehearsal runs real operations with every write transaction rolled back
 * at its end. The warm-up uses it to compile and run the write statements
 * before the service says ready, without changing the graph.
 */
const rehearsing = new AsyncLocalStorage<true>();

export function rehearse<T>(work: () => Promise<T>): Promise<T> {
  return rehearsing.run(true, work);
}

export function isRehearsal(): boolean {
  return rehearsing.getStore() === true;
}

/** Thrown at the end of a rehearsed write so that the driver rolls the transaction back; carries the work's result. */
export class RehearsalRollback<T> extends Error {
  override name = 'RehearsalRollback';
  constructor(readonly result: T) {
    super('rehearsal: rolled back');
  }
}
