import { describe, expect, it } from 'vitest';
import { KeyedQueue, Semaphore } from '../../src/db/admission.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('never runs more than its size at once, and runs everything', async () => {
    const semaphore = new Semaphore(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        semaphore.use(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick();
          running -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('frees its slot when work fails', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.use(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await semaphore.use(async () => 'next')).toBe('next');
  });
});

describe('KeyedQueue', () => {
  it('runs work on one key in order, one at a time, and other keys alongside', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const job = (key: string, n: number) =>
      queue.run(key, async () => {
        log.push(`${key}${n}+`);
        await tick();
        log.push(`${key}${n}-`);
      });
    await Promise.all([job('a', 1), job('a', 2), job('b', 1)]);
    expect(log.indexOf('a1-')).toBeLessThan(log.indexOf('a2+'));
    expect(log.indexOf('b1+')).toBeLessThan(log.indexOf('a1-'));
  });

  it('keeps going after a failure on the same key', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('k', () => Promise.reject(new Error('first')));
    const next = queue.run('k', async () => 'second');
    await expect(failed).rejects.toThrow('first');
    expect(await next).toBe('second');
  });
});
