import fc from 'fast-check';
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
} from 'graphql';
import { schema } from '../../../src/schema/index.js';
import { EnumLiteral, jsonOf, valueArb, type ValueContext } from './input-values.js';

/** Operations built from the schema, with hostile argument values, and their rendering to a document and variables. */

interface ArgNode {
  name: string;
  type: GraphQLInputType;
  value: unknown;
  asVariable: boolean;
}
interface FieldNode {
  kind: 'field';
  name: string;
  args: ArgNode[];
  selection?: SelectionNode[];
}
interface FragmentNode {
  kind: 'fragment';
  on: string;
  selection: SelectionNode[];
}
type SelectionNode = FieldNode | FragmentNode;

export interface Operation {
  kind: 'query' | 'mutation';
  selection: SelectionNode[];
}

const DESTRUCTIVE = new Set(['deleteEntity', 'mergeEntities']);

function argsArb(field: GraphQLField<unknown, unknown>, ctx: ValueContext): fc.Arbitrary<ArgNode[]> {
  const perArg = field.args.map((arg) => {
    const present = fc
      .record({ value: valueArb(arg.type, arg.name, ctx), asVariable: fc.boolean() })
      .map(({ value, asVariable }) => ({ name: arg.name, type: arg.type, value, asVariable }));
    // Required arguments are nearly always given; leaving one out is one more way to be invalid.
    return isNonNullType(arg.type)
      ? fc.oneof({ weight: 30, arbitrary: present }, { weight: 1, arbitrary: fc.constant(undefined) })
      : fc.option(present, { nil: undefined, freq: 2 });
  });
  return fc.tuple(...perArg).map((args) => args.filter((arg): arg is ArgNode => arg !== undefined));
}

const selectionMemo = new Map<string, fc.Arbitrary<SelectionNode[]>>();

function selectionArb(type: GraphQLObjectType | GraphQLInterfaceType, depth: number): fc.Arbitrary<SelectionNode[]> {
  const key = `${type.name}:${depth}`;
  const cached = selectionMemo.get(key);
  if (cached) return cached;
  const fields = Object.values(type.getFields()).filter((field) => depth > 0 || isLeafType(getNamedType(field.type)));
  const fieldArbs: Array<fc.Arbitrary<SelectionNode>> = fields.map((field) => fieldArb(field, depth, { safeIds: false }));
  fieldArbs.push(fc.constant<SelectionNode>({ kind: 'field', name: '__typename', args: [] }));
  if (isInterfaceType(type)) {
    const implementations = schema.getPossibleTypes(type);
    fieldArbs.push(
      fc.oneof(
        ...implementations.map((object) => selectionArb(object, depth).map((selection): SelectionNode => ({ kind: 'fragment', on: object.name, selection }))),
      ),
    );
  }
  const arb = fc.array(fc.oneof(...fieldArbs), { minLength: 1, maxLength: 4 });
  selectionMemo.set(key, arb);
  return arb;
}

function fieldArb(field: GraphQLField<unknown, unknown>, depth: number, ctx: ValueContext): fc.Arbitrary<SelectionNode> {
  const named = getNamedType(field.type);
  const selection = isCompositeType(named) && (isObjectType(named) || isInterfaceType(named)) ? selectionArb(named, depth - 1) : fc.constant(undefined);
  return fc.tuple(argsArb(field, ctx), selection).map(([args, sub]) => ({ kind: 'field', name: field.name, args, ...(sub ? { selection: sub } : {}) }));
}

const queryType = schema.getQueryType()!;
const mutationType = schema.getMutationType()!;

export const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: selectionArb(queryType, 3).map((selection): Operation => ({ kind: 'query', selection })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(...Object.values(mutationType.getFields()).map((field) => fieldArb(field, 2, { safeIds: DESTRUCTIVE.has(field.name) })))
      .map((selection): Operation => ({ kind: 'mutation', selection: [selection] })),
  },
);

function literal(value: unknown): string {
  if (value instanceof EnumLiteral) return value.name;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${key}: ${literal(item)}`)
    .join(', ')}}`;
}

/** The document and its variables; a field selected twice in one set gets an alias so the set stays valid. */
export function render(operation: Operation): { query: string; variables: Record<string, unknown> } {
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const renderSelection = (selection: SelectionNode[]): string => {
    const seen = new Map<string, number>();
    const parts = selection.map((node) => {
      if (node.kind === 'fragment') return `... on ${node.on} { ${renderSelection(node.selection)} }`;
      const count = seen.get(node.name) ?? 0;
      seen.set(node.name, count + 1);
      const alias = count > 0 ? `${node.name}${count}: ` : '';
      const args = node.args.map((arg) => {
        if (!arg.asVariable) return `${arg.name}: ${literal(arg.value)}`;
        const name = `v${declarations.length}`;
        declarations.push(`$${name}: ${String(arg.type)}`);
        variables[name] = jsonOf(arg.value);
        return `${arg.name}: $${name}`;
      });
      return `${alias}${node.name}${args.length ? `(${args.join(', ')})` : ''}${node.selection ? ` { ${renderSelection(node.selection)} }` : ''}`;
    });
    return parts.join(' ');
  };
  const body = renderSelection(operation.selection);
  const header = declarations.length ? `${operation.kind}(${declarations.join(', ')})` : operation.kind;
  return { query: `${header} { ${body} }`, variables };
}
