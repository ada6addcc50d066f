import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** What one field costs besides the objects it returns. */
export interface FieldCost {
  /** Database work beyond the objects returned (a neighbourhood's expansion, a search's candidates). */
  work?: number;
  /** The length of this field's list, when the field is a list. */
  length?: number;
  /** The lengths of the lists directly below this field, by field name (a connection's `edges`, a subgraph's `nodes`). */
  lists?: Readonly<Record<string, number>>;
}

/** Computes a field's cost from its arguments, with variables and schema defaults already applied. */
export type FieldCostRule = (args: Readonly<Record<string, unknown>>) => FieldCost;

export interface CostModel {
  /** Rules by schema coordinate (`Query.neighborhood`); a field of an object type also finds its interface's rule (`Entity.relations`). */
  rules: Readonly<Record<string, FieldCostRule>>;
  /** For fields without a rule. */
  fallback: FieldCostRule;
  /** Each object in the result (one record read, one resolver). Scalars come with their object and cost nothing. */
  objectCost: number;
  /** The assumed length of a list nothing bounds. */
  defaultListLength: number;
}

export interface CostRequest {
  document: DocumentNode;
  operationName?: string | null;
  /** As sent by the client: they are coerced here as execution would. */
  variables?: Readonly<Record<string, unknown>> | null;
}

/**
 * An upper estimate of what an operation will cost to answer, before running
 * it: every object costs `objectCost`, a list multiplies its items' cost by
 * its length (from the arguments that bound it: `first`, `limit`, `maxHops`),
 * fields add the database work their rule declares, and aliases, repeated
 * fields and fragments all add up (fragments on different types are counted
 * as if all applied; @skip and @include are ignored). Null when the request
 * names no operation or its variables do not coerce: execution refuses those
 * without running a resolver.
 */
export function queryCost(schema: GraphQLSchema, request: CostRequest, model: CostModel): number | null {
  const operation = getOperationAST(request.document, request.operationName ?? undefined);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  if (coerced.errors) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of request.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return new CostWalk(schema, model, fragments, coerced.coerced).selectionSet(root, operation.selectionSet, {}, new Set());
}

class CostWalk {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly model: CostModel,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** `lists`: lengths the enclosing field gave its lists; `spreading`: fragments being expanded on this path (cycles are invalid, but never loop). */
  selectionSet(type: GraphQLCompositeType, set: SelectionSetNode, lists: Readonly<Record<string, number>>, spreading: ReadonlySet<string>): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += this.field(type, selection, lists, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += this.selectionSet(this.typeNamed(selection.typeCondition?.name.value) ?? type, selection.selectionSet, lists, spreading);
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        const fragmentType = this.typeNamed(fragment?.typeCondition.name.value);
        if (!fragment || !fragmentType || spreading.has(name)) continue;
        cost += this.selectionSet(fragmentType, fragment.selectionSet, lists, new Set([...spreading, name]));
      }
    }
    return cost;
  }

  private field(parent: GraphQLCompositeType, node: FieldNode, lists: Readonly<Record<string, number>>, spreading: ReadonlySet<string>): number {
    const name = node.name.value;
    // Introspection (and __typename) is answered from memory.
    if (name.startsWith('__') || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
    const definition = parent.getFields()[name];
    if (!definition) return 0;
    const args = this.argumentsOf(definition, node);
    // A field whose arguments do not coerce fails alone, without running its resolver.
    if (!args) return 0;
    const rule = this.ruleFor(parent, name) ?? this.model.fallback;
    const own = rule(args);
    const work = own.work ?? 0;
    const type = getNamedType(definition.type);
    if (isLeafType(type) || !node.selectionSet) return work;
    const item = this.model.objectCost + this.selectionSet(type, node.selectionSet, own.lists ?? {}, spreading);
    const length = isListType(getNullableType(definition.type)) ? (own.length ?? lists[name] ?? this.model.defaultListLength) : 1;
    return work + length * item;
  }

  private argumentsOf(definition: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> | null {
    try {
      return getArgumentValues(definition, node, this.variables);
    } catch {
      return null;
    }
  }

  private ruleFor(parent: GraphQLCompositeType, name: string): FieldCostRule | undefined {
    const own = this.model.rules[`${parent.name}.${name}`];
    if (own || !isObjectType(parent)) return own;
    for (const implemented of parent.getInterfaces()) {
      const inherited = this.model.rules[`${implemented.name}.${name}`];
      if (inherited) return inherited;
    }
    return undefined;
  }

  private typeNamed(name: string | undefined): GraphQLCompositeType | undefined {
    const type = name === undefined ? undefined : this.schema.getType(name);
    return isCompositeType(type) ? type : undefined;
  }
}
