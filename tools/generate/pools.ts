import type { EntityType } from '../../src/model/types.js';
import type { Random } from './random.js';

/**
 * The entities emitted so far, by type, in emission order: one Int32Array per
 * type rather than an object per entity, so a million entities cost ~4 MB.
 * A relation may only point at an entity in a pool, i.e. one already written.
 */
export class EntityPools {
  private readonly members: Record<EntityType, Int32Array>;
  private readonly sizes: Record<EntityType, number> = { PERSON: 0, ORGANIZATION: 0, COUNTRY: 0, LOCATION: 0, EVENT: 0 };

  constructor(capacity: Record<EntityType, number>) {
    this.members = {
      PERSON: new Int32Array(capacity.PERSON),
      ORGANIZATION: new Int32Array(capacity.ORGANIZATION),
      COUNTRY: new Int32Array(capacity.COUNTRY),
      LOCATION: new Int32Array(capacity.LOCATION),
      EVENT: new Int32Array(capacity.EVENT),
    };
  }

  add(type: EntityType, index: number): void {
    this.members[type][this.sizes[type]++] = index;
  }

  size(type: EntityType): number {
    return this.sizes[type];
  }

  /**
   * An entity of `type` drawn by Zipf rank over emission order: the oldest
   * entities become hubs, as in preferential attachment, and most get few links.
   */
  zipf(type: EntityType, random: Random): number {
    return this.members[type][random.zipfRank(this.sizes[type])]!;
  }

  uniform(type: EntityType, random: Random): number {
    return this.members[type][random.int(this.sizes[type])]!;
  }
}
