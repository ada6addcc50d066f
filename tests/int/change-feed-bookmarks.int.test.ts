import { describe, expect, it } from 'vitest';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { authorization, seededApi } from '../helpers/api.js';
import { openTestDatabase } from '../helpers/neo4j.js';
import { gql } from '../helpers/yoga.js';

const api = seededApi({ NEO4J_QUERY_TIMEOUT_MS: '60000' });

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: Record<string, unknown> }>; extensions?: { bookmarks?: string[] } };
}

async function post(yoga: typeof api.yoga, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

describe('bookmarks: read your writes across instances', () => {
  it('a write answers with its bookmarks; a read does not', async () => {
    const write = await post(
      api.yoga,
      'mutation { upsertEntity(input: {id: "bookmarked", type: ORGANIZATION, name: "Bookmarked"}) { id } }',
      authorization('editor'),
    );
    expect(write.body.errors).toBeUndefined();
    expect(write.body.extensions?.bookmarks?.length).toBeGreaterThan(0);
    expect(write.body.extensions!.bookmarks!.every((bookmark) => typeof bookmark === 'string' && bookmark.length > 0)).toBe(true);
    const read = await post(api.yoga, '{ entity(id: "bookmarked") { id } }');
    expect(read.body.extensions?.bookmarks).toBeUndefined();
  });

  it('another instance given the bookmarks reads the write', async () => {
    const db = openTestDatabase({ NEO4J_QUERY_TIMEOUT_MS: '60000' });
    try {
      const other = createNewsgraphYoga({ executor: db.executor, log: db.log, security: db.config.security });
      const write = await post(
        api.yoga,
        'mutation { upsertEntity(input: {id: "read-elsewhere", type: ORGANIZATION, name: "Read Elsewhere"}) { id } }',
        authorization('editor'),
      );
      const bookmarks = write.body.extensions!.bookmarks!.join(',');
      const read = await post(other, '{ entity(id: "read-elsewhere") { id name } }', { 'x-newsgraph-bookmarks': bookmarks });
      expect(read.status).toBe(200);
      expect(read.body.data).toEqual({ entity: { id: 'read-elsewhere', name: 'Read Elsewhere' } });
      // A later write on the other instance, sent with the first write's bookmarks, answers with newer ones.
      const second = await post(other, 'mutation { upsertEntity(input: {id: "read-elsewhere", type: ORGANIZATION, name: "Renamed Elsewhere"}) { id } }', {
        ...authorization('editor'),
        'x-newsgraph-bookmarks': bookmarks,
      });
      expect(second.body.extensions?.bookmarks?.length).toBeGreaterThan(0);
      expect(second.body.extensions!.bookmarks).not.toEqual(write.body.extensions!.bookmarks);
      const back = await post(api.yoga, '{ entity(id: "read-elsewhere") { name } }', { 'x-newsgraph-bookmarks': second.body.extensions!.bookmarks!.join(',') });
      expect(back.body.data).toEqual({ entity: { name: 'Renamed Elsewhere' } });
    } finally {
      await db.close();
    }
  });

  it('refuses a header that cannot hold bookmarks, before anything runs', async () => {
    const refused = await gql(api.yoga, '{ entity(id: "bookmarked") { id } }', {}, { 'x-newsgraph-bookmarks': 'not a bookmark' });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
