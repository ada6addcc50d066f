import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { documentSchema, entitySchema, ndjsonHeaderSchema, ndjsonReportSchema, relationSchema, sourceSchema } from '../../src/model/bundle-schema.js';
import { normalizeName } from '../../src/model/names.js';
import { ReferenceChecker, type ValidationIssue } from '../../src/model/references.js';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType } from '../../src/model/types.js';
import { generateStream } from '../../tools/generate/generate.js';
import { WIDE_GIVEN_NAMES } from '../../tools/generate/names.js';
import { writeLines } from '../../tools/generate/write.js';

const ENTITIES = 2000;

const generate = (entities: number, seed: number) => [...generateStream({ entities, seed })].map((generated) => generated.line);

interface Checked {
  issues: ValidationIssue[];
  entities: z.infer<typeof entitySchema>[];
  relations: z.infer<typeof relationSchema>[];
  reports: z.infer<typeof ndjsonReportSchema>[];
}

/** Every line through the bundle schemas and the ReferenceChecker, as a load would. */
function check(lines: string[]): Checked {
  const checked: Checked = { issues: [], entities: [], relations: [], reports: [] };
  const checker = new ReferenceChecker(checked.issues);
  lines.forEach((line, i) => {
    const at = `line ${i + 1}`;
    const json = JSON.parse(line) as Record<string, unknown>;
    const { record, ...fields } = json;
    const fail = (error: z.ZodError) => checked.issues.push({ path: at, message: error.message });
    if (i === 0 || record === 'header') {
      expect(record, 'only the first line is the header').toBe(i === 0 ? 'header' : 'not a header');
      const header = ndjsonHeaderSchema.safeParse(json);
      if (!header.success) fail(header.error);
    } else if (record === 'document') {
      const parsed = documentSchema.safeParse(fields);
      if (parsed.success) checker.addDocument(parsed.data, at);
      else fail(parsed.error);
    } else if (record === 'source') {
      const parsed = sourceSchema.safeParse(fields);
      if (parsed.success) checker.addSource(parsed.data, at);
      else fail(parsed.error);
    } else if (record === 'entity') {
      const parsed = entitySchema.safeParse(fields);
      if (!parsed.success) return fail(parsed.error);
      checker.addEntity(parsed.data, at);
      checked.entities.push(parsed.data);
    } else if (record === 'relation') {
      const parsed = relationSchema.safeParse(fields);
      if (!parsed.success) return fail(parsed.error);
      checker.addRelation(parsed.data, at);
      checked.relations.push(parsed.data);
    } else if (record === 'report') {
      const parsed = ndjsonReportSchema.safeParse(fields);
      if (parsed.success) {
        const { document, ...report } = parsed.data;
        checker.addReport(report, document, at);
        checked.reports.push(parsed.data);
      } else fail(parsed.error);
    } else checked.issues.push({ path: at, message: `unknown record ${String(record)}` });
  });
  checker.finish();
  return checked;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('the synthetic stream generator', () => {
  const lines = generate(ENTITIES, 7);
  const checked = check(lines);

  it('passes every schema and reference check', () => {
    expect(checked.issues).toEqual([]);
  });

  it('has the planned number of records', () => {
    expect(checked.entities).toHaveLength(ENTITIES);
    expect(checked.relations.length).toBeGreaterThan(1.2 * ENTITIES);
    expect(checked.relations.length).toBeLessThan(1.6 * ENTITIES);
    expect(checked.reports).toHaveLength(ENTITIES + checked.relations.length);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generate(ENTITIES, 7).join('')).toBe(lines.join(''));
    expect(generate(ENTITIES, 8).join('')).not.toBe(lines.join(''));
  });

  it('uses every entity type and relation type', () => {
    expect(new Set(checked.entities.map((entity) => entity.type))).toEqual(new Set(ENTITY_TYPES));
    expect(new Set(checked.relations.map((relation) => relation.type))).toEqual(new Set(RELATION_TYPES));
    const countries = checked.entities.filter((entity) => entity.type === 'COUNTRY').length;
    expect(countries).toBeLessThan(0.03 * ENTITIES);
  });

  it('has heavy-tailed degrees: a few hubs, most entities with 1 to 3 relations', () => {
    const degree = new Map<string, number>();
    for (const { from, to } of checked.relations) for (const id of [from, to]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const degrees = checked.entities.map((entity) => degree.get(entity.id) ?? 0);
    expect(median(degrees)).toBeLessThanOrEqual(3);
    expect(Math.max(...degrees)).toBeGreaterThan(30 * median(degrees));
  });

  it('gives every name and alias key to one entity only, and aliases to many', () => {
    const owners = new Map<string, string>();
    for (const entity of checked.entities) {
      for (const name of [entity.name, ...entity.aliases]) {
        const key = `${entity.type}:${normalizeName(name)}`;
        expect(owners.get(key) ?? entity.id, key).toBe(entity.id);
        owners.set(key, entity.id);
      }
    }
    const aliased = checked.entities.filter((entity) => entity.aliases.length > 0).length;
    expect(aliased).toBeGreaterThan(0.3 * ENTITIES);
  });

  it('gives some people names that are not plain ASCII, in several scripts, each still one key', () => {
    const wide = checked.entities.filter((entity) => entity.type === 'PERSON' && WIDE_GIVEN_NAMES.some((given) => entity.name.startsWith(`${given} `)));
    const people = checked.entities.filter((entity) => entity.type === 'PERSON').length;
    expect(wide.length).toBeGreaterThan(0.05 * people);
    expect(wide.length).toBeLessThan(0.25 * people);
    expect(new Set(wide.map((entity) => entity.name.split(' ')[0])).size).toBeGreaterThan(WIDE_GIVEN_NAMES.length / 2);
    // Each normalizes to letters of its own script, so search has to fold accents and keep other scripts.
    expect(wide.map((entity) => normalizeName(entity.name)).some((key) => /[^a-z0-9]/.test(key))).toBe(true);
  });

  it('reports every entity and relation, some attributed to a person', () => {
    const subjects = new Set(checked.reports.map(({ subject }) => ('entity' in subject ? subject.entity : `relation:${subject.relation}`)));
    for (const entity of checked.entities) expect(subjects.has(entity.id), entity.id).toBe(true);
    for (const relation of checked.relations) expect(subjects.has(`relation:${relation.id}`), relation.id).toBe(true);
    const typeOf = new Map<string, EntityType>(checked.entities.map((entity) => [entity.id, entity.type]));
    const attributed = checked.reports.filter((report) => report.attributedTo);
    expect(attributed.length).toBeGreaterThan(0.05 * checked.reports.length);
    for (const report of attributed) expect(typeOf.get(report.attributedTo!)).toBe('PERSON');
  });
});

/** A sink that accepts little at a time, so the writer must wait for 'drain'. */
function slowSink(): { sink: Writable; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      setImmediate(done);
    },
  });
  return { sink, text: () => chunks.join('') };
}

describe('writing the stream', () => {
  it('writes every byte through backpressure, and counts them', async () => {
    const { sink, text } = slowSink();
    const summary = await writeLines(generateStream({ entities: 300, seed: 3 }), sink);
    expect(text()).toBe(generate(300, 3).join(''));
    expect(summary.bytes).toBe(Buffer.byteLength(text()));
    expect(summary.records).toBe(text().split('\n').length - 2);
    expect(summary.counts.entity).toBe(300);
  });

  it('stops after --records records and still validates', async () => {
    const { sink, text } = slowSink();
    const summary = await writeLines(generateStream({ entities: 1000, seed: 5 }), sink, 777);
    const lines = text().trimEnd().split('\n');
    expect(summary.records).toBe(777);
    expect(lines).toHaveLength(778);
    expect(check(lines).issues).toEqual([]);
  });

  it('passes the NDJSON reader the loader uses', async () => {
    const { validateNdjsonFile } = await import('../../src/ingest/ndjson.js');
    const directory = mkdtempSync(join(tmpdir(), 'newsgraph-generate-'));
    try {
      const path = join(directory, 'stream.ndjson');
      writeFileSync(path, generate(500, 11).join(''));
      expect(await validateNdjsonFile(path)).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
