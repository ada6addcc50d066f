import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * The one canonical text of an article: every offset of a draft refers to
 * it, and it becomes the document's `text`. Plain text is kept as given
 * (only a byte-order mark and Windows line ends go), so offsets match the
 * user's file. HTML is reduced to the article by Readability and written as
 * paragraphs separated by a blank line, headings included, the way the seed
 * article is laid out; the sentence splitter treats a blank line as a break.
 */

export interface ArticleText {
  text: string;
  title: string | null;
}

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TD', 'TH', 'DT', 'DD']);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'IFRAME', 'FORM', 'BUTTON']);

export function plainArticleText(text: string): ArticleText {
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), title: null };
}

export function htmlArticleText(html: string): ArticleText {
  // linkedom builds no <html>/<body> around a fragment, and Readability needs them.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  checkShape(document.documentElement as unknown as Element);
  // Readability mutates the tree it reads; the title is taken first.
  const pageTitle = oneLine(document.title ?? '') || null;
  const article = readable(document);
  const content = article?.content ? parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body : document.body;
  const paragraphs = content ? blockTexts(content as unknown as Element) : [];
  return { text: paragraphs.join('\n\n'), title: oneLine(article?.title ?? '') || pageTitle };
}

/** Real pages nest a few dozen levels; Readability's time grows with depth (256 levels: over a second) and blocks the server. */
export const HTML_MAX_DEPTH = 100;
/** A long news page has a few thousand elements; Readability took 5 s over 25,000 on the reference machine. */
export const HTML_MAX_ELEMENTS = 20_000;

export class HtmlShapeError extends Error {
  override name = 'HtmlShapeError';
}

/** Refuses, before Readability runs, a page too deep or too large to read in a moment. */
function checkShape(root: Element): void {
  let elements = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > HTML_MAX_DEPTH) throw new HtmlShapeError(`the page nests elements more than ${HTML_MAX_DEPTH} levels deep`);
    if (++elements > HTML_MAX_ELEMENTS) throw new HtmlShapeError(`the page has more than ${HTML_MAX_ELEMENTS} elements`);
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
}

/** Readability's reading of the page, or none when it finds no article (the page's body is read instead). */
function readable(document: unknown): ReturnType<Readability['parse']> {
  try {
    return new Readability(document as Document).parse();
  } catch {
    return null;
  }
}

function blockTexts(root: Element): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = (): void => {
    const line = oneLine(inline);
    if (line) out.push(line);
    inline = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      inline += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    if (SKIPPED_TAGS.has(element.tagName)) return;
    if (element.tagName === 'BR') {
      inline += ' ';
      return;
    }
    const block = BLOCK_TAGS.has(element.tagName);
    if (block) flush();
    for (const child of Array.from(element.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out;
}

/** Collapses every run of whitespace (HTML source line breaks, NBSP) into one space. */
function oneLine(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}
