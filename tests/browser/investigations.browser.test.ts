import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_KEYS } from '../helpers/neo4j.js';
import { closeSeedExplorer, launchBrowser, openSeedExplorer, screenshot, type RunningServer } from './harness.js';

// The saved-investigations panel in Chromium against the real server: save the current view,
// list it, reopen it (the URL comes back), rename, export and import, delete (docs/investigations.md).

interface Stored {
  id: string;
  name: string;
  notes: string;
  version: number;
  shared: boolean;
  view: { explorer: string };
}

/** Waits until the canvas has drawn this node and nothing is loading. */
async function waitForNode(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => {
    const explorer = (window as unknown as { newsgraphExplorer?: { cy: import('cytoscape').Core } }).newsgraphExplorer;
    return explorer !== undefined && explorer.cy.getElementById(wanted).nonempty() && !document.body.classList.contains('busy');
  }, id);
}

describe('saved investigations in the explorer', () => {
  const db = openTestDatabase();
  let api: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  /** What the API stores for the editor key the analyst uses. */
  async function stored(): Promise<Stored[]> {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.editor}` },
      body: JSON.stringify({ query: '{ investigations(first: 100) { edges { node { id name notes version shared view } } } }' }),
    });
    const body = (await response.json()) as { data: { investigations: { edges: Array<{ node: Stored }> } } };
    return body.data.investigations.edges.map((edge) => edge.node);
  }

  const item = (name: string) => page.locator('#investigations-list li.investigation', { has: page.locator('.investigation-name', { hasText: name }) });

  beforeAll(async () => {
    ({ api, browser } = await openSeedExplorer(db));
    page = browser.page;
  });

  afterAll(() => closeSeedExplorer(db, { api, browser }));

  let saved: Stored;

  it('saves the current view under a name with notes and lists it', async () => {
    await page.goto(`${api.baseUrl}/explorer/?e=liu-xiaowu&node=liu-xiaowu`);
    await waitForNode(page, 'liu-xiaowu');
    await page.locator('#investigations-message', { hasText: 'Enter an API key' }).waitFor();
    await page.locator('#investigations-key').fill(TEST_KEYS.editor);
    await page.locator('#investigations-key').press('Tab');
    await page.locator('#investigations-message', { hasText: 'No saved investigations yet.' }).waitFor();

    await page.locator('#investigation-name').fill('Liu Xiaowu at Zapad');
    await page.locator('#investigation-notes').fill('Who he commanded, and who says so.');
    // The query string at the moment of the click, read in the same task: the canvas may add to it later (positions, zoom).
    const search = await page.evaluate(() => {
      const at = window.location.search;
      document.querySelector<HTMLButtonElement>('#investigation-save')!.click();
      return at;
    });
    await item('Liu Xiaowu at Zapad').waitFor();
    expect(await page.locator('#investigations-message').textContent()).toBe('Saved “Liu Xiaowu at Zapad”.');
    expect(await item('Liu Xiaowu at Zapad').locator('.investigation-notes').textContent()).toBe('Who he commanded, and who says so.');

    [saved] = (await stored()) as [Stored];
    expect(saved).toMatchObject({ name: 'Liu Xiaowu at Zapad', notes: 'Who he commanded, and who says so.', version: 1 });
    expect(saved.view.explorer).toBe(search);
    expect(new URLSearchParams(saved.view.explorer).get('e')).toBe('liu-xiaowu');
    await screenshot(page, 'investigations-01-saved.png');
  });

  it('reopens it from another view: the URL and its picture come back', async () => {
    await page.goto(`${api.baseUrl}/explorer/?e=russia&node=russia`);
    await waitForNode(page, 'russia');
    // The key lives in the tab's session storage: the list shows again without typing it.
    await item('Liu Xiaowu at Zapad').waitFor();
    // The page it loads is the saved URL (the first navigation, before the canvas may add to the query string).
    const loaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
    await item('Liu Xiaowu at Zapad').locator('button.open').click();
    expect(new URL((await loaded).url()).pathname).toBe('/explorer/');
    expect(new URL((await loaded).url()).search).toBe(saved.view.explorer);
    await waitForNode(page, 'liu-xiaowu');
    const params = new URL(page.url()).searchParams;
    expect(params.getAll('e')).toEqual(['liu-xiaowu']);
    expect(params.get('node')).toBe('liu-xiaowu');
    expect(await item('Liu Xiaowu at Zapad').getAttribute('aria-current')).toBe('true');
  });

  it('renames it in place', async () => {
    await item('Liu Xiaowu at Zapad').locator('button.rename').click();
    const field = page.locator('#investigations-list input.investigation-rename');
    await field.fill('Zapad 2021: the Chinese command');
    await field.press('Enter');
    await item('Zapad 2021: the Chinese command').waitFor();
    expect(await page.locator('#investigations-list li.investigation').count()).toBe(1);
    expect((await stored())[0]).toMatchObject({ id: saved.id, name: 'Zapad 2021: the Chinese command', version: 2, view: saved.view });
  });

  it('exports it as a file that imports as a new investigation', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), item('Zapad 2021: the Chinese command').locator('button.export').click()]);
    const path = await download.path();
    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(download.suggestedFilename()).toBe('investigation-zapad-2021-the-chinese-command.json');
    expect(file).toMatchObject({ format: 'newsgraph.investigation', version: 1, name: 'Zapad 2021: the Chinese command', view: saved.view });

    await page.locator('#investigation-import').setInputFiles(path);
    await page.locator('#investigations-message', { hasText: 'Imported' }).waitFor();
    expect(await item('Zapad 2021: the Chinese command').count()).toBe(2);
    const ids = (await stored()).map((investigation) => investigation.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(saved.id);
  });

  it('refuses to let a second tab silently overwrite a save made in another', async () => {
    await page.goto(`${api.baseUrl}/explorer/?e=liu-xiaowu&node=liu-xiaowu`);
    await page.locator('#investigation-name').fill('Two tabs');
    await page.locator('#investigation-shared').check();
    await page.locator('#investigation-save').click();
    await item('Two tabs').locator('button.save-here').waitFor();
    expect(await item('Two tabs').locator('.badge').allTextContents()).toEqual(['shared']);

    // The other tab has its own session: it enters the key, opens the investigation, moves to another view and saves it there.
    const other = await browser.context.newPage();
    const otherItem = other.locator('#investigations-list li.investigation', { has: other.locator('.investigation-name', { hasText: 'Two tabs' }) });
    await other.goto(`${api.baseUrl}/explorer/`);
    await other.locator('#investigations-key').fill(TEST_KEYS.editor);
    await other.locator('#investigations-key').press('Tab');
    await otherItem.locator('button.open').click();
    await other.waitForURL((url) => url.searchParams.get('e') === 'liu-xiaowu');
    await other.goto(`${api.baseUrl}/explorer/?e=russia&node=russia`);
    await otherItem.locator('button.save-here').click();
    await other.locator('#investigations-message', { hasText: 'Saved the view into “Two tabs”.' }).waitFor();
    await other.close();

    // This tab still holds version 1: its save is refused, and the other tab's view stays.
    await item('Two tabs').locator('button.save-here').click();
    await page.locator('#investigations-message[data-state="error"]', { hasText: 'saved elsewhere' }).waitFor();
    const twoTabs = (await stored()).find((investigation) => investigation.name === 'Two tabs')!;
    expect(twoTabs).toMatchObject({ version: 2, shared: true });
    expect(new URLSearchParams(twoTabs.view.explorer).get('e')).toBe('russia');
    expect(await item('Two tabs').getAttribute('data-version')).toBe('2');

    // A rename at the listed version 2 changes the name only: this tab still shows the view of version 1,
    // so saving that view there is still refused instead of overwriting the other tab's.
    await item('Two tabs').locator('button.rename').click();
    const field = page.locator('#investigations-list input.investigation-rename');
    await field.fill('Two tabs, renamed');
    await field.press('Enter');
    await page.locator('#investigations-message', { hasText: 'Renamed to “Two tabs, renamed”.' }).waitFor();
    await item('Two tabs, renamed').locator('button.save-here').click();
    await page.locator('#investigations-message[data-state="error"]', { hasText: 'saved elsewhere' }).waitFor();
    const renamed = (await stored()).find((investigation) => investigation.name === 'Two tabs, renamed')!;
    expect(renamed.version).toBe(3);
    expect(new URLSearchParams(renamed.view.explorer).get('e')).toBe('russia');
  });

  it('deletes after a confirmation, and keeps it when the analyst cancels', async () => {
    const original = page.locator(`#investigations-list li.investigation[data-id="${saved.id}"]`);
    page.once('dialog', (dialog) => void dialog.dismiss());
    await original.locator('button.delete').click();
    expect((await stored()).map((investigation) => investigation.id)).toContain(saved.id);

    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Zapad 2021: the Chinese command');
      void dialog.accept();
    });
    await original.locator('button.delete').click();
    await original.waitFor({ state: 'detached' });
    expect((await stored()).map((investigation) => investigation.id)).not.toContain(saved.id);
    expect(await page.locator('#investigations-list li.investigation').count()).toBe(2);
    // The refused requests are the two stale saves (409); the browser logs their status, nothing else failed.
    expect(browser.failedRequests).toEqual(['409 SaveInvestigation', '409 SaveInvestigation']);
    expect(browser.consoleErrors.filter((error) => !/status of 409/.test(error))).toEqual([]);
    await screenshot(page, 'investigations-02-after-delete.png');
  });
});
