import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import { openTestDatabase, TEST_KEYS, wipe } from '../helpers/neo4j.js';
import { ensureExplorerBuilt, launchBrowser, screenshot, startServer, type RunningServer } from './harness.js';

// Issue 16 in the explorer: the seed plus two later outlets' reports of the exercise. Steppe Herald
// (10 August) repeats the command of Liu Xiaowu, dates the start to the 9th and adds Kazakhstan as an
// observer; Caspian Daily (16 August) dates the start to the 13th, twice. Ids are the seed's, so the
// facts meet the seed's whatever the resolution rules.

const COMMANDS = 'liu-xiaowu-commands-zapad-interaction-2021';
const SINGLE = 'liu-xiaowu-member-of-western-theater-command';
const KAZAKHSTAN = 'kazakhstan-participates-in-zapad-interaction-2021';
const EXERCISE = 'zapad-interaction-2021';

type Subject = { entity: string } | { relation: string };

/** A bundle of one outlet's article; each report quotes `text` at code-point offsets. */
function outletBundle(id: string, outlet: string, date: string, text: string, entities: object[], relations: object[], reports: Array<[Subject, string]>) {
  const at = (quote: string) => {
    const index = text.indexOf(quote);
    if (index < 0) throw new Error(`"${quote}" is not in the text of ${id}`);
    const start = Array.from(text.slice(0, index)).length;
    return { quote, start, end: start + Array.from(quote).length };
  };
  const source = outlet.toLowerCase().replace(/ /g, '-');
  const document = { id, title: `${outlet} on the exercise`, publishedAt: date, text };
  const records = reports.map(([subject, quote], i) => ({ id: `r${i + 1}`, subject, source, ...at(quote) }));
  return { format: 'newsgraph.bundle', version: 1, document, sources: [{ id: source, name: outlet, kind: 'outlet' }], entities, relations, reports: records };
}

const STEPPE = outletBundle(
  'steppe-herald-2021-08-10',
  'Steppe Herald',
  '2021-08-10',
  'The Zapad/Interaction-2021 exercise opened on 9 August in Ningxia. Liu Xiaowu is the commanding officer of Chinese troops in the drills. Kazakhstan sent officers to observe the exercise.',
  [
    { id: EXERCISE, type: 'EVENT', name: 'Zapad/Interaction-2021', startDate: '2021-08-09' },
    { id: 'liu-xiaowu', type: 'PERSON', name: 'Liu Xiaowu' },
    { id: 'kazakhstan', type: 'COUNTRY', name: 'Kazakhstan' },
  ],
  [
    { id: COMMANDS, type: 'COMMANDS', from: 'liu-xiaowu', to: EXERCISE, role: 'commanding officer of Chinese troops' },
    { id: KAZAKHSTAN, type: 'PARTICIPATES_IN', from: 'kazakhstan', to: EXERCISE, role: 'observer' },
  ],
  [
    [{ entity: EXERCISE }, 'The Zapad/Interaction-2021 exercise opened on 9 August'],
    [{ entity: 'liu-xiaowu' }, 'Liu Xiaowu'],
    [{ relation: COMMANDS }, 'Liu Xiaowu is the commanding officer of Chinese troops in the drills'],
    [{ entity: 'kazakhstan' }, 'Kazakhstan'],
    [{ relation: KAZAKHSTAN }, 'Kazakhstan sent officers to observe the exercise'],
  ],
);

const CASPIAN = outletBundle(
  'caspian-daily-2021-08-16',
  'Caspian Daily',
  '2021-08-16',
  'Zapad/Interaction-2021 began on 13 August in Ningxia, the ministry said. The Zapad/Interaction-2021 drills involved more than 10,000 troops.',
  [{ id: EXERCISE, type: 'EVENT', name: 'Zapad/Interaction-2021', startDate: '2021-08-13' }],
  [],
  [
    [{ entity: EXERCISE }, 'Zapad/Interaction-2021 began on 13 August in Ningxia'],
    [{ entity: EXERCISE }, 'The Zapad/Interaction-2021 drills involved more than 10,000 troops'],
  ],
);

type EdgeData = { sources: number; width: number; status: string };

/** The corroboration data of the drawn edges and nodes, read from Cytoscape. */
function drawn(page: Page): Promise<{ edges: Record<string, EdgeData>; disputedNodes: string[]; labels: Record<string, string> }> {
  return page.evaluate(() => {
    const { cy } = (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer;
    return {
      edges: Object.fromEntries(
        cy
          .edges()
          .map((edge) => [edge.id(), { sources: Number(edge.data('sources')), width: Number(edge.data('width')), status: String(edge.data('status')) }]),
      ),
      disputedNodes: cy.nodes('.disputed').map((node) => node.id()),
      labels: Object.fromEntries(cy.nodes().map((node) => [node.id(), String(node.data('label'))])),
    };
  });
}

/** Waits until the view is loaded with `present` drawn and `absent` not. */
async function waitForView(page: Page, present: string[], absent: string[] = []): Promise<void> {
  await page.waitForFunction(
    ([want, gone]) => {
      const { cy } = (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer;
      const ids = new Set(cy.elements().map((element) => element.id()));
      return want.every((id) => ids.has(id)) && gone.every((id) => !ids.has(id)) && !document.body.classList.contains('busy');
    },
    [present, absent] as const,
  );
}

const params = (page: Page) => new URL(page.url()).searchParams;

describe('corroboration, disagreement and time in the explorer', () => {
  const db = openTestDatabase();
  let api: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  async function query<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEYS.editor}` },
      body: JSON.stringify({ query: source, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data!;
  }

  beforeAll(async () => {
    const seeded = (async () => {
      await wipe(db.executor);
      await loadSeedIfEmpty(db.executor, db.log);
    })();
    [, , browser] = await Promise.all([ensureExplorerBuilt(), seeded, launchBrowser()]);
    api = await startServer({ executor: db.executor, log: db.log, security: db.config.security });
    for (const bundle of [STEPPE, CASPIAN]) await query('mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents } }', { bundle });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await db.close();
  });

  it('draws edges by independent sources and marks the disputed exercise', async () => {
    await page.goto(`${api.baseUrl}/explorer/?e=liu-xiaowu`);
    await waitForView(page, [`rel:${COMMANDS}`, `rel:${SINGLE}`, EXERCISE]);
    const view = await drawn(page);
    expect(view.edges[`rel:${COMMANDS}`]).toMatchObject({ sources: 2, status: 'CORROBORATED' });
    expect(view.edges[`rel:${SINGLE}`]).toMatchObject({ sources: 1, status: 'SINGLE_SOURCE' });
    expect(view.edges[`rel:${COMMANDS}`]!.width).toBeGreaterThan(view.edges[`rel:${SINGLE}`]!.width);
    expect(view.disputedNodes).toEqual([EXERCISE]);
    expect(view.labels[EXERCISE]).toBe('⚠ Zapad/Interaction-2021');
    await screenshot(page, 'corroboration-01-widths.png');
  });

  it('hides a single-source edge with "minimum sources", in the URL and after a reload', async () => {
    await page.locator('#min-sources').selectOption('2');
    await waitForView(page, [`rel:${COMMANDS}`], [`rel:${SINGLE}`]);
    expect(params(page).get('minSources')).toBe('2');
    await page.reload();
    await waitForView(page, [`rel:${COMMANDS}`], [`rel:${SINGLE}`]);
    expect(await page.locator('#min-sources').inputValue()).toBe('2');
    await page.locator('#min-sources').selectOption('');
    await waitForView(page, [`rel:${COMMANDS}`, `rel:${SINGLE}`]);
    expect(params(page).has('minSources')).toBe(false);
  });

  it('replays the story with the time slider: a fact reported later is not there before', async () => {
    await page.goto(`${api.baseUrl}/explorer/?e=${EXERCISE}&node=${EXERCISE}`);
    await waitForView(page, ['kazakhstan', `rel:${KAZAKHSTAN}`]);
    expect(await page.locator('#as-of-label').textContent()).toBe('all reports');
    await page.locator('#as-of').focus();
    await page.keyboard.press('Home');
    await waitForView(page, [EXERCISE, 'china'], ['kazakhstan', `rel:${KAZAKHSTAN}`]);
    expect(params(page).get('asOf')).toBe('2021-08-03');
    expect(await page.locator('#as-of-label').textContent()).toBe('as of 2021-08-03');
    // The panel counts the exercise's sources as of that date from its reports: fewer than today.
    const sourcing = page.locator(`#detail article[data-id="${EXERCISE}"] .sourcing`);
    const asOfRow = sourcing.locator('.as-of');
    await asOfRow.waitFor();
    expect(Number(await asOfRow.getAttribute('data-independent'))).toBeLessThan(Number(await sourcing.getAttribute('data-independent')));
    await screenshot(page, 'corroboration-02-as-of.png');
    await page.keyboard.press('ArrowRight');
    await waitForView(page, ['kazakhstan', `rel:${KAZAKHSTAN}`]);
    expect(params(page).get('asOf')).toBe('2021-08-10');
    await page.keyboard.press('End');
    await page.waitForURL((url) => !url.searchParams.has('asOf'));
    // Replay starts from the first date and ends on all reports, a step every 1.5 s.
    await page.locator('#as-of-replay').click();
    await page.waitForURL((url) => url.searchParams.get('asOf') === '2021-08-03');
    await page.waitForURL((url) => !url.searchParams.has('asOf'), { timeout: 10_000 });
    await waitForView(page, ['kazakhstan', `rel:${KAZAKHSTAN}`]);
  });

  it('lists the disputed start date with each value and who gave it', async () => {
    const detail = page.locator(`#detail article[data-id="${EXERCISE}"]`);
    await detail.locator('.sourcing[data-status="DISPUTED"]').waitFor();
    const dispute = detail.locator('.dispute[data-property="startDate"]');
    expect(await dispute.locator('li[data-value="2021-08-09"] .alternative-sources').textContent()).toContain('Steppe Herald');
    expect(await dispute.locator('li[data-value="2021-08-13"] .alternative-sources').textContent()).toContain('Caspian Daily');
    await screenshot(page, 'corroboration-03-disputed.png');
  });

  it('groups the provenance by independent source, as the API counts them', async () => {
    type Counted = { independentSourceCount: number; reportedBy: Array<{ origin: string; source: { name: string } }> };
    const api16 = await query<{ entity: Counted; relation: Counted }>(
      `query($e: ID!, $r: ID!) { entity(id: $e) { independentSourceCount reportedBy { origin source { name } } } relation(id: $r) { independentSourceCount reportedBy { origin source { name } } } }`,
      { e: EXERCISE, r: COMMANDS },
    );
    const expected = (fact: Counted) => {
      const reports: Record<string, number> = {};
      for (const report of fact.reportedBy) reports[report.origin] = (reports[report.origin] ?? 0) + 1;
      return reports;
    };
    const shown = (tab: Page) =>
      tab
        .locator('#detail .origin-group')
        .evaluateAll((groups) => Object.fromEntries(groups.map((group) => [group.getAttribute('data-origin'), group.querySelectorAll('.report').length])));

    expect(await shown(page)).toEqual(expected(api16.entity));
    expect(Object.keys(expected(api16.entity))).toHaveLength(api16.entity.independentSourceCount);
    // Caspian Daily's two reports are one independent source.
    const caspian = page.locator('#detail .origin-group').filter({ has: page.locator('.origin-sources', { hasText: 'Caspian Daily' }) });
    expect(await caspian.locator('.report').count()).toBe(2);

    await page.goto(`${api.baseUrl}/explorer/?e=liu-xiaowu&edge=${COMMANDS}`);
    await page.locator(`#detail article[data-kind="relation"][data-id="${COMMANDS}"] .origin-group`).first().waitFor();
    expect(await shown(page)).toEqual(expected(api16.relation));
    expect(await page.locator('#detail .origin-sources').allTextContents()).toEqual(expect.arrayContaining(['MSN News', 'Steppe Herald']));
    await screenshot(page, 'corroboration-04-provenance.png');
  });

  it('logged no errors in the browser console', () => {
    expect(browser.failedRequests).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
