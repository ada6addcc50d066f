import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listen } from '../../src/server/http.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { openTestDatabase, TEST_KEYS } from '../helpers/neo4j.js';
import { largestMove, placed, waitForNodes } from './canvas-page.js';
import { closeSeedExplorer, launchBrowser, openSeedExplorer, screenshot, startServer, type RunningServer } from './harness.js';

// Issue 18: an open view follows the change feed. Writes come from a second client (this test, over
// HTTP with a key), never from the page: the page learns of them through its SSE subscription alone.

const LIU = ['liu-xiaowu', 'zapad-interaction-2021', 'peoples-liberation-army', 'western-theater-command'];
const NEW_UNIT = 'live-test-brigade';
const KEPT = 'liu-xiaowu-kept';
const params = (page: Page) => new URL(page.url()).searchParams;

type Explorer = { newsgraphExplorer: { cy: import('cytoscape').Core }; liveMarker?: string };

describe('the explorer updates an open view live', () => {
  const db = openTestDatabase();
  let api: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  /** The API as another client calls it. */
  async function write(query: string, variables: Record<string, unknown>, key: string, baseUrl = api.baseUrl): Promise<void> {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    expect(body.errors).toBeUndefined();
  }
  const upsertEntity = (input: Record<string, unknown>) =>
    write('mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }', { input }, TEST_KEYS.editor);

  const edgeBetween = (a: string, b: string) =>
    page.evaluate(
      ([from, to]) => {
        const { cy } = (window as unknown as Explorer).newsgraphExplorer;
        return cy.edges().filter((edge) => [edge.source().id(), edge.target().id()].sort().join(' ') === [from, to].sort().join(' ')).length;
      },
      [a, b] as const,
    );

  beforeAll(async () => {
    ({ api, browser } = await openSeedExplorer(db));
    page = browser.page;
  });

  afterAll(() => closeSeedExplorer(db, { api, browser }));

  it('a relation written by another client appears, with its new entity, without a reload and without moving a node', async () => {
    await page.goto(`${api.baseUrl}/explorer/?e=liu-xiaowu&node=liu-xiaowu`);
    await waitForNodes(page, LIU, true);
    // The subscription is open: from here on the page misses nothing.
    await page.waitForFunction(() => document.body.dataset.live === 'open');
    await page.evaluate(() => ((window as unknown as Explorer).liveMarker = 'same page'));
    const before = await placed(page);

    await upsertEntity({ id: NEW_UNIT, type: 'ORGANIZATION', name: 'Live Test Brigade' });
    await write(
      'mutation($input: RelationInput!) { upsertRelation(input: $input) { id } }',
      { input: { type: 'MEMBER_OF', from: 'liu-xiaowu', to: NEW_UNIT } },
      TEST_KEYS.editor,
    );

    await waitForNodes(page, [...LIU, NEW_UNIT], true);
    expect(await edgeBetween('liu-xiaowu', NEW_UNIT)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as Explorer).liveMarker)).toBe('same page');
    const after = await placed(page);
    expect(largestMove(before.model, after.model, LIU)).toBeLessThan(0.5);
    // The new node is placed in the URL's picture like an expansion's.
    await page.waitForFunction((id) => (new URL(window.location.href).searchParams.get('pos') ?? '').includes(`${id}_`), NEW_UNIT);
    expect(params(page).getAll('e')).toEqual(['liu-xiaowu']);
    await screenshot(page, 'live-01-new-relation.png');
  });

  it('an entity of the view merged into another by another client is redirected: the state and URL name the kept id, drawn in its place', async () => {
    const before = await placed(page);
    // The kept entity is not in view: only the merge's event tells the page about it.
    await upsertEntity({ id: KEPT, type: 'PERSON', name: 'Liu Xiaowu (kept record)' });
    await write(
      'mutation($keep: ID!, $merge: ID!) { mergeEntities(keepId: $keep, mergeId: $merge) { id } }',
      { keep: KEPT, merge: 'liu-xiaowu' },
      TEST_KEYS.admin,
    );

    await page.waitForFunction((kept) => new URL(window.location.href).searchParams.getAll('e').join(' ') === kept, KEPT);
    const others = [...LIU.filter((id) => id !== 'liu-xiaowu'), NEW_UNIT];
    await waitForNodes(page, [KEPT, ...others], true);
    expect(params(page).get('node')).toBe(KEPT);
    expect(params(page).get('pos')).not.toMatch(/(^|\.)liu-xiaowu_/);
    const state = await page.evaluate(() =>
      (window as unknown as { newsgraphExplorer: { state(): { expanded: string[]; selected: unknown } } }).newsgraphExplorer.state(),
    );
    expect(state).toMatchObject({ expanded: [KEPT], selected: { kind: 'entity', id: KEPT } });
    // The kept node stands where the merged one stood, holding its relations; nothing else moved.
    const after = await placed(page);
    expect(largestMove({ [KEPT]: before.model['liu-xiaowu']! }, after.model)).toBeLessThan(0.5);
    expect(largestMove(before.model, after.model, others)).toBeLessThan(0.5);
    for (const id of others) expect(await edgeBetween(KEPT, id)).toBeGreaterThan(0);
    await page.locator('#status', { hasText: `Liu Xiaowu was merged into Liu Xiaowu (kept record).` }).waitFor();
    await page.locator(`#detail article[data-id="${KEPT}"]`).waitFor();
    expect(await page.evaluate(() => (window as unknown as Explorer).liveMarker)).toBe('same page');
    // The page follows the kept id now: a new relation of it still arrives.
    await write(
      'mutation($input: RelationInput!) { upsertRelation(input: $input) { id } }',
      { input: { type: 'MEMBER_OF', from: KEPT, to: 'russian-armed-forces' } },
      TEST_KEYS.editor,
    );
    await waitForNodes(page, [KEPT, ...others, 'russian-armed-forces'], true);
    await screenshot(page, 'live-02-merged.png');
    expect(browser.consoleErrors).toEqual([]);
  });

  it('resumes from its last cursor after its instance goes away: a change made meanwhile on another instance arrives', async () => {
    const services = { executor: db.executor, log: db.log, security: db.config.security };
    const drawn = ['liu-xiaowu-kept', ...LIU.filter((id) => id !== 'liu-xiaowu'), NEW_UNIT, 'russian-armed-forces'];
    const before = await placed(page);
    const { port } = new URL(api.baseUrl);
    await api.close();
    await page.waitForFunction(() => document.body.dataset.live === 'waiting');
    const other = await startServer(services);
    try {
      await write(
        'mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }',
        { input: { id: 'live-while-away', type: 'ORGANIZATION', name: 'Written While Away' } },
        TEST_KEYS.editor,
        other.baseUrl,
      );
      await write(
        'mutation($input: RelationInput!) { upsertRelation(input: $input) { id } }',
        { input: { type: 'MEMBER_OF', from: KEPT, to: 'live-while-away' } },
        TEST_KEYS.editor,
        other.baseUrl,
      );
    } finally {
      await other.close();
    }
    // The same address answers again, as a restarted instance would.
    const server = await listen(createNewsgraphYoga(services), Number(port), '127.0.0.1');
    api = { server, baseUrl: api.baseUrl, close: () => closeServer(server) };
    await waitForNodes(page, [...drawn, 'live-while-away'], true);
    await page.waitForFunction(() => document.body.dataset.live === 'open');
    expect(largestMove(before.model, (await placed(page)).model, drawn)).toBeLessThan(0.5);
    expect(await page.evaluate(() => (window as unknown as Explorer).liveMarker)).toBe('same page');
    // Chromium logs the stream cut by the closing instance and the tries while the address did not answer; nothing else.
    expect(browser.consoleErrors.filter((message) => !/ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_CONNECTION_REFUSED/.test(message))).toEqual([]);
  });
});
