import fc from 'fast-check';
import { parse, typeFromAST, type GraphQLInputType, type OperationDefinitionNode } from 'graphql';
import { schema } from '../../../src/schema/index.js';
import { bodyOf, RawJson, toJson } from './bodies.js';
import { jsonOf, valueArb } from './input-values.js';
import { intArb, textArb } from './values.js';

/** Random variables for documents that cover every input type of the schema. */

/** Documents whose variables cover every input type of the schema. */
export const VARIABLE_DOCUMENTS = [
  'query($id: ID!) { entity(id: $id) { id name ... on Event { startDate } relations { totalCount } } }',
  'query($type: EntityType, $first: Int, $after: String) { entities(type: $type, first: $first, after: $after) { totalCount edges { cursor node { id } } } }',
  'query($q: String!, $types: [EntityType!], $first: Int) { search(query: $q, types: $types, first: $first) { score entity { id } } }',
  'query($id: ID!, $depth: Int, $types: [RelationType!], $limit: Int) { neighborhood(id: $id, depth: $depth, relationTypes: $types, limit: $limit) { truncated nodes { id } } }',
  'query($from: ID!, $to: ID!, $hops: Int) { shortestPath(from: $from, to: $to, maxHops: $hops) { length } }',
  'query($id: ID, $from: Date, $to: Date) { timeline(entityId: $id, from: $from, to: $to) { id startDate } }',
  'query($id: ID!, $first: Int, $after: String) { source(id: $id) { name reports(first: $first, after: $after) { totalCount } } }',
  'query($first: Int, $after: String) { sources(first: $first, after: $after) { totalCount } }',
  'query($id: ID!) { relation(id: $id) { id type } document(id: $id) { id } }',
  'query($id: ID!, $dir: Direction, $types: [RelationType!]) { entity(id: $id) { relations(direction: $dir, types: $types) { edges { node { id } } } } }',
  'mutation($input: EntityInput!) { upsertEntity(input: $input) { id name aliases } }',
  'mutation($input: RelationInput!) { upsertRelation(input: $input) { id type } }',
  'mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents createdEntityIds } }',
  'mutation($id: ID!) { deleteEntity(id: $id) }',
  'mutation($keep: ID!, $merge: ID!) { mergeEntities(keepId: $keep, mergeId: $merge) { id } }',
];

const nestedArb = fc
  .tuple(fc.integer({ min: 1, max: 50_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? new RawJson(`${'['.repeat(depth)}"leaf"${']'.repeat(depth)}`, `${depth} nested arrays`)
      : new RawJson(`${'{"a":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`, `${depth} nested objects`),
  );

const anyValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 3, arbitrary: textArb },
  { weight: 2, arbitrary: intArb },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 400_000 }).map((n) => 'é'.repeat(n)) },
  { weight: 1, arbitrary: nestedArb },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('PERSON', 'EVENT', 'BOTH', 'MEMBER_OF', 'person', ''), { maxLength: 2000 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      true,
      false,
      0,
      -0,
      [],
      {},
      '',
      '__proto__',
      JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
      { toString: 'x' },
      { constructor: { prototype: {} } },
    ),
  },
  { weight: 2, arbitrary: valueArb(schema.getType('EntityInput') as GraphQLInputType, 'input', { safeIds: true }).map(jsonOf) },
  { weight: 1, arbitrary: valueArb(schema.getType('RelationInput') as GraphQLInputType, 'input', { safeIds: true }).map(jsonOf) },
);

/** For one document: its own variables, each of its declared type or of any other shape, or variables that are not an object at all. */
function variablesFor(document: string): fc.Arbitrary<unknown> {
  const definitions = (parse(document).definitions[0] as OperationDefinitionNode).variableDefinitions ?? [];
  const shape = Object.fromEntries(
    definitions.map((definition) => {
      const type = typeFromAST(schema, definition.type) as GraphQLInputType;
      return [
        definition.variable.name.value,
        fc.oneof(
          { weight: 3, arbitrary: valueArb(type, definition.variable.name.value, { safeIds: true }).map(jsonOf) },
          { weight: 2, arbitrary: anyValueArb },
        ),
      ];
    }),
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.record(shape, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), anyValueArb, { maxKeys: 4 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: nestedArb },
  );
}

/** Mostly absent: a wrong operationName or extensions is refused before anything else is looked at. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

export const requestBodyArb = fc
  .tuple(
    fc.oneof(...VARIABLE_DOCUMENTS.map((document) => fc.tuple(fc.constant(document), variablesFor(document)))),
    rarely(fc.oneof(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }))),
    rarely(fc.jsonValue({ maxDepth: 2 })),
  )
  .map(([[query, variables], operationName, extensions]) => bodyOf(toJson({ query, variables, operationName, extensions })));
