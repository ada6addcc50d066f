import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { GraphContext } from '../../context.js';

/**
 * Read-your-writes across instances (docs/change-feed.md, "Bookmarks"). A
 * response whose operation committed a write carries the write's Neo4j
 * bookmarks in `extensions.bookmarks`; a request that sends them back in
 * `x-newsgraph-bookmarks` (comma-separated), to any instance, reads only once
 * the database it reads from has that write, a cluster's followers included.
 */
export const BOOKMARKS_HEADER = 'x-newsgraph-bookmarks';

const MAX_BOOKMARKS = 16;
const MAX_BOOKMARK_LENGTH = 1000;

/** The bookmarks a request sent; refuses a header that cannot be bookmarks before anything runs. */
export function bookmarksOf(request: Request): string[] {
  const header = request.headers.get(BOOKMARKS_HEADER);
  if (!header) return [];
  const bookmarks = header
    .split(',')
    .map((bookmark) => bookmark.trim())
    .filter((bookmark) => bookmark !== '');
  if (bookmarks.length > MAX_BOOKMARKS || bookmarks.some((bookmark) => bookmark.length > MAX_BOOKMARK_LENGTH || !/^[\x21-\x7e]+$/.test(bookmark))) {
    throw new GraphQLError(`${BOOKMARKS_HEADER} must hold up to ${MAX_BOOKMARKS} bookmarks, comma-separated, as extensions.bookmarks gave them.`, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
  return bookmarks;
}

export function useBookmarks(): Plugin {
  return {
    onExecute({ args }) {
      const { consistency } = args.contextValue as unknown as GraphContext;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !consistency || consistency.written.length === 0) return;
          setResult({ ...result, extensions: { ...result.extensions, bookmarks: consistency.written } });
        },
      };
    },
  };
}
