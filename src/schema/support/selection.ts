import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** Where a selection is read from: a resolver's info, or a child field of it (see `childFields`). */
export type SelectionScope = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** Whether the current field's selection asks for `name`, through fragments too. */
export function selectsField(info: SelectionScope, name: string): boolean {
  return selectsPath(info, [name]);
}

/** Whether the selection asks for a nested field, e.g. `['edges', 'node', 'reportedBy']`, through fragments too. */
export function selectsPath(info: SelectionScope, path: readonly string[]): boolean {
  const visit = (set: SelectionSetNode | undefined, depth: number): boolean =>
    !!set &&
    set.selections.some((selection) => {
      if (selection.kind === 'Field') return selection.name.value === path[depth] && (depth === path.length - 1 || visit(selection.selectionSet, depth + 1));
      if (selection.kind === 'InlineFragment') return visit(selection.selectionSet, depth);
      return visit(info.fragments[selection.name.value]?.selectionSet, depth);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, 0));
}

/** Every field name in the current field's selection, at any depth, through fragments: what the resolvers below may read. */
export function selectedFieldNames(info: SelectionScope): Set<string> {
  const names = new Set<string>();
  const fragmentsSeen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        names.add(selection.name.value);
        visit(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet);
      } else if (!fragmentsSeen.has(selection.name.value)) {
        fragmentsSeen.add(selection.name.value);
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

/** The names of a closed list that the selection names somewhere: what a narrowed read must still carry. */
export function namedIn<T extends string>(allowed: readonly T[], names: ReadonlySet<string>): T[] {
  return allowed.filter((name) => names.has(name));
}

/** The fields named `name` selected directly under the current field (not through fragments). */
export function childFields(info: SelectionScope, name: string): FieldNode[] {
  return info.fieldNodes.flatMap((node) => (node.selectionSet?.selections ?? []).filter((selection): selection is FieldNode => selection.kind === 'Field' && selection.name.value === name));
}

/**
 * The properties a record read for this selection must carry: those it names
 * anywhere below, and the shown values when it asks for `alternatives` or a
 * relation's `roles`, which mark the shown value preferred (a value an editor pinned is not the one the
 * rule would choose, so the record must hold it).
 */
export function propertiesToRead<P extends string>(all: readonly P[], shownValues: readonly string[], names: ReadonlySet<string>): Set<P> {
  const read = new Set(namedIn(all, names));
  if (names.has('alternatives') || names.has('roles')) for (const property of all) if (shownValues.includes(property)) read.add(property);
  return read;
}
