import fc from 'fast-check';
import { authorization, type Caller } from '../api.js';

/** Who sends a fuzzed request, and what it accepts. */

export type Who = Caller | 'bad-key' | 'bad-scheme';

export function headersFor(who: Who, accept: string | undefined): Record<string, string> {
  const auth =
    who === 'bad-key' ? { authorization: 'Bearer not-a-key-at-all-0000' } : who === 'bad-scheme' ? { authorization: 'Basic Zm9vOmJhcg==' } : authorization(who);
  return { 'content-type': 'application/json', ...(accept ? { accept } : {}), ...auth };
}

export const callerArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Who>('admin', 'editor') },
  { weight: 3, arbitrary: fc.constantFrom<Who>('reader', 'anonymous') },
  { weight: 1, arbitrary: fc.constantFrom<Who>('bad-key', 'bad-scheme') },
);
export const acceptArb = fc.constantFrom(undefined, undefined, 'application/json', 'application/graphql-response+json', '*/*');
