import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A rehearsal runs real operations with every write transaction rolled back
 * at its end. The warm-up uses it to compile and run the write statements
 * before the service says ready, without changing the graph.
 */
const rehearsing = new AsyncLocalStorage<true>();
let inFlight = 0;

export async function rehearse<T>(work: () => Promise<T>): Promise<T> {
  inFlight += 1;
  let settled = false;
  try {
    const result = await rehearsing.run(true, work);
    settled = true;
    return result;
  } finally {
    inFlight -= 1;
    // Node 20 keeps a promise hook on every promise while any AsyncLocalStorage is enabled (about 0.15 µs an await,
    // measured): the warm-up's store must not tax every request after it. run() enables it again. Work that failed
    // may have left writes running, which must still see the store (and roll back): then it stays enabled.
    if (inFlight === 0 && settled) rehearsing.disable();
  }
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
