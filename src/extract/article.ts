import { createHash } from 'node:crypto';
import { isPartialDate } from '../model/dates.js';
import { SLUG } from '../model/bundle-schema.js';
import { asName } from '../model/text-rules.js';
import { InputError } from '../model/input-error.js';
import { htmlArticleText, HtmlShapeError, plainArticleText, type ArticleText } from './article-text.js';
import type { Article, ArticleInput } from './types.js';

/** About 10,000 words: longer than any news article, and about a minute of the engine (6 s per 1,000 words warm); beyond it a request would hold the engine past its timeout. */
export const ARTICLE_MAX_CHARS = 60_000;
/** A document title's limit in the bundle format. */
const TITLE_MAX = 1000;

/** Checks the caller's input and reads the article's canonical text; every problem names the field at fault. */
export function readArticle(input: ArticleInput): Article {
  const given = [input.text, input.html].filter((value) => value !== undefined && value !== null);
  if (given.length !== 1) throw new InputError('input', 'give the article as exactly one of text or html');
  const raw = given[0]!;
  const field = input.text !== undefined && input.text !== null ? 'text' : 'html';
  if (raw.length > ARTICLE_MAX_CHARS * 5) throw new InputError(field, `too long for one article (at most ${ARTICLE_MAX_CHARS} characters of text)`);
  if (raw.includes('\u0000')) throw new InputError(field, 'must not contain NUL characters');
  const read = field === 'text' ? plainArticleText(raw) : readHtml(raw);
  if (!/\p{L}/u.test(read.text)) throw new InputError(field, field === 'html' ? 'the page holds no article text' : 'the article has no text');
  if (read.text.length > ARTICLE_MAX_CHARS)
    throw new InputError(field, `too long for one article (${read.text.length} characters; at most ${ARTICLE_MAX_CHARS})`);
  const publishedAt = input.publishedAt ?? null;
  if (publishedAt !== null && !isPartialDate(publishedAt)) throw new InputError('publishedAt', 'expected a date YYYY-MM-DD (or YYYY-MM, YYYY) that exists');
  const url = input.url ?? null;
  if (url !== null && !URL.canParse(url)) throw new InputError('url', 'expected an absolute URL');
  const documentId = input.documentId ?? `article-${createHash('sha256').update(read.text).digest('hex').slice(0, 16)}`;
  if (!SLUG.test(documentId) || documentId.length > 200) throw new InputError('documentId', 'expected a slug: lowercase letters, digits and single hyphens');
  return {
    text: read.text,
    title: oneLineOrNull(input.title) ?? oneLineOrNull(read.title),
    url,
    publishedAt,
    source: oneLineOrNull(input.source),
    documentId,
  };
}

function readHtml(html: string): ArticleText {
  try {
    return htmlArticleText(html);
  } catch (error) {
    if (error instanceof HtmlShapeError) throw new InputError('html', `${error.message}; paste the article's own part of the page, or its text`);
    throw error;
  }
}

/** The date CoreNLP anchors relative dates to: a partial publication date counts from its first day. */
export function anchorDate(publishedAt: string | null): string | undefined {
  if (!publishedAt) return undefined;
  return publishedAt.length === 4 ? `${publishedAt}-01-01` : publishedAt.length === 7 ? `${publishedAt}-01` : publishedAt;
}

function oneLineOrNull(value: string | null | undefined): string | null {
  const line = value ? Array.from(asName(value)).slice(0, TITLE_MAX).join('').trim() : '';
  return line ? line : null;
}
