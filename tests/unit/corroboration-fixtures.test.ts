import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BundleValidationError, validateBundle } from '../../src/model/validate-bundle.js';

/**
 * The four outlets' reports of the seed's exercise (issue 16), used by
 * tests/int/corroboration.int.test.ts: each must be a valid bundle, name the
 * seed's entities only by name or alias, and say which source published it.
 */
const DIR = new URL('../fixtures/corroboration/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((name) => name.endsWith('.bundle.json'))
  .sort();
const SEED_IDS = new Set(
  (JSON.parse(readFileSync(new URL('../../data/seed/seed.bundle.json', import.meta.url), 'utf8')) as { entities: Array<{ id: string }> }).entities.map(
    (entity) => entity.id,
  ),
);

type Fixture = {
  document: { id: string; text: string; publisher?: string; publishedAt?: string };
  sources: Array<{ id: string; kind: string }>;
  entities: Array<{ id: string }>;
  reports: Array<{ id: string; source: string; quote: string; start: number; end: number }>;
};

function read(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Fixture;
}

function issuesOf(input: unknown): string[] {
  try {
    validateBundle(input);
  } catch (error) {
    if (error instanceof BundleValidationError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('corroboration fixtures', () => {
  it('are the four outlets A to D', () => {
    expect(FILES).toEqual([
      'a-steppe-defense-review.bundle.json',
      'b-caspian-monitor.bundle.json',
      'c-harbor-evening-post.bundle.json',
      'd-northern-daily-digest.bundle.json',
    ]);
  });

  it.each(FILES)('%s validates', (name) => {
    expect(issuesOf(read(name))).toEqual([]);
  });

  it.each(FILES)('%s quotes its own text at code-point offsets', (name) => {
    const bundle = read(name);
    const points = Array.from(bundle.document.text);
    for (const report of bundle.reports) expect(points.slice(report.start, report.end).join(''), report.id).toBe(report.quote);
  });

  it.each(FILES)('%s is published by its own outlet and names seed entities only by name', (name) => {
    const bundle = read(name);
    expect(bundle.sources).toHaveLength(1);
    expect(bundle.sources[0]).toMatchObject({ id: bundle.document.publisher, kind: 'outlet' });
    for (const report of bundle.reports) expect(report.source).toBe(bundle.document.publisher);
    for (const entity of bundle.entities) expect(SEED_IDS.has(entity.id), entity.id).toBe(false);
  });

  it('makes D a syndicated copy of A: the same body, another headline, the last sentence dropped', () => {
    const a = read('a-steppe-defense-review.bundle.json').document.text;
    const d = read('d-northern-daily-digest.bundle.json').document.text;
    const body = (text: string) => text.slice(text.indexOf('\n\n') + 2);
    expect(a.split('\n')[0]).not.toBe(d.split('\n')[0]);
    expect(body(a).startsWith(body(d).trimEnd())).toBe(true);
    expect(body(a).length - body(d).length).toBeLessThan(80);
  });
});
