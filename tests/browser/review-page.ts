import type { Page } from 'playwright-core';
import { TEST_KEYS } from '../helpers/neo4j.js';

/** What the review page's test reads and drives on the page. */

export interface DraftRelationOnPage {
  id: string;
  summary: string;
  quotes: string[];
}

/** Fills the form as an analyst with an editor's key would, and presses Extract. */
export async function extract(page: Page, fill: () => Promise<void>): Promise<void> {
  await page.locator('#review-article').fill('');
  await fill();
  await page.locator('#review-key').fill(TEST_KEYS.editor);
  await page.locator('#review-extract').click();
}

export function relationsOnPage(page: Page): Promise<DraftRelationOnPage[]> {
  return page.locator('.draft-relation').evaluateAll((items) =>
    items.map((item) => ({
      id: (item as HTMLElement).dataset.id!,
      summary: item.querySelector('.summary')!.textContent!,
      quotes: [...item.querySelectorAll('.quotes blockquote')].map((quote) => quote.textContent!),
    })),
  );
}
