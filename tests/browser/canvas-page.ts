import type { Page } from 'playwright-core';

// Reading and driving the explorer's Cytoscape canvas from a test (window.newsgraphExplorer, main.ts).

export interface Placed {
  /** Cytoscape model positions, independent of zoom and pan. */
  model: Record<string, { x: number; y: number }>;
  /** Where each node is drawn on the canvas, in pixels. */
  rendered: Record<string, { x: number; y: number }>;
  zoom: number;
  selected: string[];
  chosen: string[];
}

type Explorer = {
  newsgraphExplorer: {
    cy: import('cytoscape').Core;
    graph: { renderedCenter(s: { kind: 'entity' | 'relation'; id: string }): { x: number; y: number } | null };
  };
};

export function placed(page: Page): Promise<Placed> {
  return page.evaluate(() => {
    const { cy } = (window as unknown as Explorer).newsgraphExplorer;
    const model: Placed['model'] = {};
    const rendered: Placed['rendered'] = {};
    cy.nodes().forEach((node) => {
      model[node.id()] = { ...node.position() };
      rendered[node.id()] = { ...node.renderedPosition() };
    });
    return {
      model,
      rendered,
      zoom: cy.zoom(),
      selected: cy
        .$(':selected')
        .map((e) => e.id())
        .sort(),
      chosen: cy.$('.chosen').map((e) => e.id()),
    };
  });
}

/** Waits until every listed node is drawn, nothing is loading, and (with `exactly`) nothing else is drawn. */
export async function waitForNodes(page: Page, ids: string[], exactly = false): Promise<void> {
  await page.waitForFunction(
    ([wanted, exact]) => {
      const { cy } = (window as unknown as Explorer).newsgraphExplorer;
      const all = cy.nodes().map((node) => node.id());
      return wanted.every((id) => all.includes(id)) && (!exact || all.length === wanted.length) && !document.body.classList.contains('busy');
    },
    [ids, exactly] as const,
  );
}

export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => (window as unknown as Explorer).newsgraphExplorer.graph.renderedCenter({ kind: 'entity', id: wanted }), id);
  if (!point) throw new Error(`node ${id} is not drawn`);
  return point;
}

export async function clickNode(
  page: Page,
  id: string,
  options: { clickCount?: number; button?: 'left' | 'right'; modifiers?: Array<'Shift' | 'Control'> } = {},
): Promise<void> {
  const point = await nodePoint(page, id);
  for (const key of options.modifiers ?? []) await page.keyboard.down(key);
  await page.mouse.click(point.x, point.y, { clickCount: options.clickCount ?? 1, button: options.button ?? 'left' });
  for (const key of options.modifiers ?? []) await page.keyboard.up(key);
}

/** The largest distance any listed node moved between two readings. */
export function largestMove(
  before: Record<string, { x: number; y: number }>,
  after: Record<string, { x: number; y: number }>,
  ids = Object.keys(before),
): number {
  return Math.max(0, ...ids.map((id) => Math.hypot(after[id]!.x - before[id]!.x, after[id]!.y - before[id]!.y)));
}
