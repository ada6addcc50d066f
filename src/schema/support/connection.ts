import type { InterfaceRef, ObjectRef } from '@pothos/core';
import { encodeCursor, type Page } from '../../repositories/support/cursor.js';
import { builder, type BuilderTypes } from '../builder.js';

export const PageInfo = builder
  .objectRef<{ hasNextPage: boolean; endCursor: string | null; startCursor: string | null }>('PageInfo')
  .implement({
    description: 'Relay page info. Cursors are keyset cursors: paging is stable while data is added.',
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage', { description: 'True when more items follow: ask again with `after: endCursor`.' }),
      // Forward-only paging: there is never a previous page to go back to through `before`.
      hasPreviousPage: t.boolean({ description: 'Always false: paging goes forward only (there is no `before`).', resolve: () => false }),
      startCursor: t.exposeString('startCursor', { nullable: true, description: "The first edge's cursor; null on an empty page." }),
      endCursor: t.exposeString('endCursor', { nullable: true, description: "The last edge's cursor, to pass as `after` for the next page; null on an empty page." }),
    }),
  });

/** What a connection field resolves to: a page, and a count that runs only if `totalCount` is selected. */
export interface ConnectionResult<T> {
  page: Page<T>;
  totalCount: () => Promise<number>;
}

/** `XConnection { edges { cursor node } pageInfo totalCount }` and `XEdge`, for any node type. */
export function connectionOf<T>(name: string, node: ObjectRef<BuilderTypes, T> | InterfaceRef<BuilderTypes, T>) {
  const Edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    description: `One ${name} of a page, with the cursor that points at it.`,
    fields: (t) => ({
      cursor: t.exposeString('cursor', { description: `Opaque keyset cursor: pass it as \`after\` for the ${name} items after this one.` }),
      node: t.field({ type: node, description: `The ${name}.`, resolve: (edge) => edge.node as never }),
    }),
  });
  return builder.objectRef<ConnectionResult<T>>(`${name}Connection`).implement({
    description: `A page of ${name} items (Relay connection): the edges, where the page ends, and how many there are in all.`,
    fields: (t) => ({
      edges: t.field({
        description: 'The items of this page, in order, each with its cursor.',
        type: [Edge],
        resolve: ({ page }) => page.items.map((item) => ({ cursor: encodeCursor(page.keyOf(item)), node: item })),
      }),
      pageInfo: t.field({
        type: PageInfo,
        description: 'Whether more items follow, and the cursors to ask for them.',
        resolve: ({ page }) => {
          const first = page.items[0];
          const last = page.items[page.items.length - 1];
          return {
            hasNextPage: page.hasNextPage,
            startCursor: first === undefined ? null : encodeCursor(page.keyOf(first)),
            endCursor: last === undefined ? null : encodeCursor(page.keyOf(last)),
          };
        },
      }),
      totalCount: t.int({ description: 'How many items there are in all, on every page (counted only when selected).', resolve: ({ totalCount }) => totalCount() }),
    }),
  });
}
