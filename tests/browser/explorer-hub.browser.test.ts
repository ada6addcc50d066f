import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_KEYS, wipe } from '../helpers/neo4j.js';
import { largestMove, placed, waitForNodes } from './canvas-page.js';
import { PROJECT_ROOT } from '../../src/project.js';
import { ensureExplorerBuilt, launchBrowser, screenshot, startServer, type RunningServer } from './harness.js';

// Issue 17: a hub with 200 neighbours stays legible. The test writes an alliance with 200 members
// (through the API, as an editor would) and opens it in the explorer.

const HUB = 'northern-alliance';
const MEMBERS = 200;
const member = (i: number) => `member-${String(i).padStart(3, '0')}`;

function hubBundle() {
  const names = Array.from({ length: MEMBERS }, (_, i) => `Member ${String(i).padStart(3, '0')}`);
  const text = `The Northern Alliance has ${MEMBERS} members: ${names.join(', ')}.`;
  return {
    format: 'newsgraph.bundle',
    version: 1,
    document: { id: 'alliance-roster', title: 'The alliance roster', publishedAt: '2024-01-10', text },
    sources: [{ id: 'roster-desk', name: 'Roster Desk', kind: 'outlet' }],
    entities: [{ id: HUB, type: 'ORGANIZATION', name: 'Northern Alliance' }, ...names.map((name, i) => ({ id: member(i), type: 'PERSON', name }))],
    relations: names.map((_, i) => ({ id: `${member(i)}-member-of-${HUB}`, type: 'MEMBER_OF', from: member(i), to: HUB })),
    reports: [],
  };
}

type Labels = {
  zoom: number;
  fontSize: number;
  boxes: Array<{ id: string; x1: number; x2: number; y1: number; y2: number }>;
  summary: string | null;
  inView: number;
};

/** The drawn labels of the nodes, as boxes on the canvas, and the font size they are drawn at. */
function labels(page: Page): Promise<Labels> {
  return page.evaluate(() => {
    const explorer = (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core; view(): { nodes: Map<string, unknown> } } }).newsgraphExplorer;
    const { cy } = explorer;
    const zoom = cy.zoom();
    const pan = cy.pan();
    const toScreen = (box: { x1: number; x2: number; y1: number; y2: number }) => ({
      x1: box.x1 * zoom + pan.x,
      x2: box.x2 * zoom + pan.x,
      y1: box.y1 * zoom + pan.y,
      y2: box.y2 * zoom + pan.y,
    });
    const boxes = cy.nodes().map((node) => ({
      id: node.id(),
      ...toScreen(node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false })),
    }));
    const summary = cy.nodes('.summary');
    return { zoom, fontSize: 11 * zoom, boxes, summary: summary.nonempty() ? String(summary.data('label')) : null, inView: explorer.view().nodes.size };
  });
}

function overlapping(boxes: Labels['boxes']): string[] {
  const found: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) found.push(`${a.id} / ${b.id}`);
  return found;
}

describe('a hub of 200 neighbours', () => {
  const db = openTestDatabase();
  let api: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    [, , browser] = await Promise.all([ensureExplorerBuilt(), wipe(db.executor), launchBrowser()]);
    api = await startServer({ executor: db.executor, log: db.log, security: db.config.security });
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.editor}` },
      body: JSON.stringify({ query: 'mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents } }', variables: { bundle: hubBundle() } }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db.close();
  });

  it('folds the leaves past twelve into a "+N more" node and draws readable, separate labels', async () => {
    await page.goto(`${api.baseUrl}/explorer/?e=${HUB}`);
    await waitForNodes(page, [HUB, `more:${HUB}`]);
    const drawn = await labels(page);
    // The neighbourhood is cut at 200 entities (the hub and 199 members), as the status line says.
    expect(drawn.inView).toBeGreaterThanOrEqual(MEMBERS);
    const folded = drawn.inView - 1 - 12;
    expect(drawn.summary).toBe(`+${folded} more`);
    expect(drawn.boxes).toHaveLength(1 + 12 + 1);
    expect(drawn.fontSize).toBeGreaterThanOrEqual(9);
    expect(overlapping(drawn.boxes)).toEqual([]);
    const shot = await screenshot(page, 'hub-folded.png');
    if (process.env.NEWSGRAPH_UPDATE_SCREENSHOT) copyFileSync(shot, join(PROJECT_ROOT, 'docs', 'explorer-hub.png'));
  });

  it('opens the hub on a double click on "+N more", without moving what was drawn', async () => {
    const before = await placed(page);
    const summary = await page.evaluate((id) => {
      const { cy } = (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer;
      const box = cy.container()!.getBoundingClientRect();
      const at = cy.getElementById(id).renderedPosition();
      return { x: box.left + at.x, y: box.top + at.y };
    }, `more:${HUB}`);
    await page.mouse.click(summary.x, summary.y, { clickCount: 2 });
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('open') === 'northern-alliance');
    await waitForNodes(page, [HUB, member(150)]);
    const after = await placed(page);
    const kept = Object.keys(before.model).filter((id) => !id.startsWith('more:'));
    expect(largestMove(before.model, after.model, kept)).toBeLessThan(0.5);
    const opened = await labels(page);
    expect(opened.summary).toBeNull();
    expect(opened.boxes).toHaveLength(opened.inView);
    await screenshot(page, 'hub-opened.png');
  });
});
