import fc from 'fast-check';
import { asBody, type Body } from './bodies.js';
import { operationArb, render } from './operations.js';

/** Broken documents: mutated, truncated, token soup, deep nesting, many aliases, oversized. */

export const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '!',
  '@',
  '...',
  '=',
  '|',
  '&',
  ',',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'schema',
  'type',
  'extend',
  'entity',
  'entities',
  'search',
  'neighborhood',
  'shortestPath',
  'timeline',
  'stats',
  'source',
  'upsertEntity',
  'deleteEntity',
  'id',
  'name',
  'edges',
  'node',
  '__typename',
  '__schema',
  '__type',
  '"x"',
  '"""block"""',
  '"',
  '1',
  '-1',
  '1.5e309',
  '0x10',
  'true',
  'null',
  '#comment\n',
  '\u0000',
  '\ufeff',
  '@include(if: true)',
  '@skip(if: $v)',
  '@deprecated',
  'first: 5',
  'id: "china"',
  '$v: ID!',
  'ID',
  'String!',
  '[EntityType!]',
  'PERSON',
  'BOTH',
];

const tokenSoupArb = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((tokens) => tokens.join(' '));

const mutatedArb = fc
  .tuple(operationArb.map(render), fc.nat(), fc.nat(), fc.constantFrom('truncate', 'delete', 'insert', 'duplicate', 'swap-braces'), fc.constantFrom(...TOKENS))
  .map(([{ query, variables }, a, b, how, token]) => {
    const i = a % (query.length + 1);
    const j = b % (query.length + 1);
    const [from, to] = i < j ? [i, j] : [j, i];
    const broken =
      how === 'truncate'
        ? query.slice(0, from)
        : how === 'delete'
          ? query.slice(0, from) + query.slice(to)
          : how === 'insert'
            ? `${query.slice(0, from)} ${token} ${query.slice(from)}`
            : how === 'duplicate'
              ? query.slice(0, to) + query.slice(from, to) + query.slice(to)
              : query.replaceAll('{', '(').replaceAll('}', ')');
    return { query: broken, variables };
  });

const NESTED_STEP = 'relations(first: 2) { edges { node { from { ';
/** Nesting depths: shallow ones, and ones past the point where a recursive parser runs out of stack. */
const depthArb = fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1500, max: 20_000 }));
const deepArb = fc.oneof(
  depthArb.map((n) => `{ entity(id: "china") { ${NESTED_STEP.repeat(n)}id ${'} } } } '.repeat(n)}} }`),
  depthArb.map((n) => `${'{ a '.repeat(n)}${'}'.repeat(n)}`),
  depthArb.map((n) => `{ __schema { types { ${'fields { type { ofType { '.repeat(n)}name${' } } }'.repeat(n)} } } }`),
  depthArb.map((n) => `{ search(query: "a", types: ${'['.repeat(n)}PERSON${']'.repeat(n)}) { score } }`),
  depthArb.map((n) => `{ search(query: "a", types: ${'{a: '.repeat(n)}PERSON${'}'.repeat(n)}) { score } }`),
  depthArb.map((n) => `{ entity(id: "china") ${'@include(if: true) '.repeat(Math.min(n, 50))}{ ${'... on Entity { '.repeat(n)}id${' }'.repeat(n)} } }`),
);

const aliasesArb = fc
  .tuple(
    fc.integer({ min: 10, max: 400 }),
    fc.constantFrom('stats { entities }', 'entity(id: "china") { id }', 'search(query: "a") { score }', '__typename', 'entities(first: 100) { totalCount }'),
  )
  .map(([n, field]) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`);

const manyArb = fc.oneof(
  fc.integer({ min: 10, max: 200 }).map((n) => `{ __typename ${'@include(if: true) '.repeat(n)}}`),
  fc.integer({ min: 10, max: 3000 }).map((n) => `{ ${'__typename '.repeat(n)}}`),
  fc.integer({ min: 2, max: 200 }).map((n) => `${Array.from({ length: n }, (_, i) => `query Q${i} { __typename }`).join(' ')}`),
  fc.integer({ min: 2, max: 200 }).map((n) => `query(${Array.from({ length: n }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }`),
  fc
    .integer({ min: 2, max: 60 })
    .map((n) => `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ...F${(i + 1) % n} stats { entities } }`).join(' ')}`),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => `{ ${'a'.repeat(n)} }`),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => `{ search(query: "${'a '.repeat(n / 2)}") { score } }`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'# comment\n'.repeat(n)}{ __typename }`),
  fc.constantFrom(
    '',
    ' ',
    '{}',
    '{ }',
    'query',
    'mutation { }',
    'subscription { stats { entities } }',
    '{ __schema { queryType { name } } }',
    '{ __type(name: "Entity") { possibleTypes { name } } }',
    'query Q { __typename }',
    '{ entity(id: "china") { ... on Person { title } ... on Country { id } ...Missing } }',
    'fragment F on Query { __typename }',
    'query { ...F } fragment F on Query { ...F }',
    '{ stats { entities } } { stats { entities } }',
    '{ entity(id: "china") @skip(if: "yes") { id } }',
    '{ entity(id: "china") @unknownDirective { id } }',
    'mutation { deleteEntity(id: "fuzz-a") deleteEntity(id: "fuzz-b") }',
    '{ entity(id: 1.5) { id } }',
    '{ entities(first: 1e3) { totalCount } }',
    '{ timeline(from: 2021) { id } }',
    '{ search(query: "\\u0000") { score } }',
    '{ search(query: "\\ud800") { score } }',
    '{ search(query: """a\\"""b""") { score } }',
  ),
);

export const documentArb: fc.Arbitrary<Body> = fc.oneof(
  { weight: 4, arbitrary: mutatedArb.map(({ query, variables }) => asBody(query, variables)) },
  { weight: 2, arbitrary: tokenSoupArb.map((query) => asBody(query)) },
  { weight: 2, arbitrary: deepArb.map((query) => asBody(query)) },
  { weight: 1, arbitrary: aliasesArb.map((query) => asBody(query)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        manyArb,
        fc.oneof(
          { weight: 3, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.oneof(fc.constantFrom('Q0', 'Q1', 'Q', 'Nope'), fc.jsonValue({ maxDepth: 1 })) },
        ),
      )
      .map(([query, operationName]) => asBody(query, {}, operationName)),
  },
);
