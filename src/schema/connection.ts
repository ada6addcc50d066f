import type { InterfaceRef, ObjectRef } from '@pothos/core';
import { encodeCursor, type Page } from '../repositories/cursor.js';
import { builder, type BuilderTypes } from './builder.js';

export const PageInfo = builder
  .objectRef<{ hasNextPage: boolean; endCursor: string | null; startCursor: string | null }>('PageInfo')
  .implement({
    description: 'Relay page info. Cursors are keyset cursors: paging is stable while data is added.',
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage'),
      // Forward-only paging: there is never a previous page to go back to through `before`.
      hasPreviousPage: t.boolean({ resolve: () => false }),
      startCursor: t.exposeString('startCursor', { nullable: true }),
      endCursor: t.exposeString('endCursor', { nullable: true }),
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
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: node, resolve: (edge) => edge.node as never }),
    }),
  });
  return builder.objectRef<ConnectionResult<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({
        type: [Edge],
        resolve: ({ page }) => page.items.map((item) => ({ cursor: encodeCursor(page.keyOf(item)), node: item })),
      }),
      pageInfo: t.field({
        type: PageInfo,
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
      totalCount: t.int({ resolve: ({ totalCount }) => totalCount() }),
    }),
  });
}
