/**
 * A promise that resolves when the waker calls the function it finds in
 * `waiters`, or after `ms` at the latest; either way it leaves the set.
 * The feed and the shared tail wake their readers this way, with a safety
 * interval so that a missed wake-up only delays a read.
 */
export function waitOrTimeout(waiters: Set<() => void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiters.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    waiters.add(done);
  });
}
