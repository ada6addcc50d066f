import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { seededApi } from '../helpers/api.js';

// Annotation takes seconds per article, and far longer on a loaded 2-core machine than the int tier's minute.
vi.setConfig({ testTimeout: 300_000 });
const api = seededApi({}, { extraction: true });

const EXTRACT = `mutation ($input: ExtractInput!) {
  extractDraft(input: $input) {
    bundle
    mentions { entityId start end text kind }
    resolution { id type name outcome matchedId }
    warnings
  }
}`;

interface Extracted {
  extractDraft: {
    bundle: {
      document: { id: string; text: string };
      entities: Array<{ id: string; name: string; type: string }>;
      reports: Array<{ quote: string; start: number; end: number; method: string }>;
    };
    mentions: Array<{ entityId: string; start: number; end: number; text: string; kind: string }>;
    resolution: Array<{ id: string; type: string; name: string; outcome: string; matchedId: string | null }>;
    warnings: string[];
  };
}

const ARTICLE = `Navy chief visits base

Admiral Helena Varga, commander of the Hungarian Navy, visited the naval base in Split on Monday, according to Defense Ministry spokesperson Tomas Ilic. Russia and China will hold talks in Beijing next week, Ilic said.`;

describe('extractDraft', () => {
  it('gives an editor a draft with exact quotes, mentions in code points, and how its entities resolve against the graph', async () => {
    const response = await api.query<Extracted>(EXTRACT, { input: { text: ARTICLE, publishedAt: '2024-05-06' } }, 'editor');
    expect(response.errors).toBeUndefined();
    const { bundle, mentions, resolution } = response.data!.extractDraft;
    const points = Array.from(bundle.document.text);
    expect(bundle.document.text).toBe(ARTICLE);
    expect(bundle.document.id).toMatch(/^article-[0-9a-f]{16}$/);
    for (const report of bundle.reports) {
      expect(points.slice(report.start, report.end).join('')).toBe(report.quote);
      expect(report.method).toBe('extracted');
    }
    for (const mention of mentions) expect(points.slice(mention.start, mention.end).join('')).toBe(mention.text);
    expect(resolution.map((entry) => entry.id).sort()).toEqual(bundle.entities.map((entity) => entity.id).sort());
    // The seed holds China and Russia: the draft's countries are previewed as matches, a new admiral as new.
    const china = resolution.find((entry) => entry.type === 'COUNTRY' && entry.name === 'China');
    expect(china).toMatchObject({ outcome: 'MATCHED', matchedId: 'china' });
    const varga = resolution.find((entry) => entry.type === 'PERSON' && /Varga/.test(entry.name));
    expect(varga).toMatchObject({ outcome: 'NEW' });
  });

  it('writes nothing', async () => {
    const count = async () => (await api.db.executor.read<{ n: number }>('MATCH (n) RETURN count(n) AS n', {}))[0]!.n;
    const before = await count();
    await api.query(EXTRACT, { input: { text: ARTICLE } }, 'editor');
    expect(await count()).toBe(before);
  });

  it('round-trips: the draft ingests, and its reports read back as extracted with their rule', async () => {
    const { bundle } = (await api.data<Extracted>(EXTRACT, { input: { text: ARTICLE, publishedAt: '2024-05-06', source: 'Adriatic Wire' } })).extractDraft;
    const ingest = await api.query<{ ingestBundle: { createdEntityIds: string[] } }>(
      'mutation ($bundle: JSON!) { ingestBundle(bundle: $bundle) { createdEntityIds } }',
      { bundle },
      'editor',
    );
    expect(ingest.errors).toBeUndefined();
    const created = ingest.data!.ingestBundle.createdEntityIds;
    expect(created.length).toBeGreaterThan(0);
    const read = await api.data<{
      entity: { reportedBy: Array<{ method: string; rule: string | null; confidence: number | null; source: { name: string } }> };
    }>('query ($id: ID!) { entity(id: $id) { reportedBy { method rule confidence source { name } } } }', { id: created[0] });
    expect(read.entity.reportedBy.length).toBeGreaterThan(0);
    for (const report of read.entity.reportedBy) {
      expect(report.method).toBe('EXTRACTED');
      expect(report.rule).toBeTruthy();
      expect(report.confidence).toBeGreaterThan(0);
    }
  });

  it('refuses a reader, another language, and input that is not one article, each with its code and status', async () => {
    const reader = await api.query(EXTRACT, { input: { text: ARTICLE } }, 'reader');
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const french = await api.query(EXTRACT, { input: { text: readFileSync('tests/fixtures/articles/french.txt', 'utf8') } }, 'editor');
    expect(french.status).toBe(400);
    expect(french.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_LANGUAGE', language: 'fra' });
    const both = await api.query(EXTRACT, { input: { text: ARTICLE, html: '<p>x</p>' } }, 'editor');
    expect(both.status).toBe(400);
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers hostile articles with a draft or a clear refusal, never an unexpected error', async () => {
    const hostile = [
      { text: '🙂'.repeat(500) + ' Admiral Ana Ruiz visited Split on Monday, the ministry said. ' + '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 '.repeat(50) },
      { text: 'The minister said the talks in Geneva would resume.\n'.repeat(300) },
      { text: '12345 67890 '.repeat(100) },
      { text: 'General Kim met President Lee in Seoul. \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 ' + 'x'.repeat(5_000) },
      { html: '<html><body><script>while(1){}</script><p>' + '<b>a</b>'.repeat(10_000) + '</p></body></html>' },
      { text: 'word '.repeat(50_001) },
    ];
    for (const input of hostile) {
      const response = await api.query<Extracted>(EXTRACT, { input }, 'editor');
      const label = JSON.stringify(input).slice(0, 80);
      if (response.errors) {
        expect(response.status, label).toBe(400);
        expect(['BAD_USER_INPUT', 'UNSUPPORTED_LANGUAGE'], label).toContain(response.errors[0]!.extensions?.code);
      } else {
        const { bundle } = response.data!.extractDraft;
        const points = Array.from(bundle.document.text);
        for (const report of bundle.reports) expect(points.slice(report.start, report.end).join(''), label).toBe(report.quote);
      }
    }
  });

  it('reads an HTML page as its article text', async () => {
    const html = `<html><head><title>Wire | Navy chief visits base</title></head><body><nav>Home World</nav><article><h1>Navy chief visits base</h1><p>${ARTICLE.split('\n\n')[1]}</p></article></body></html>`;
    const { bundle } = (await api.data<Extracted>(EXTRACT, { input: { html } })).extractDraft;
    expect(bundle.document.text).toContain('Admiral Helena Varga');
    expect(bundle.document.text).not.toContain('Home World');
    expect(bundle.entities.some((entity) => /Varga/.test(entity.name))).toBe(true);
  });
});
