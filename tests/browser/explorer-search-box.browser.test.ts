import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../helpers/neo4j.js';
import { closeSeedExplorer, launchBrowser, openSeedExplorer, screenshot, type RunningServer } from './harness.js';

// Issue 17: the search box collapsed to a few pixels at 1024-1100 px and whenever the status line
// showed a message (after "Export JSON bundle"). It must keep a usable width, inside the window,
// beside (not under) the other controls of the top bar.

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
}

interface TopBar {
  search: Box;
  others: Record<string, Box>;
  status: string;
  windowWidth: number;
}

function measure(page: Page): Promise<TopBar> {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const { left, right, top, bottom, width } = element.getBoundingClientRect();
      return { left, right, top, bottom, width };
    };
    const others: Record<string, Box> = {};
    for (const selector of ['.topbar h1', '.tabs', '.actions', '#stats', '#status']) {
      const element = document.querySelector(selector);
      if (element && element.getBoundingClientRect().width > 0) others[selector] = box(element);
    }
    return {
      search: box(document.querySelector('#search-input')!),
      others,
      status: document.querySelector('[role="status"]')!.textContent ?? '',
      windowWidth: window.innerWidth,
    };
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function expectUsable(bar: TopBar): void {
  expect(bar.search.width).toBeGreaterThanOrEqual(200);
  expect(bar.search.left).toBeGreaterThanOrEqual(0);
  expect(bar.search.right).toBeLessThanOrEqual(bar.windowWidth);
  for (const [selector, other] of Object.entries(bar.others)) expect(overlaps(bar.search, other), `search box overlaps ${selector}`).toBe(false);
}

describe('the search box keeps its width', () => {
  const db = openTestDatabase();
  let api: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    ({ api, browser } = await openSeedExplorer(db));
    page = browser.page;
  });

  afterAll(() => closeSeedExplorer(db, { api, browser }));

  for (const width of [1024, 1100, 1440]) {
    it(`at ${width} px, before and after the export's status message`, async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${api.baseUrl}/explorer/?e=liu-xiaowu`);
      await page.locator('#stats').filter({ hasText: 'entities' }).waitFor();
      await page.locator('#export-json:not([disabled])').waitFor();
      await page.locator('body:not(.busy)').waitFor();
      const before = await measure(page);
      expectUsable(before);

      await Promise.all([page.waitForEvent('download'), page.locator('button', { hasText: 'Export JSON bundle' }).click()]);
      await page.locator('[role="status"][data-state="note"]').waitFor();
      const after = await measure(page);
      expect(after.status.length).toBeGreaterThan(20);
      expectUsable(after);
      // The message does not take the box's width: it keeps what it had before.
      expect(after.search.width).toBeGreaterThanOrEqual(before.search.width - 1);
      await screenshot(page, `search-box-${width}.png`);
    });
  }
});
