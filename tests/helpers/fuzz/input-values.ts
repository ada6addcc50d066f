import fc from 'fast-check';
import { isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType } from 'graphql';
import { bundleArb, cursorArb, dateArb, idArb, intArb, textArb } from './values.js';

/** Values of any input type of the schema, built from the hostile values in values.ts. */

/** An enum value, written bare in a literal and as its name in variables. */
export class EnumLiteral {
  constructor(readonly name: string) {}
}

export interface ValueContext {
  /** Ids for destructive mutations: never the seed graph's. */
  safeIds: boolean;
}

function scalarArb(typeName: string, argName: string, ctx: ValueContext): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID':
      return idArb(ctx.safeIds);
    case 'String':
      return argName === 'after' ? cursorArb : textArb;
    case 'Int':
      return intArb;
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return dateArb;
    case 'JSON':
      return bundleArb;
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

export function valueArb(type: GraphQLInputType, argName: string, ctx: ValueContext): fc.Arbitrary<unknown> {
  // A null where the schema forbids one is rare; where it allows one, a little more common.
  if (isNonNullType(type)) return fc.oneof({ weight: 60, arbitrary: nullableValueArb(type.ofType, argName, ctx) }, { weight: 1, arbitrary: fc.constant(null) });
  return fc.oneof({ weight: 12, arbitrary: nullableValueArb(type, argName, ctx) }, { weight: 1, arbitrary: fc.constant(null) });
}

function nullableValueArb(type: GraphQLInputType, argName: string, ctx: ValueContext): fc.Arbitrary<unknown> {
  if (isListType(type)) return fc.array(valueArb(type.ofType as GraphQLInputType, argName, ctx), { maxLength: 4 });
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((field) => [field.name, valueArb(field.type, field.name, ctx)]));
    return fc.record(shape, { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) });
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => new EnumLiteral(value.name));
    return fc.oneof(
      { weight: 15, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom(new EnumLiteral('NOT_A_VALUE'), new EnumLiteral('person')) },
    );
  }
  return isScalarType(type) ? scalarArb(type.name, argName, ctx) : fc.constant(null);
}

export function jsonOf(value: unknown): unknown {
  if (value instanceof EnumLiteral) return value.name;
  if (Array.isArray(value)) return value.map(jsonOf);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonOf(item)]));
  return value;
}
