import fc from 'fast-check';
import { readSeedBundle } from '../../../src/ingest/seed.js';
import { encodeCursor } from '../../../src/repositories/support/cursor.js';
import { smallBundle } from '../bundles.js';
import { clean } from './checks.js';

/** Hostile values for scalar arguments: text, ids, cursors, integers, dates and bundles. */

const seed = readSeedBundle() as {
  entities: Array<{ id: string }>;
  relations: Array<{ id: string }>;
  sources: Array<{ id: string }>;
  document: { id: string };
};
export const SEED_IDS = [...seed.entities.map((e) => e.id), ...seed.relations.map((r) => r.id), ...seed.sources.map((s) => s.id), seed.document.id];
export const FUZZ_IDS = ['fuzz-a', 'fuzz-b', 'fuzz-event', 'x', '0', 'a-b-c'];

export const HOSTILE_TEXT = [
  'AT&T',
  'name:*',
  '*:*',
  '"unterminated',
  'a~2',
  '(a OR b)',
  '[a TO z]',
  '{a TO z}',
  '\\',
  '/regex/',
  'a AND NOT b',
  '+a -b',
  'a^10',
  'a?c',
  '&&',
  '||',
  '!',
  '{}',
  '$param',
  '`tick`',
  "x'",
  "x' }",
  '" OR 1=1 --',
  '--',
  '/*',
  '*/',
  '//',
  ';',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  'שלום',
  '👩‍👩‍👧',
  '🇨🇳',
  'Zapad',
  'zapad interaction',
  'liu',
  'Liu Xiaowu',
  'qingtongxia',
  '',
  ' ',
  '\t\n',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  '%s%n%x',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '\ufeff',
  '\u2028\u2029',
  'ＡＢＣ',
  'e\u0301',
  '日本語',
  '0',
  '-1',
  '1e309',
  'NaN',
  'true',
];

const CONTROL = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0008',
  '\u001b',
  '\u007f',
  '\u0085',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\ufffe',
  '\u2028',
  '\u200b',
  'a',
  ' ',
);

export const textArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: CONTROL, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 3000 }).map((n) => 'x'.repeat(n)) },
    { weight: 2, arbitrary: fc.constantFrom(...SEED_IDS, ...FUZZ_IDS) },
  )
  .filter(clean);

export const idArb = (safe: boolean) =>
  fc.oneof(
    { weight: safe ? 0 : 4, arbitrary: fc.constantFrom(...SEED_IDS) },
    { weight: 3, arbitrary: fc.constantFrom(...FUZZ_IDS) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/) },
    { weight: 3, arbitrary: textArb },
    { weight: 1, arbitrary: fc.integer() },
  );

export const cursorArb = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom(...SEED_IDS), textArb).map(encodeCursor) },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value) ?? '', 'utf8').toString('base64url')) },
  { weight: 2, arbitrary: textArb },
);

export const intArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 120 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 1001) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 53, 1e21, 1.5, -0.5) },
);

const DATE_VALID = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .chain((date) => fc.constantFrom(4, 7, 10).map((length) => date.toISOString().slice(0, length)));
export const dateArb = fc.oneof(
  { weight: 4, arbitrary: DATE_VALID },
  { weight: 1, arbitrary: fc.constantFrom('2021', '2021-08', '2021-08-03', '2020-02-29') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '2021-02-30',
      '2021-13',
      '2021-00',
      '2021-1-1',
      '21',
      '2021-08-03T00:00:00Z',
      '',
      ' 2021',
      '２０２１',
      '0000-00-00',
      '9999-99-99',
      'yesterday',
      '-2021',
      '+2021',
    ),
  },
  { weight: 1, arbitrary: textArb },
);

const fuzzBundlePaths = [
  'format',
  'version',
  'document',
  'document.id',
  'document.text',
  'document.publishedAt',
  'document.url',
  'sources',
  'sources.0.id',
  'sources.0.kind',
  'entities.0',
  'entities.0.id',
  'entities.0.type',
  'entities.0.name',
  'entities.1.aliases',
  'entities.0.title',
  'relations.0.from',
  'relations.0.type',
  'reports.0.start',
  'reports.0.end',
  'reports.0.quote',
  'reports.0.subject',
  'reports.3.attributedTo',
  'extra',
];

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) return;
    node = next as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

export const bundleArb = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 3,
    arbitrary: fc
      .record({
        prefix: fc.constantFrom('fz1-', 'fz2-', 'fz3-'),
        path: fc.option(fc.constantFrom(...fuzzBundlePaths), { nil: undefined }),
        value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), textArb, intArb),
      })
      .map(({ prefix, path, value }) => {
        const bundle = smallBundle({ prefix, documentId: `${prefix}doc` }) as unknown as Record<string, unknown>;
        if (path) setPath(bundle, path, value);
        return bundle;
      }),
  },
);
