import { describe, expect, it } from 'vitest';
import { anchorDate, readArticle } from '../../src/extract/article.js';
import { assertEnglish, detectLanguage } from '../../src/extract/language.js';

const ENGLISH = 'The defence minister said on Tuesday that the talks with the rebel commanders would resume next week in Geneva.';

describe('readArticle', () => {
  it('keeps plain text as given but for a byte-order mark and Windows line ends', () => {
    const article = readArticle({ text: '\uFEFF Head\r\n\r\nBody text.', publishedAt: '2021-08-03' });
    expect(article.text).toBe(' Head\n\nBody text.');
    expect(article.documentId).toMatch(/^article-[0-9a-f]{16}$/);
    expect(readArticle({ text: ' Head\n\nBody text.' }).documentId).toBe(article.documentId);
  });

  it('reduces HTML to the article, a paragraph per block, and takes its title', () => {
    const html = `<html><head><title>Site | Story</title><script>track()</script></head><body><nav>Home News Sport</nav>
      <article><h1>Ships sail</h1><p>The  frigate <b>Nordvik</b> left
      port on Monday.</p><p>It will return in May.</p></article><footer>© Site</footer></body></html>`;
    const article = readArticle({ html });
    expect(article.text).toBe('Ships sail\n\nThe frigate Nordvik left port on Monday.\n\nIt will return in May.');
    expect(article.title).toBeTruthy();
    expect(readArticle({ html, title: 'Given' }).title).toBe('Given');
  });

  it('refuses what is not one article, naming the field', () => {
    expect(() => readArticle({})).toThrow(/exactly one of text or html/);
    expect(() => readArticle({ text: 'a', html: '<p>a</p>' })).toThrow(/exactly one/);
    expect(() => readArticle({ text: '  \n 123 ' })).toThrow(/text: the article has no text/);
    expect(() => readArticle({ html: '<script>x()</script>' })).toThrow(/html: the page holds no article text/);
    expect(() => readArticle({ text: ENGLISH, publishedAt: '2021-02-30' })).toThrow(/publishedAt/);
    expect(() => readArticle({ text: ENGLISH, url: 'not a url' })).toThrow(/url/);
    expect(() => readArticle({ text: ENGLISH, documentId: 'Bad Id' })).toThrow(/documentId/);
    expect(() => readArticle({ text: 'word '.repeat(50_000) })).toThrow(/too long/);
    // Readability's time grows with nesting (2,000 levels took a minute): such a page is refused before it runs.
    expect(() => readArticle({ html: '<div>'.repeat(2_000) + 'deep' + '</div>'.repeat(2_000) })).toThrow(
      /html: the page nests elements more than 100 levels deep/,
    );
    expect(() => readArticle({ html: '<p>a</p>'.repeat(25_000) })).toThrow(/html: the page has more than 20000 elements/);
  });

  it('anchors relative dates to the first day of a partial publication date', () => {
    expect(anchorDate('2021-08')).toBe('2021-08-01');
    expect(anchorDate('2021')).toBe('2021-01-01');
    expect(anchorDate('2021-08-03')).toBe('2021-08-03');
    expect(anchorDate(null)).toBeUndefined();
  });
});

describe('language', () => {
  it('accepts English and refuses other languages by name', () => {
    expect(detectLanguage(ENGLISH)).toBe('eng');
    expect(() => assertEnglish(ENGLISH)).not.toThrow();
    expect(() =>
      assertEnglish("L'armée française a mené mardi un exercice conjoint avec les forces allemandes près de Strasbourg, selon le ministère."),
    ).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNSUPPORTED_LANGUAGE', language: 'fra' }) }));
    expect(() => assertEnglish('Die Bundeswehr hat am Dienstag gemeinsam mit polnischen Soldaten eine große Übung begonnen.')).toThrow(/deu/);
  });

  it('lets a text too short to judge through', () => {
    expect(detectLanguage('Ana Ruiz, Tarvo.')).toBe('und');
  });
});
