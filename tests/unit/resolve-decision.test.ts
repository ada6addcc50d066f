import { describe, expect, it } from 'vitest';
import { decideEntity } from '../../src/ingest/resolve.js';
import type { BundleEntity } from '../../src/model/bundle-schema.js';

// The decision ingest and the resolution preview share, on lookup rows as the lookup statement returns them.

const wu: BundleEntity = { id: 'wu-qian-2', type: 'PERSON', name: 'Wu Qian', aliases: ['Wu'] };
const nothingStored = { id: wu.id, existingType: null, existingName: null, keptId: null, keptType: null, keptName: null, candidates: [] };

describe('decideEntity', () => {
  it('is NEW when nothing has its id or one of its names', () => {
    expect(decideEntity(wu, nothingStored)).toEqual({ outcome: 'NEW', candidates: [] });
  });

  it('matches by alias, naming the alias, when only an alias names an entity', () => {
    const found = { ...nothingStored, candidates: [{ id: 'wu-qian', name: 'Wu Qian', key: 'PERSON:wu' }] };
    expect(decideEntity(wu, found)).toEqual({
      outcome: 'MATCHED',
      matchedId: 'wu-qian',
      matchedName: 'Wu Qian',
      by: 'alias',
      value: 'Wu',
      candidates: [{ id: 'wu-qian', name: 'Wu Qian' }],
    });
  });

  it('matches by name when both the name and an alias name the one entity, whichever key came first', () => {
    const candidates = [
      { id: 'wu-qian', name: 'Wu Qian', key: 'PERSON:wu' },
      { id: 'wu-qian', name: 'Wu Qian', key: 'PERSON:wuqian' },
    ];
    expect(decideEntity(wu, { ...nothingStored, candidates })).toMatchObject({
      outcome: 'MATCHED',
      by: 'name',
      value: 'Wu Qian',
      candidates: [{ id: 'wu-qian', name: 'Wu Qian' }],
    });
  });

  it('is AMBIGUOUS with several candidates, listed by id', () => {
    const candidates = [
      { id: 'wu-qian-b', name: 'Wu Qian', key: 'PERSON:wuqian' },
      { id: 'wu-qian-a', name: 'Qian Wu', key: 'PERSON:wu' },
    ];
    expect(decideEntity(wu, { ...nothingStored, candidates })).toEqual({
      outcome: 'AMBIGUOUS',
      candidates: [
        { id: 'wu-qian-a', name: 'Qian Wu' },
        { id: 'wu-qian-b', name: 'Wu Qian' },
      ],
    });
  });

  it('matches a stored id of the same type before any name, and is a CONFLICT for another type', () => {
    const candidates = [{ id: 'other', name: 'Wu Qian', key: 'PERSON:wuqian' }];
    expect(decideEntity(wu, { ...nothingStored, existingType: 'PERSON', existingName: 'Wu Qian (2)', candidates })).toMatchObject({
      outcome: 'MATCHED',
      matchedId: 'wu-qian-2',
      matchedName: 'Wu Qian (2)',
      by: 'id',
    });
    expect(decideEntity(wu, { ...nothingStored, existingType: 'ORGANIZATION', existingName: 'Wu & Co' })).toMatchObject({
      outcome: 'CONFLICT',
      matchedId: 'wu-qian-2',
      by: 'id',
      issue: { path: 'entity wu-qian-2', message: 'id "wu-qian-2" already belongs to a ORGANIZATION, not a PERSON' },
    });
  });

  it('follows a merged id to the entity it was merged into, and refuses it when that is of another type', () => {
    const merged = { ...nothingStored, keptId: 'wu-qian', keptType: 'PERSON', keptName: 'Wu Qian' };
    expect(decideEntity(wu, merged)).toMatchObject({ outcome: 'MATCHED', matchedId: 'wu-qian', matchedName: 'Wu Qian', by: 'merged' });
    expect(decideEntity(wu, { ...merged, keptType: 'COUNTRY' })).toMatchObject({
      outcome: 'CONFLICT',
      issue: { message: 'id "wu-qian-2" was merged into "wu-qian", a COUNTRY, not a PERSON' },
    });
  });
});
