import type { BundleSource } from '../../src/model/bundle-schema.js';
import { hash32 } from './random.js';
import type { Random } from './random.js';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 've', 'di', 'pa', 'zo', 'be'];
const OUTLET_NAMES = ['Times', 'Daily', 'Observer', 'Post', 'Review', 'Monitor'];

/** Outlets most often, then agencies, then official documents. */
const GENERAL_KINDS = ['outlet', 'agency', 'outlet', 'document', 'outlet'] as const;

/** A new general source every few documents, a new quoted official more often. */
const GENERAL_EVERY = 5;
const OFFICIAL_EVERY = 3;

export interface OfficialSource {
  id: string;
  personId: string;
  personName: string;
}

/**
 * Sources appear along the stream, each before the first report that cites
 * it. Reports pick them by Zipf rank, so a few big outlets carry most news.
 * Only ids are kept: a few thousand strings for a million entities.
 */
export class SourceRegistry {
  private readonly general: string[] = [];
  private readonly officials: OfficialSource[] = [];

  constructor(private readonly seed: number) {}

  private word(n: number): string {
    const h = hash32(this.seed, n, 7);
    const word = SYLLABLES[h % 12]! + SYLLABLES[(h >>> 4) % 12]! + SYLLABLES[(h >>> 8) % 12]!;
    return word.charAt(0).toUpperCase() + word.slice(1);
  }

  /** General sources new at this document; the first document gets three so reports can vary. */
  introduceGeneral(documentIndex: number): BundleSource[] {
    const due = documentIndex === 0 ? 3 : documentIndex % GENERAL_EVERY === 0 ? 1 : 0;
    const added: BundleSource[] = [];
    for (let i = 0; i < due; i++) {
      const n = this.general.length;
      const kind = GENERAL_KINDS[n % GENERAL_KINDS.length]!;
      const word = this.word(n);
      const name =
        kind === 'outlet' ? `The ${word} ${OUTLET_NAMES[n % OUTLET_NAMES.length]}` : kind === 'agency' ? `${word} News Agency` : `${word} Commission Report`;
      const id = `${kind}-${n + 1}`;
      this.general.push(id);
      added.push({ id, name, kind });
    }
    return added;
  }

  /** Every few documents, a quoted official: a PERSON already in the stream, picked by the caller. */
  introduceOfficial(documentIndex: number, pickPerson: () => { id: string; name: string } | undefined): BundleSource[] {
    if (documentIndex % OFFICIAL_EVERY !== 1) return [];
    const person = pickPerson();
    if (!person) return [];
    const id = `official-${this.officials.length + 1}`;
    this.officials.push({ id, personId: person.id, personName: person.name });
    return [{ id, name: person.name, kind: 'official', entity: person.id }];
  }

  pickGeneral(random: Random): string {
    return this.general[random.zipfRank(this.general.length)]!;
  }

  pickOfficial(random: Random): OfficialSource | undefined {
    return this.officials.length > 0 ? this.officials[random.zipfRank(this.officials.length)] : undefined;
  }
}
