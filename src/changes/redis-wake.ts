import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { PeerWake } from './feed.js';

/** The channel instances of one feed share; a Redis serving several graphs needs one channel per graph (the database name). */
export function wakeChannel(database: string): string {
  return `newsgraph:changes:${database}`;
}

/**
 * Redis pub/sub as a doorbell between API instances: after a commit an
 * instance publishes the feed's new head, and the others' subscribers read
 * the outbox at once instead of at their next poll. Nothing is delivered
 * through Redis itself, so a lost message (Redis down, a reconnect) delays
 * events until the next poll and never loses one; errors are logged, never
 * raised to a writer.
 */
export function redisWake(url: string, channel: string, log: Logger): PeerWake {
  const options = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false } as const;
  const publisher = new Redis(url, options);
  // The subscriber queues its SUBSCRIBE until connected, however long Redis takes to come up (with a retry limit,
  // a Redis started after the API dropped it and wake-ups never came); ioredis subscribes again after a reconnect.
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, maxRetriesPerRequest: null });
  const listeners: Array<(lastSequence: number) => void> = [];
  let warned = false;
  const warn = (error: Error) => {
    // Once per outage: a Redis that is down would otherwise log on every commit.
    if (warned) return;
    warned = true;
    log.warn({ err: { message: error.message } }, 'redis wake-ups unavailable; the change feed falls back to polling');
  };
  for (const client of [publisher, subscriber]) {
    client.on('error', warn);
    client.on('ready', () => {
      warned = false;
    });
  }
  subscriber.subscribe(channel).catch(warn);
  subscriber.on('message', (from: string, message: string) => {
    const sequence = Number(message);
    if (from !== channel || !Number.isSafeInteger(sequence)) return;
    for (const listener of listeners) listener(sequence);
  });
  return {
    publish(lastSequence) {
      if (publisher.status !== 'ready') return;
      publisher.publish(channel, String(lastSequence)).catch(warn);
    },
    onWake(listener) {
      listeners.push(listener);
    },
    async close() {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
