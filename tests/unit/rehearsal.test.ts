import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { isRehearsal, rehearse } from '../../src/db/rehearsal.js';

describe('rehearse', () => {
  it('marks the work and everything it awaits, and nothing after it', async () => {
    const seen = await rehearse(async () => {
      const before = isRehearsal();
      await sleep(5);
      return [before, isRehearsal()];
    });
    expect(seen).toEqual([true, true]);
    expect(isRehearsal()).toBe(false);
  });

  it('keeps marking a rehearsal still running when an overlapping one ends', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const long = rehearse(async () => {
      await gate;
      return isRehearsal();
    });
    await rehearse(async () => undefined);
    release();
    expect(await long).toBe(true);
    expect(isRehearsal()).toBe(false);
  });

  it('keeps marking work that outlives a failed rehearsal, so its writes still roll back', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let laterSeen: boolean | undefined;
    const straggler = { done: Promise.resolve() };
    await expect(
      rehearse(async () => {
        straggler.done = (async () => {
          await gate;
          laterSeen = isRehearsal();
        })();
        throw new Error('a lane failed');
      }),
    ).rejects.toThrow('a lane failed');
    release();
    await straggler.done;
    expect(laterSeen).toBe(true);
  });

  it('works again after the store was switched off, and passes a failure through', async () => {
    await rehearse(async () => undefined);
    expect(await rehearse(async () => isRehearsal())).toBe(true);
    await expect(rehearse(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await rehearse(async () => isRehearsal())).toBe(true);
  });
});
