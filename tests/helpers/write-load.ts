import type { GraphQLResponse } from './yoga.js';

export interface WriteLoad {
  /** Ids whose write was answered without an error, in the order acknowledged. */
  acknowledged: string[];
  /** The codes of refused writes. */
  failures: Set<string>;
  /** Stops the clients and waits for their last write. */
  stop(): Promise<void>;
}

/**
 * Clients writing new ids one after another until stopped. A client backs
 * off after a refusal, as a real one would; in-process calls that fail at
 * once would otherwise starve the timers (readiness ticks among them).
 */
export function startWriteLoad(
  clients: number,
  prefix: string,
  write: (id: string) => Promise<GraphQLResponse<Record<string, { id?: string } | null | undefined>>>,
  between: () => Promise<unknown> = async () => undefined,
): WriteLoad {
  const load = { acknowledged: [] as string[], failures: new Set<string>(), stopped: false };
  let counter = 0;
  const running = Array.from({ length: clients }, async () => {
    while (!load.stopped) {
      const id = `${prefix}-${counter++}`;
      const response = await write(id);
      const written = Object.values(response.data ?? {})[0];
      if (written?.id === id && !response.errors) load.acknowledged.push(id);
      else {
        load.failures.add(String(response.errors?.[0]?.extensions?.code));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await between();
    }
  });
  return {
    acknowledged: load.acknowledged,
    failures: load.failures,
    async stop() {
      load.stopped = true;
      await Promise.all(running);
    },
  };
}
