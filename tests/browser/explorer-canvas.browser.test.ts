import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../helpers/neo4j.js';
import { clickNode, largestMove, nodePoint, placed, waitForNodes } from './canvas-page.js';
import { closeSeedExplorer, launchBrowser, openSeedExplorer, screenshot, type RunningServer } from './harness.js';

// Issue 17 on the seed graph: a picture that stays (reload, expansion, drag) and the canvas gestures
// (select versus expand, multiple selection, hide, undo and redo, hover card, menus, keys, layouts).

const LIU = ['liu-xiaowu', 'zapad-interaction-2021', 'peoples-liberation-army', 'western-theater-command'];
const ZAPAD_NEIGHBOURS = ['russia', 'china', 'russian-armed-forces', 'qingtongxia-army-facility'];
const params = (page: Page) => new URL(page.url()).searchParams;

describe('the explorer canvas keeps its picture and answers gestures', () => {
  const db = openTestDatabase();
  let api: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    ({ api, browser } = await openSeedExplorer(db));
    page = browser.page;
  });

  afterAll(() => closeSeedExplorer(db, { api, browser }));

  it('a click selects without expanding; a double click expands and moves no node already drawn', async () => {
    await page.goto(`${api.baseUrl}/explorer/?e=liu-xiaowu`);
    await waitForNodes(page, LIU, true);
    const before = await placed(page);

    await clickNode(page, 'zapad-interaction-2021');
    await page.locator('#detail article[data-id="zapad-interaction-2021"]').waitFor();
    expect(params(page).getAll('e')).toEqual(['liu-xiaowu']);
    expect(params(page).get('node')).toBe('zapad-interaction-2021');
    expect((await placed(page)).selected).toEqual(['zapad-interaction-2021']);
    expect(Object.keys((await placed(page)).model).sort()).toEqual([...LIU].sort());

    await clickNode(page, 'zapad-interaction-2021', { clickCount: 2 });
    await waitForNodes(page, [...LIU, ...ZAPAD_NEIGHBOURS]);
    expect(params(page).getAll('e')).toEqual(['liu-xiaowu', 'zapad-interaction-2021']);
    const after = await placed(page);
    expect(largestMove(before.model, after.model, LIU)).toBeLessThan(0.5);
    await screenshot(page, 'canvas-01-expanded.png');
  });

  it('a reload of the shared URL draws every node within a few pixels, at the same zoom, a dragged node included', async () => {
    const from = await nodePoint(page, 'russia');
    const canvas = (await page.locator('#graph').boundingBox())!;
    // Halfway to the middle of the canvas, so the drag never leaves it whatever the layout.
    const to = { x: (from.x + canvas.x + canvas.width / 2) / 2 + 25, y: (from.y + canvas.y + canvas.height / 2) / 2 + 25 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction(
      ([x, y]) => {
        const { cy } = (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer;
        const at = cy.getElementById('russia').renderedPosition();
        return Math.abs(at.x - x) < 3 && Math.abs(at.y - y) < 3;
      },
      [to.x - canvas.x, to.y - canvas.y] as const,
    );
    // The viewport is written once the analyst stops moving it.
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('z'));
    const before = await placed(page);
    const url = page.url();

    await page.reload();
    await waitForNodes(page, Object.keys(before.model), true);
    const after = await placed(page);
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(largestMove(before.rendered, after.rendered)).toBeLessThan(3);
    expect(largestMove(before.model, after.model)).toBeLessThan(1);
    expect(page.url()).toBe(url);

    const tab = await browser.context.newPage();
    await tab.goto(url);
    await waitForNodes(tab, Object.keys(before.model), true);
    expect(largestMove(before.rendered, (await placed(tab)).rendered)).toBeLessThan(3);
    await tab.close();
  });

  it('shift-click and a shift-drawn box select several nodes', async () => {
    await clickNode(page, 'russia');
    await clickNode(page, 'china', { modifiers: ['Shift'] });
    expect((await placed(page)).selected).toEqual(['china', 'russia']);
    await clickNode(page, 'china', { modifiers: ['Control'] });
    expect((await placed(page)).selected).toEqual(['russia']);

    const box = (await page.locator('#graph').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 2, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const everything = Object.keys((await placed(page)).model).length;
    expect((await placed(page)).selected.filter((id) => !id.startsWith('rel:')).length).toBeGreaterThanOrEqual(everything - 1);
  });

  it('hides a node from its menu, keeps it hidden in the URL, and undoes and redoes that', async () => {
    await clickNode(page, 'qingtongxia-army-facility');
    const before = await placed(page);
    await clickNode(page, 'qingtongxia-army-facility', { button: 'right' });
    await page.locator('#canvas-menu:not([hidden])').waitFor();
    expect(await page.locator('#canvas-menu button').allTextContents()).toEqual([
      'Expand',
      'Select neighbours',
      'Hide',
      'Remove',
      'Path from here',
      'Path to here',
    ]);
    await page.locator('#canvas-menu button', { hasText: 'Hide' }).click();
    await page.waitForFunction(
      () =>
        !(window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer.cy
          .getElementById('qingtongxia-army-facility')
          .nonempty(),
    );
    expect(params(page).get('hide')).toBe('qingtongxia-army-facility');
    expect(await page.locator('#show-hidden').textContent()).toBe('Show hidden (1)');
    const others = Object.keys(before.model).filter((id) => id !== 'qingtongxia-army-facility');
    expect(largestMove(before.model, (await placed(page)).model, others)).toBeLessThan(0.5);

    await page.locator('#graph').focus();
    await page.keyboard.press('Control+z');
    await waitForNodes(page, ['qingtongxia-army-facility']);
    expect(params(page).has('hide')).toBe(false);
    expect(largestMove(before.model, (await placed(page)).model)).toBeLessThan(0.5);

    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('hide') === 'qingtongxia-army-facility');
    await page.locator('#undo').click();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('hide'));
    await waitForNodes(page, ['qingtongxia-army-facility']);
  });

  it('undoes a layout and a move, and keeps the layout in the URL', async () => {
    const before = await placed(page);
    await page.locator('#layout').selectOption('concentric');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('layout') === 'concentric');
    expect(largestMove(before.model, (await placed(page)).model)).toBeGreaterThan(20);
    await page.locator('#undo').click();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('layout'));
    await page.locator('body:not(.busy)').waitFor();
    expect(largestMove(before.model, (await placed(page)).model)).toBeLessThan(0.5);

    // Fit first: the undone layout may have left nodes outside the window. Fitting moves the view, not the nodes.
    await page.locator('#fit').click();
    expect(largestMove(before.model, (await placed(page)).model)).toBeLessThan(0.5);
    const from = await nodePoint(page, 'china');
    const positionsBefore = params(page).get('pos');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x - 70, from.y + 50, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction((was) => new URL(window.location.href).searchParams.get('pos') !== was, positionsBefore);
    expect(largestMove(before.model, (await placed(page)).model, ['china'])).toBeGreaterThan(20);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => !document.body.classList.contains('busy'));
    await page.waitForFunction(
      (x) => (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer.cy.getElementById('china').position('x') === x,
      before.model.china!.x,
    );
    expect(largestMove(before.model, (await placed(page)).model)).toBeLessThan(0.5);
  });

  it('shows a hover card with the key facts after a short rest on a node', async () => {
    await page.mouse.move(5, 5);
    const point = await nodePoint(page, 'liu-xiaowu');
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const card = page.locator('#hover-card:not([hidden])');
    await card.waitFor();
    expect(await card.locator('.card-name').textContent()).toBe('Liu Xiaowu');
    expect(await card.textContent()).toContain('Person');
    expect(await card.locator('.card-title').textContent()).toBe('Lieutenant General');
    expect(await card.locator('.card-sources').textContent()).toMatch(/^1 independent source \(1 in all\)$/);
    expect(await card.locator('.card-status').textContent()).toBe('single source');
    await screenshot(page, 'canvas-02-hover-card.png');
    await page.mouse.move(5, 5);
    await page.locator('#hover-card[hidden]').waitFor({ state: 'attached' });
  });

  it('lays the view out by hierarchy, in rings and by time, from the toolbar and from the background menu', async () => {
    for (const layout of ['hierarchical', 'time'] as const) {
      await page.locator('#layout').selectOption(layout);
      await page.waitForFunction((name) => new URL(window.location.href).searchParams.get('layout') === name, layout);
      const model = (await placed(page)).model;
      expect(Object.values(model).every((point) => Number.isFinite(point.x) && Number.isFinite(point.y))).toBe(true);
      expect(new Set(Object.values(model).map((point) => `${point.x},${point.y}`)).size).toBe(Object.keys(model).length);
    }
    const exercise = await page.evaluate(() => {
      const node = (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer.cy.getElementById('zapad-interaction-2021');
      return { timed: node.hasClass('timed'), label: String(node.style('label')) };
    });
    expect(exercise).toEqual({ timed: true, label: 'Zapad/Interaction-2021\n2021-08' });
    await screenshot(page, 'canvas-03-by-time.png');
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + box.width - 10, box.y + box.height - 10, { button: 'right' });
    await page.locator('#canvas-menu:not([hidden])').waitFor();
    await page.locator('#canvas-menu button', { hasText: 'Layout: Concentric' }).click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('layout') === 'concentric');
    await screenshot(page, 'canvas-04-concentric.png');
    await page.locator('#layout').selectOption('force');
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('layout'));
    expect(browser.consoleErrors).toEqual([]);
  });

  it('keeps only the facts a kind of source, or one source, reported', async () => {
    const drawnRelations = () =>
      page.evaluate(() =>
        (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer.cy
          .edges()
          .map((edge) => String(edge.data('relationId')))
          .sort(),
      );
    const all = await drawnRelations();
    const sourcesOf = async (id: string) => {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($id: ID!) { relation(id: $id) { reportedBy { source { id kind } } } }', variables: { id } }),
      });
      const body = (await response.json()) as { data: { relation: { reportedBy: Array<{ source: { id: string; kind: string } }> } } };
      return body.data.relation.reportedBy.map((report) => report.source);
    };
    const sources = Object.fromEntries(await Promise.all(all.map(async (id) => [id, await sourcesOf(id)] as const)));

    await page.locator('#source-kind').selectOption('official');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('kind') === 'official');
    await page.locator('body:not(.busy)').waitFor();
    const byOfficials = all.filter((id) => sources[id]!.some((source) => source.kind === 'official'));
    expect(byOfficials.length).toBeGreaterThan(0);
    expect(byOfficials.length).toBeLessThan(all.length);
    expect(await drawnRelations()).toEqual(byOfficials);

    const outlet = sources[all[0]!]!.find((source) => source.kind !== 'official') ?? sources[all[0]!]![0]!;
    await page.locator('#source-kind').selectOption('');
    await page.locator('#source-id').selectOption(outlet.id);
    await page.waitForFunction(
      (id) => new URL(window.location.href).searchParams.get('src') === id && !new URL(window.location.href).searchParams.has('kind'),
      outlet.id,
    );
    await page.locator('body:not(.busy)').waitFor();
    expect(await drawnRelations()).toEqual(all.filter((id) => sources[id]!.some((source) => source.id === outlet.id)));

    await page.locator('#source-id').selectOption('');
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('src'));
    await page.locator('body:not(.busy)').waitFor();
    expect(await drawnRelations()).toEqual(all);
  });

  it('moves through the graph with the keyboard', async () => {
    await page.locator('#graph').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('node'));
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('node'));
    const first = params(page).get('node');
    await page.keyboard.press('Tab');
    await page.waitForFunction((was) => new URL(window.location.href).searchParams.get('node') !== was, first);
    const before = params(page).get('node')!;
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp']) {
      await page.keyboard.press(key);
      if (params(page).get('node') !== before) break;
    }
    expect(params(page).get('node')).not.toBe(before);

    await page.keyboard.press('Shift+F10');
    await page.locator('#canvas-menu:not([hidden])').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Expand');
    await page.keyboard.press('Escape');
    await page.locator('#canvas-menu[hidden]').waitFor({ state: 'attached' });
    // The menu gives the focus back to the canvas.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('graph');

    await page.keyboard.press('Delete');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.has('hide'));
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('hide'));
  });
});
