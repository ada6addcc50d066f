import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from './harness.js';

// GraphiQL on a machine with no network beyond the service: every request to another host is refused.

describe('GraphiQL offline', () => {
  const db = openTestDatabase();
  let api: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const refused: string[] = [];
  const sent: Request[] = [];

  beforeAll(async () => {
    const seeded = (async () => {
      await wipe(db.executor);
      await loadSeedIfEmpty(db.executor, db.log);
    })();
    [, browser] = await Promise.all([seeded, launchBrowser()]);
    api = await startServer({ executor: db.executor, log: db.log, security: db.config.security });
    await browser.context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${api.baseUrl}/`) || /^(data|blob):/.test(url)) return route.continue();
      refused.push(url);
      return route.abort();
    });
    page = browser.page;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${api.baseUrl}/graphql`) sent.push(request);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db.close();
  });

  it('opens with our example operations, not the stock welcome text', async () => {
    await page.goto(`${api.baseUrl}/graphql`);
    const editor = page.locator('.graphiql-query-editor');
    await editor.filter({ hasText: 'query Commander' }).waitFor();
    // Monaco draws only the lines in view: the first operations, and the tab named after the first.
    // Monaco writes spaces as no-break spaces.
    expect((await editor.textContent())?.replace(/\u00a0/g, ' ')).toContain('query HowSure');
    await expect(page.locator('.graphiql-tab').first().textContent()).resolves.toContain('Commander');
    await expect(page.locator('body').textContent()).resolves.not.toContain('Welcome to');
    expect(refused).toEqual([]);
  });

  it('runs the operation under the cursor on the seed graph, with the GraphiQL client header', async () => {
    // The cursor into `query Commander`, then Ctrl-Enter: GraphiQL runs the operation it is in.
    await page.locator('.graphiql-query-editor .view-line', { hasText: 'liu-xiaowu' }).first().click();
    const answered = page.waitForResponse(
      (response) => response.url() === `${api.baseUrl}/graphql` && /"operationName":"Commander"/.test(response.request().postData() ?? ''),
    );
    await page.keyboard.press('Control+Enter');
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.request().headers()['x-newsgraph-client']).toBe('graphiql');

    const result = page.locator('.graphiql-response');
    await result.filter({ hasText: 'Liu Xiaowu' }).waitFor();
    await expect(result.textContent()).resolves.toContain('Zapad/Interaction-2021');
    await screenshot(page, 'graphiql-offline.png');
    // Monaco's GraphQL language worker (validation, completion) started from the service's own file.
    await expect
      .poll(() => page.workers().map((worker) => worker.url()))
      .toContainEqual(expect.stringMatching(new RegExp(`^${api.baseUrl}/graphiql/graphql\\.worker-`)));
    expect(sent.length).toBeGreaterThan(0);
    expect(refused).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
    expect(browser.failedRequests).toEqual([]);
  });
});
