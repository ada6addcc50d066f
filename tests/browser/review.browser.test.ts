import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import { ExtractionEngine } from '../../src/extract/extraction-engine.js';
import { createNlpEngine } from '../../src/nlp/nlp-engine.js';
import { openTestDatabase, TEST_KEYS, wipe } from '../helpers/neo4j.js';
import { ensureExplorerBuilt, launchBrowser, screenshot, startServer, type RunningServer } from './harness.js';
import { ARTICLE, FRENCH_ARTICLE, HTML_PAGE } from './review-articles.js';
import { extract, relationsOnPage, type DraftRelationOnPage } from './review-page.js';

// The review page end to end, in Chromium, against the real server and the real CoreNLP service:
// paste, extract, review, ingest, then the new facts in the graph with their quotes.

describe('reviewing an extracted article', () => {
  const corenlpUrl = inject('corenlpUrl');
  const db = openTestDatabase({ NEWSGRAPH_CORENLP_URL: corenlpUrl });
  const extraction = new ExtractionEngine(createNlpEngine(db.config, db.log), db.config.nlp.requestTimeoutMs, db.log);
  let api: RunningServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  /** The API as the analyst's editor key sees it. */
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
    // The run's service starts on its first request (about a minute): here, not inside a test's budget.
    const engineUp = fetch(`${corenlpUrl}/health`).then((response) => expect(response.ok).toBe(true));
    [, , browser] = await Promise.all([ensureExplorerBuilt(), seeded, launchBrowser(), engineUp]);
    api = await startServer({ executor: db.executor, log: db.log, security: db.config.security, extraction });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await extraction.stop();
    await db.close();
  });

  let rejected: DraftRelationOnPage;
  let corrected: DraftRelationOnPage;

  it('extracts a pasted article and highlights its mentions by entity type', async () => {
    await page.goto(`${api.baseUrl}/explorer/#review`);
    await page.locator('#review-page:not([hidden])').waitFor();
    expect(await page.locator('#graph-page').isHidden()).toBe(true);
    expect(await page.locator('#tab-review').getAttribute('aria-current')).toBe('page');

    await extract(page, async () => {
      await page.locator('#review-article').fill(ARTICLE.text);
      await page.locator('#review-published').fill(ARTICLE.publishedAt);
      await page.locator('#review-outlet').fill(ARTICLE.outlet);
    });
    await page.locator('#review-status[data-state="reviewing"]').waitFor({ timeout: 120_000 });
    expect(await page.locator('#review-format-text').isChecked()).toBe(true);

    // The text shown is the article's, every character of it, with the names marked.
    expect(await page.locator('#review-text').textContent()).toBe(ARTICLE.text);
    for (const [name, type, colour] of ARTICLE.expectedMentions) {
      const mark = page.locator('#review-text mark.mention', { hasText: name }).first();
      expect(await mark.getAttribute('data-type'), name).toBe(type);
      expect(await mark.evaluate((element) => getComputedStyle(element).borderBottomColor), name).toBe(colour);
    }

    // A click on a mention shows its entity in the list, and a known country is matched to the graph's.
    const person = page.locator('#review-text mark.mention[data-type="PERSON"]').first();
    const personId = (await person.getAttribute('data-entity'))!;
    await person.click();
    await page.locator(`.draft-entity.chosen[data-id="${personId}"]`).waitFor();
    expect(await person.getAttribute('title')).toContain('Person');
    const china = page.locator('.draft-entity[data-type="COUNTRY"]', { hasText: 'China' });
    expect(await china.getAttribute('data-outcome')).toBe('MATCHED');
    expect(await china.locator('.resolution').textContent()).toContain('Matches existing China (china)');
    await screenshot(page, 'review-01-draft.png');
  });

  it('shows each relation with its quotes, highlighted in the text on focus', async () => {
    const relations = await relationsOnPage(page);
    expect(relations.length).toBeGreaterThanOrEqual(2);
    for (const relation of relations) expect(relation.quotes.length, relation.id).toBeGreaterThan(0);

    const [first] = relations;
    await page.locator(`.draft-relation[data-id="${first!.id}"] select.type`).focus();
    const highlighted = (await page.locator('#review-text .quoted').allTextContents()).join('');
    expect(highlighted).toContain(first!.quotes[0]);
    expect(ARTICLE.text).toContain(first!.quotes[0]);
  });

  it('rejects one relation, corrects the role of another, accepts the rest and ingests', async () => {
    [rejected, corrected] = (await relationsOnPage(page)) as [DraftRelationOnPage, DraftRelationOnPage];
    await page.locator(`.draft-relation[data-id="${rejected.id}"] button.reject`).click();
    const item = page.locator(`.draft-relation[data-id="${corrected.id}"]`);
    await item.locator('input.role').fill('exercise director');
    expect(await item.getAttribute('data-corrected')).toBe('true');
    await page.locator('#review-accept-rest').click();
    expect(await page.locator(`.draft-relation[data-id="${rejected.id}"]`).getAttribute('data-decision')).toBe('rejected');
    expect(await item.getAttribute('data-decision')).toBe('accepted');
    expect(await item.locator('.summary').textContent()).toContain('(exercise director)');
    expect(await page.locator('#review-counts').textContent()).toMatch(/Relations: \d+ accepted, 1 rejected, 0 undecided/);

    await page.locator('#review-ingest').click();
    await page.locator('#review-status[data-state="ingested"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('#review-summary').textContent()).toMatch(/\d+ new entit/);
    expect(await page.locator('#review-ingest').isDisabled()).toBe(true);
    await screenshot(page, 'review-02-ingested.png');

    // Through the API: the rejected relation was never written, the corrected one was, as reviewed.
    const data = await query<{ rejected: unknown; corrected: { role: string; reportedBy: Array<{ quote: string; method: string }> } | null }>(
      `query Check($rejected: ID!, $corrected: ID!) {
        rejected: relation(id: $rejected) { id }
        corrected: relation(id: $corrected) { role reportedBy { quote method } }
      }`,
      { rejected: rejected.id, corrected: corrected.id },
    );
    expect(data.rejected).toBeNull();
    expect(data.corrected?.role).toBe('exercise director');
    expect(data.corrected?.reportedBy.map((report) => report.method)).toEqual(corrected.quotes.map(() => 'REVIEWED'));
    expect(data.corrected?.reportedBy.map((report) => report.quote).sort()).toEqual([...corrected.quotes].sort());
  });

  it('opens the new entities in the graph with their quotes', async () => {
    const selected = new URL((await page.locator('#review-open-graph').getAttribute('href'))!, api.baseUrl).searchParams.get('node')!;
    // A new entity of this article is the one opened, so everything it quotes comes from the article.
    expect(await page.locator(`.ingested-entities li[data-id="${selected}"]`).textContent()).toContain('· new');
    await page.locator('#review-open-graph').click();
    await page.locator('#graph-page:not([hidden])').waitFor();
    await page.waitForFunction(
      (id) => (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer.cy.getElementById(id).nonempty(),
      selected,
    );
    const edges = await page.evaluate(() =>
      (window as unknown as { newsgraphExplorer: { cy: import('cytoscape').Core } }).newsgraphExplorer.cy.edges().map((edge) => edge.id()),
    );
    expect(edges).toContain(`rel:${corrected.id}`);
    expect(edges).not.toContain(`rel:${rejected.id}`);

    const detail = page.locator(`#detail article[data-kind="entity"][data-id="${selected}"]`);
    await detail.waitFor();
    const quotes = await detail.locator('.quote').allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) expect(ARTICLE.text).toContain(quote);
    await screenshot(page, 'review-03-in-the-graph.png');
  });

  it('reads an HTML page as its article, after waiting for the language engine to start', async () => {
    // The engine is already up in this run, so its start is played by the first answer only.
    let answered = false;
    await page.route('**/graphql', async (route) => {
      if (answered || !route.request().postData()?.includes('extractDraft')) return route.continue();
      answered = true;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: 'The language engine is starting.', extensions: { code: 'NLP_STARTING', retryAfterSeconds: 1 } }] }),
      });
    });
    await page.goto(`${api.baseUrl}/explorer/#review`);
    await extract(page, () => page.locator('#review-article').fill(HTML_PAGE.html));
    await page.locator('#review-status[data-state="starting"]').waitFor();
    expect(await page.locator('#review-status').textContent()).toContain('Starting the language engine');
    await page.locator('#review-status[data-state="reviewing"]').waitFor({ timeout: 120_000 });
    await page.unroute('**/graphql');

    expect(await page.locator('#review-format-html').isChecked()).toBe(true);
    const text = (await page.locator('#review-text').textContent())!;
    for (const kept of HTML_PAGE.kept) expect(text).toContain(kept);
    for (const dropped of HTML_PAGE.dropped) expect(text).not.toContain(dropped);
    expect(await page.locator('#review-text mark.mention').count()).toBeGreaterThan(0);

    // Rejecting an entity rejects the relations that need it, and says why they cannot be accepted.
    const [relation] = await relationsOnPage(page);
    const item = page.locator(`.draft-relation[data-id="${relation!.id}"]`);
    const end = await item.locator('select.from').inputValue();
    await page.locator(`.draft-entity[data-id="${end}"] button.reject`).click();
    expect(await item.getAttribute('data-decision')).toBe('rejected');
    expect(await item.locator('.problem').textContent()).toBe('One of its entities is rejected.');
    await item.locator('button.accept').click();
    expect(await item.getAttribute('data-decision')).toBe('rejected');
  });

  it("shows the API's reasons when it refuses the reviewed bundle, and ingests on a second try", async () => {
    await page.locator('#review-accept-rest').click();
    // A quote that is not the text at its offsets, as a stale draft could send: the server's validator must say so.
    await page.route('**/graphql', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { query?: string; variables?: { bundle?: { reports: Array<{ quote: string }> } } };
      if (!body.query?.includes('ingestBundle') || !body.variables?.bundle) return route.continue();
      body.variables.bundle.reports[0]!.quote = 'Not in the article';
      await route.continue({ postData: JSON.stringify(body) });
    });
    await page.locator('#review-ingest').click();
    const alert = page.locator('#review-error:not([hidden])');
    await alert.waitFor();
    await page.unroute('**/graphql');
    expect(await alert.locator('.title').textContent()).toBe('The reviewed bundle was refused; nothing was written');
    expect(await alert.locator('.issues li code').allTextContents()).toContain('reports[0].quote');
    expect(await page.locator('#review-status').getAttribute('data-state')).toBe('error');

    await page.locator('#review-ingest').click();
    await page.locator('#review-status[data-state="ingested"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('#review-error').isHidden()).toBe(true);
  });

  it('says that a French article is in an unsupported language', async () => {
    await extract(page, () => page.locator('#review-article').fill(FRENCH_ARTICLE));
    const alert = page.locator('#review-error:not([hidden])');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.locator('.title').textContent()).toBe('Unsupported language');
    expect(await alert.locator('.message').textContent()).toContain('English only');
    expect(await page.locator('#review-draft').count()).toBe(0);
    await screenshot(page, 'review-04-french.png');
  });

  it('logged no errors in the browser console but the expected refusals', () => {
    // The spoiled bundle and the French article are refused with 400, and the staged engine start answered 503.
    expect(browser.failedRequests.sort()).toEqual(['400 ExtractDraft', '400 IngestReviewed', '503 ExtractDraft']);
    expect(browser.consoleErrors.filter((message) => !message.startsWith('Failed to load resource'))).toEqual([]);
  });
});
