import { createHash, timingSafeEqual } from 'node:crypto';
import type { Role } from '../config.js';

const digest = (key: string) => createHash('sha256').update(key, 'utf8').digest();

/**
 * API keys held only as SHA-256 digests. A presented key is hashed and
 * compared against every stored digest with timingSafeEqual, without stopping
 * at a match, so the time taken says nothing about which key (or how much of
 * one) was right.
 */
export class ApiKeyStore {
  private readonly entries: Array<{ role: Role; digest: Buffer }>;

  constructor(keys: ReadonlyArray<{ role: Role; key: string }>) {
    this.entries = keys.map(({ role, key }) => ({ role, digest: digest(key) }));
  }

  get size(): number {
    return this.entries.length;
  }

  roleOf(presented: string): Role | null {
    const candidate = digest(presented);
    let found: Role | null = null;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, candidate) && found === null) found = entry.role;
    }
    return found;
  }
}
