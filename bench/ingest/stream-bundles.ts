import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../src/model/bundle-schema.js';
import { recordBatches, type StreamRecord } from './stream.js';

/**
 * Cuts an NDJSON stream into bundles for `ingestBundle`. A bundle holds
 * exactly one document (src/model/bundle-schema.ts), so a bundle is one
 * document's records, or part of them when a document has more than
 * `maxRecords` (the document is then sent again with each part, which a
 * stored document of the same text accepts). A bundle is checked on its own:
 * every entity, relation and source its records refer to must be in it, so
 * what earlier bundles already wrote is sent again as it was given (stubs).
 * Resending a record leaves the graph as it was: the same values are merged
 * on the same keys.
 */

type Fields = Record<string, unknown>;

export interface StreamBundle {
  bundle: {
    format: string;
    version: number;
    document: Fields;
    sources: Fields[];
    entities: Fields[];
    relations: Fields[];
    reports: Fields[];
  };
  /** Records of the stream this bundle carries. */
  records: number;
  /** Records sent again: the stubs, and the document of a continued part. */
  repeated: number;
}

/** The latest record of each id the stream has given so far, to send again where a later bundle refers to it. */
interface Seen {
  sources: Map<string, Fields>;
  entities: Map<string, Fields>;
  relations: Map<string, Fields>;
}

const SEEN_OF = {
  source: (seen: Seen) => seen.sources,
  entity: (seen: Seen) => seen.entities,
  relation: (seen: Seen) => seen.relations,
} as const;

function withoutTag(record: StreamRecord): Fields {
  const { record: _kind, ...fields } = record;
  return fields;
}

function stubOf(seen: Map<string, Fields>, id: string, what: string): Fields {
  const record = seen.get(id);
  if (!record) throw new Error(`the stream refers to ${what} "${id}" before giving it; a bundle cannot carry that`);
  return record;
}

class BundleDraft {
  readonly sources = new Map<string, Fields>();
  readonly entities = new Map<string, Fields>();
  readonly relations = new Map<string, Fields>();
  readonly reports: Fields[] = [];
  records = 0;

  constructor(
    readonly document: Fields,
    readonly documentRepeated: boolean,
  ) {
    if (!documentRepeated) this.records = 1;
  }

  add(record: StreamRecord): void {
    const fields = withoutTag(record);
    if (record.record === 'source') this.sources.set(fields.id as string, fields);
    else if (record.record === 'entity') this.entities.set(fields.id as string, fields);
    else if (record.record === 'relation') this.relations.set(fields.id as string, fields);
    else {
      const { document, ...report } = fields;
      if (document !== this.document.id)
        throw new Error(
          `report ${String(report.id)} of document "${String(document)}" comes after document "${String(this.document.id)}"; only streams that give each document's reports right after it are cut into bundles`,
        );
      this.reports.push(report);
    }
    this.records += 1;
  }

  /** The bundle, with the records it refers to but does not hold added from `seen`. */
  complete(seen: Seen): StreamBundle {
    const sources = new Map(this.sources);
    const relations = new Map(this.relations);
    const entities = new Map(this.entities);
    const needSource = (id: string) => sources.has(id) || sources.set(id, stubOf(seen.sources, id, 'source'));
    if (this.document.publisher) needSource(this.document.publisher as string);
    for (const report of this.reports) needSource(report.source as string);
    for (const report of this.reports) {
      const relation = (report.subject as { relation?: string }).relation;
      if (relation !== undefined && !relations.has(relation)) relations.set(relation, stubOf(seen.relations, relation, 'relation'));
    }
    const needEntity = (id: unknown) => typeof id !== 'string' || entities.has(id) || entities.set(id, stubOf(seen.entities, id, 'entity'));
    for (const relation of relations.values()) [relation.from, relation.to].forEach(needEntity);
    for (const source of sources.values()) needEntity(source.entity);
    for (const report of this.reports) [(report.subject as { entity?: string }).entity, report.attributedTo].forEach(needEntity);
    const stubs = sources.size - this.sources.size + relations.size - this.relations.size + entities.size - this.entities.size;
    return {
      bundle: {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        document: this.document,
        sources: [...sources.values()],
        entities: [...entities.values()],
        relations: [...relations.values()],
        reports: this.reports,
      },
      records: this.records,
      repeated: stubs + (this.documentRepeated ? 1 : 0),
    };
  }
}

/** The stream's bundles, in stream order, each of at most about `maxRecords` of the stream's records (stubs aside). */
export async function* streamBundles(path: string, maxRecords: number): AsyncGenerator<StreamBundle> {
  const seen: Seen = { sources: new Map(), entities: new Map(), relations: new Map() };
  let document: Fields | null = null;
  let draft: BundleDraft | null = null;
  for await (const batch of recordBatches(path, maxRecords)) {
    for (const record of batch) {
      if (record.record === 'document') {
        if (draft) yield draft.complete(seen);
        document = withoutTag(record);
        draft = new BundleDraft(document, false);
        continue;
      }
      if (!document) throw new Error(`a ${record.record} record before the stream's first document; a bundle needs its document`);
      draft ??= new BundleDraft(document, true);
      draft.add(record);
      // Remembered once added: a bundle's own records are never stubs of themselves.
      if (record.record !== 'report') SEEN_OF[record.record](seen).set(record.id as string, withoutTag(record));
      if (draft.records >= maxRecords) {
        yield draft.complete(seen);
        draft = null;
      }
    }
  }
  if (draft) yield draft.complete(seen);
}
