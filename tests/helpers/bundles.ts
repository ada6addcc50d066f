import { readSeedBundle } from '../../src/ingest/seed.js';
import type { Bundle } from '../../src/model/bundle-schema.js';

/** A fresh, mutable copy of the seed bundle. */
export function seedBundle(): Bundle {
  return structuredClone(readSeedBundle()) as Bundle;
}

const TEXT = 'Alpha Corp said on Monday that Jane Roe leads the Alpha Corp rescue team in Springfield.';

/** A small valid bundle with offsets computed from its own text. */
export function smallBundle(overrides: { documentId?: string; prefix?: string } = {}): Bundle {
  const p = overrides.prefix ?? '';
  const at = (quote: string) => ({ quote, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
  return {
    format: 'newsgraph.bundle',
    version: 1,
    document: { id: overrides.documentId ?? 'doc-small', title: 'Small', publishedAt: '2024-05-06', url: null, text: TEXT },
    sources: [{ id: `${p}alpha-wire`, name: 'Alpha Wire', kind: 'outlet' }],
    entities: [
      { id: `${p}jane-roe`, type: 'PERSON', name: 'Jane Roe', aliases: ['J. Roe'], title: 'Team lead' },
      { id: `${p}alpha-corp`, type: 'ORGANIZATION', name: 'Alpha Corp', aliases: [], category: 'other' },
      { id: `${p}springfield`, type: 'LOCATION', name: 'Springfield', aliases: [] },
    ],
    relations: [{ id: `${p}jane-roe-member-of-alpha-corp`, type: 'MEMBER_OF', from: `${p}jane-roe`, to: `${p}alpha-corp`, role: 'team lead' }],
    reports: [
      { id: 'r-jane', subject: { entity: `${p}jane-roe` }, source: `${p}alpha-wire`, ...at('Jane Roe leads the Alpha Corp rescue team') },
      { id: 'r-alpha', subject: { entity: `${p}alpha-corp` }, source: `${p}alpha-wire`, ...at('Alpha Corp said on Monday') },
      { id: 'r-springfield', subject: { entity: `${p}springfield` }, source: `${p}alpha-wire`, ...at('in Springfield') },
      {
        id: 'r-member',
        subject: { relation: `${p}jane-roe-member-of-alpha-corp` },
        source: `${p}alpha-wire`,
        ...at('Jane Roe leads the Alpha Corp rescue team'),
        attributedTo: `${p}jane-roe`,
      },
    ],
  } as Bundle;
}
