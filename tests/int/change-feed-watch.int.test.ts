import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../src/changes/feed.js';
import { ApiError } from '../../src/cli/ingest-api.js';
import { watchFeed } from '../../src/cli/watch-command.js';
import { freePort, PROJECT_ROOT } from '../../src/project.js';
import { closeServer, listen } from '../../src/server/http.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { authorization, seededApi } from '../helpers/api.js';
import { feedEnd, pullAll } from '../helpers/change-feed.js';
import { gql } from '../helpers/yoga.js';

const api = seededApi({ NEO4J_QUERY_TIMEOUT_MS: '60000' });

async function upsert(id: string): Promise<void> {
  const response = await gql(
    api.yoga,
    'mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }',
    { input: { id, type: 'ORGANIZATION', name: `Watch ${id}` } },
    authorization('editor'),
  );
  expect(response.errors).toBeUndefined();
}

/** A served instance on the test database, as `newsgraph serve` runs it. */
async function serveOn(port: number): Promise<Server> {
  return listen(createNewsgraphYoga({ executor: api.db.executor, log: api.db.log, security: api.db.config.security }), port, '127.0.0.1');
}

/** Waits until `lines` holds `count` lines (the watcher runs in the background). */
async function linesFor(lines: string[], count: number): Promise<Array<Record<string, unknown>>> {
  for (let i = 0; i < 3000 && lines.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('newsgraph watch', () => {
  it('prints each event once as a JSON line, and resumes after its instance goes away from the last event printed', async () => {
    const port = await freePort();
    let server = await serveOn(port);
    const lines: string[] = [];
    const notes: string[] = [];
    const stop = new AbortController();
    const watching = watchFeed({
      endpoint: `http://127.0.0.1:${port}/graphql`,
      after: await feedEnd(api.yoga),
      write: (line) => lines.push(line.trimEnd()),
      note: (note) => notes.push(note),
      signal: stop.signal,
    });
    try {
      await upsert('watch-before');
      expect((await linesFor(lines, 1)).map((line) => line.subjectId)).toEqual(['watch-before']);
      // The instance goes away with the stream open; a write lands meanwhile; another instance answers on the same address.
      await closeServer(server);
      await upsert('watch-while-away');
      server = await serveOn(port);
      await upsert('watch-after');
      const printed = await linesFor(lines, 3);
      expect(printed.map((line) => line.subjectId)).toEqual(['watch-before', 'watch-while-away', 'watch-after']);
      expect(printed.map((line) => line.sequence)).toEqual([0, 1, 2].map((i) => (printed[0]!.sequence as number) + i));
      expect(printed[0]).toMatchObject({ kind: 'ENTITY_UPSERTED', entityIds: ['watch-before'], actor: { role: 'editor', via: 'api-key' } });
      expect(typeof printed[0]!.cursor).toBe('string');
      expect(notes.join('\n')).toMatch(/reconnecting/);
    } finally {
      stop.abort();
      await watching;
      await closeServer(server);
    }
  });

  it("stops with the service's refusal: CURSOR_EXPIRED for a cursor older than the retention", async () => {
    const old = (await pullAll(api.yoga, null, { first: 1 })).edges[0]!.cursor;
    const feed = new ChangeFeed(api.db.executor, api.db.log, { pollMs: 500, retentionSeconds: 60 });
    await feed.prune(new Date(Date.now() + 3_600_000));
    await feed.close();
    const port = await freePort();
    const server = await serveOn(port);
    try {
      const refused = await watchFeed({
        endpoint: `http://127.0.0.1:${port}/graphql`,
        after: old,
        write: () => undefined,
        note: () => undefined,
        signal: new AbortController().signal,
      }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).code).toBe('CURSOR_EXPIRED');
    } finally {
      await closeServer(server);
    }
  });

  it('runs as the command line tool, with a kind filter', async () => {
    const port = await freePort();
    const server = await serveOn(port);
    const after = await feedEnd(api.yoga);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'watch', '--api', `http://127.0.0.1:${port}`, '--after', after!, '--kinds', 'ENTITY_DELETED'],
      {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LOG_LEVEL: 'silent' },
      },
    );
    try {
      const first = new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
      await upsert('watch-cli');
      const deleted = await gql(api.yoga, 'mutation { deleteEntity(id: "watch-cli") }', {}, authorization('admin'));
      expect(deleted.errors).toBeUndefined();
      const line = JSON.parse(await first) as Record<string, unknown>;
      expect(line).toMatchObject({ kind: 'ENTITY_DELETED', subjectId: 'watch-cli' });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await closeServer(server);
    }
  });
});
