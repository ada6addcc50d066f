import type { BundleRelation, NdjsonReport } from '../../src/model/bundle-schema.js';
import type { EntityType } from '../../src/model/types.js';
import type { EntityPools } from './pools.js';
import { hash32, Random } from './random.js';
import { relationSentence } from './sentences.js';

/**
 * Follow-up reports: later documents reporting facts that earlier ones
 * introduced, so that facts have one, two or more sources, as news does.
 * Without them every entity and relation has exactly one report, and a
 * filter on independent sources (`minSources: 2`) leaves nothing.
 *
 * Two kinds, both drawn from a Random of their own (seeded from the stream's
 * seed), so the rest of the stream (entities, relations, their first
 * reports, ids) is the same with or without follow-ups; only documents'
 * texts grow and report lines are added:
 *
 * - each new entity and relation gets 0 to 3 later reports, scheduled 1 to
 *   30 documents later (up to ten days: three documents per day), so a fact
 *   first reported before an `asOf` date may be corroborated only after it;
 * - each document also mentions a few prominent entities again, drawn by
 *   Zipf rank like relation targets, so hubs are reported by many outlets.
 *
 * A follow-up's source is drawn like any report's (a general source by Zipf
 * rank, sometimes a quoted official), so it is often, not always, another
 * independent source: the same outlet reporting again adds a report, not a
 * source.
 */

/** Later reports per new entity or relation: 0 (half), 1, 2 or 3. */
const EXTRA_REPORTS = { '0': 50, '1': 30, '2': 13, '3': 7 } as const;
/** How far ahead a follow-up lands, in documents (three per day). */
const MAX_GAP = 30;
/** Prominent entities mentioned again per document. */
const HUB_MENTIONS = 6;
const HUB_TYPES: Partial<Record<EntityType, number>> = { PERSON: 30, ORGANIZATION: 25, COUNTRY: 15, LOCATION: 12, EVENT: 18 };
/** The salt of hash32 that seeds the follow-ups' Random. */
const SALT = 16;

export type FollowUpSubject =
  | { kind: 'entity'; index: number; type: EntityType }
  | { kind: 'relation'; relation: Pick<BundleRelation, 'id' | 'type' | 'role'>; fromIndex: number; fromType: EntityType; toIndex: number; toType: EntityType };

export interface FollowUpReport {
  subject: NdjsonReport['subject'];
  sentence: string;
}

type NameOf = (index: number, type: EntityType) => string;
type IdOf = (index: number, type: EntityType) => string;

function entityFollowUp(name: string, type: EntityType, random: Random): string {
  switch (type) {
    case 'PERSON':
      return random.pick([
        `${name} was named again in later accounts.`,
        `Witnesses said ${name} was present.`,
        `${name} was seen at the scene, a second account said.`,
      ]);
    case 'ORGANIZATION':
      return random.pick([`Later accounts also cited ${name}.`, `${name} was named again in follow-up reports.`]);
    case 'COUNTRY':
      return random.pick([`Diplomats from ${name} were mentioned again.`, `${name} was named in follow-up coverage.`]);
    case 'LOCATION':
      return random.pick([`Further reports came from ${name}.`, `${name} was mentioned again in later accounts.`]);
    case 'EVENT':
      return random.pick([`Later coverage returned to ${name}.`, `${name} was described again in a second account.`]);
  }
}

export class FollowUps {
  readonly random: Random;
  /** Follow-ups waiting for their document, by document index. */
  private readonly due = new Map<number, FollowUpSubject[]>();

  constructor(
    seed: number,
    private readonly documents: number,
    private readonly pools: EntityPools,
    private readonly nameOf: NameOf,
    private readonly idOf: IdOf,
  ) {
    this.random = new Random(hash32(seed, 0, SALT));
  }

  /** Schedules the later reports of a fact first reported in document `documentIndex`. */
  schedule(documentIndex: number, subject: FollowUpSubject): void {
    const count = Number(this.random.weighted(EXTRA_REPORTS));
    for (let n = 0; n < count; n++) {
      const at = documentIndex + 1 + this.random.int(MAX_GAP);
      if (at >= this.documents) continue;
      const list = this.due.get(at);
      if (list) list.push(subject);
      else this.due.set(at, [subject]);
    }
  }

  /** The follow-up reports document `documentIndex` carries: those scheduled for it, then its mentions of prominent entities. */
  take(documentIndex: number): FollowUpReport[] {
    const subjects = this.due.get(documentIndex) ?? [];
    this.due.delete(documentIndex);
    for (let n = 0; n < HUB_MENTIONS; n++) {
      const type = this.random.weighted(HUB_TYPES);
      if (this.pools.size(type) === 0) continue;
      subjects.push({ kind: 'entity', index: this.pools.zipf(type, this.random), type });
    }
    return subjects.map((subject) => this.report(subject));
  }

  private report(subject: FollowUpSubject): FollowUpReport {
    if (subject.kind === 'entity') {
      return {
        subject: { entity: this.idOf(subject.index, subject.type) },
        sentence: entityFollowUp(this.nameOf(subject.index, subject.type), subject.type, this.random),
      };
    }
    const { relation, fromIndex, fromType, toIndex, toType } = subject;
    const sentence = relationSentence(relation as BundleRelation, this.nameOf(fromIndex, fromType), this.nameOf(toIndex, toType), this.random);
    return { subject: { relation: relation.id }, sentence: `A second account said ${sentence}` };
  }
}
