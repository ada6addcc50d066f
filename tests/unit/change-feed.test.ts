import { describe, expect, it } from 'vitest';
import { decodeChangeCursor, encodeChangeCursor } from '../../src/changes/cursor.js';
import { describeRetention } from '../../src/changes/feed.js';
import { batchChanges } from '../../src/changes/ingest-changes.js';
import { appendParams } from '../../src/changes/outbox.js';
import { bundleToBatch } from '../../src/ingest/batch.js';
import { loadConfig } from '../../src/config.js';
import { smallBundle } from '../helpers/bundles.js';

describe('feed cursors', () => {
  it('round-trip a sequence number and are opaque', () => {
    for (const sequence of [0, 1, 42, 2 ** 40]) expect(decodeChangeCursor(encodeChangeCursor(sequence))).toBe(sequence);
    expect(encodeChangeCursor(7)).not.toContain('7');
    expect(decodeChangeCursor(null)).toBeNull();
  });

  it('refuse anything they did not make, naming the argument', () => {
    for (const bad of [
      '',
      'nonsense',
      Buffer.from('change:-1').toString('base64url'),
      Buffer.from('change:1e3').toString('base64url'),
      Buffer.from('other:5').toString('base64url'),
    ]) {
      expect(() => decodeChangeCursor(bad, 'after')).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'after' }) }),
      );
    }
  });
});

describe('the change events of an ingested batch', () => {
  const batch = bundleToBatch(smallBundle({ documentId: 'doc' }));

  it('has one event per record, in the order documents, sources, entities, relations, reports', () => {
    const events = batchChanges(batch, new Map(), new Map());
    expect(events.map((event) => event.kind)).toEqual([
      'DOCUMENT_INGESTED',
      'SOURCE_UPSERTED',
      'ENTITY_UPSERTED',
      'ENTITY_UPSERTED',
      'ENTITY_UPSERTED',
      'RELATION_UPSERTED',
      'REPORT_ADDED',
      'REPORT_ADDED',
      'REPORT_ADDED',
      'REPORT_ADDED',
    ]);
    expect(events.find((event) => event.subjectId === 'doc/r-member')).toMatchObject({
      relationId: 'jane-roe-member-of-alpha-corp',
      entityIds: ['jane-roe', 'alpha-corp'],
      documentId: 'doc',
    });
  });

  it('names the ids resolution gave, and one entity matched by two records once', () => {
    const entities = new Map([
      ['jane-roe', 'existing-jane'],
      ['springfield', 'existing-jane'],
    ]);
    const relations = new Map([['jane-roe-member-of-alpha-corp', 'existing-relation']]);
    const events = batchChanges(batch, entities, relations);
    expect(events.filter((event) => event.kind === 'ENTITY_UPSERTED').map((event) => event.subjectId)).toEqual(['existing-jane', 'alpha-corp']);
    expect(events.find((event) => event.kind === 'RELATION_UPSERTED')).toMatchObject({
      subjectId: 'existing-relation',
      entityIds: ['existing-jane', 'alpha-corp'],
    });
    expect(events.find((event) => event.subjectId === 'doc/r-member')).toMatchObject({
      relationId: 'existing-relation',
      entityIds: ['existing-jane', 'alpha-corp'],
    });
  });

  it('are appended without duplicate entity ids or undefined values', () => {
    const params = appendParams([{ kind: 'ENTITIES_MERGED', subjectId: 'a', entityIds: ['a', 'b', 'a'] }], { role: 'admin', via: 'api-key', principal: null });
    expect(params.changes).toEqual([{ kind: 'ENTITIES_MERGED', subjectId: 'a', entityIds: ['a', 'b'], relationId: null, documentId: null, mergedId: null }]);
  });
});

describe('the feed settings', () => {
  it('keep events 7 days and poll every 500 ms by default; Redis is optional', () => {
    expect(loadConfig({}).changes).toEqual({ retentionSeconds: 7 * 86_400, pollMs: 500, redisUrl: undefined });
    expect(loadConfig({ NEWSGRAPH_CHANGES_RETENTION: '36h', REDIS_URL: 'redis://cache:6379' }).changes).toMatchObject({
      retentionSeconds: 36 * 3600,
      redisUrl: 'redis://cache:6379',
    });
    expect(() => loadConfig({ REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ NEWSGRAPH_CHANGES_RETENTION: '10s' })).toThrow(/NEWSGRAPH_CHANGES_RETENTION/);
  });

  it('say the retention in its own unit', () => {
    expect([describeRetention(7 * 86_400), describeRetention(36 * 3600), describeRetention(90 * 60), describeRetention(61)]).toEqual([
      '7d',
      '36h',
      '90m',
      '61s',
    ]);
  });
});
