import { readRecords, type StreamProgress } from '../ingest/ndjson.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type Bundle,
  type BundleDocument,
  type BundleEntity,
  type BundleRelation,
  type BundleSource,
  type NdjsonReport,
} from '../model/bundle-schema.js';
import { FileProblem } from './ingest-files.js';

/**
 * An NDJSON stream cut into bundles, for `newsgraph ingest --api`: the API
 * takes bundles (ingestBundle), each one document with what its reports need.
 * So each document goes with its reports and the sources, entities and
 * relations they name (relation ends, a source's person, a publisher
 * included); a record several documents need goes with each of them, and the
 * service matches it by id the second time. Records no report names ride in
 * extra bundles that repeat the smallest document, which the service accepts
 * again unchanged. The stream is held in memory to be grouped.
 */

/** Records no report names, per extra bundle. */
const LEFTOVERS_PER_BUNDLE = 2000;

export interface StreamBundle {
  bundle: Bundle;
  /** The stream's records it carries for the first time (repeats are not counted). */
  records: number;
}

interface Stream {
  documents: BundleDocument[];
  sources: Map<string, BundleSource>;
  entities: Map<string, BundleEntity>;
  relations: Map<string, BundleRelation>;
  reports: Map<string, NdjsonReport[]>;
}

async function readStream(file: string, onProgress?: (progress: StreamProgress) => void): Promise<Stream> {
  const stream: Stream = { documents: [], sources: new Map(), entities: new Map(), relations: new Map(), reports: new Map() };
  for await (const { record } of readRecords(file, onProgress)) {
    // The file was validated before: an issue here means it changed since.
    if (Array.isArray(record))
      throw new FileProblem(file, `${file} changed after it was validated (${record[0]?.path}: ${record[0]?.message}); nothing more was sent`);
    if (record.kind === 'document') stream.documents.push(record.value);
    else if (record.kind === 'source') stream.sources.set(record.value.id, record.value);
    else if (record.kind === 'entity') stream.entities.set(record.value.id, record.value);
    else if (record.kind === 'relation') stream.relations.set(record.value.id, record.value);
    else if (record.kind === 'report') {
      // Appended in place: copying the list at each report took quadratic time for a document with many reports.
      const reports = stream.reports.get(record.value.document);
      if (reports) reports.push(record.value);
      else stream.reports.set(record.value.document, [record.value]);
    }
  }
  return stream;
}

/** Collects one bundle's records and everything they point at. */
class BundleParts {
  readonly sources = new Map<string, BundleSource>();
  readonly entities = new Map<string, BundleEntity>();
  readonly relations = new Map<string, BundleRelation>();

  constructor(private readonly stream: Stream) {}

  addEntity(id: string | undefined): void {
    const entity = id === undefined ? undefined : this.stream.entities.get(id);
    if (entity) this.entities.set(entity.id, entity);
  }

  addSource(id: string | undefined): void {
    const source = id === undefined ? undefined : this.stream.sources.get(id);
    if (!source) return;
    this.sources.set(source.id, source);
    this.addEntity(source.entity ?? undefined);
  }

  addRelation(id: string): void {
    const relation = this.stream.relations.get(id);
    if (!relation) return;
    this.relations.set(relation.id, relation);
    this.addEntity(relation.from);
    this.addEntity(relation.to);
  }

  toBundle(document: BundleDocument, reports: NdjsonReport[]): Bundle {
    this.addSource(document.publisher ?? undefined);
    return {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      document,
      sources: [...this.sources.values()],
      entities: [...this.entities.values()],
      relations: [...this.relations.values()],
      reports: reports.map(({ document: _document, ...report }) => report),
    } as Bundle;
  }
}

/** The stream's bundles in order: one per document, then the extra bundles of records no report names. */
export async function streamBundles(file: string, onProgress?: (progress: StreamProgress) => void): Promise<StreamBundle[]> {
  const stream = await readStream(file, onProgress);
  if (stream.documents.length === 0) {
    throw new FileProblem(file, `${file} has no document: the API takes bundles, each with a document, so load it without --api (with NEO4J_URI)`);
  }
  const sent = new Set<string>();
  const bundles: StreamBundle[] = [];
  for (const document of stream.documents) {
    const reports = stream.reports.get(document.id) ?? [];
    const parts = new BundleParts(stream);
    for (const report of reports) {
      if ('entity' in report.subject) parts.addEntity(report.subject.entity);
      else parts.addRelation(report.subject.relation);
      parts.addSource(report.source);
      parts.addEntity(report.attributedTo);
    }
    const bundle = parts.toBundle(document, reports);
    bundles.push({ bundle, records: 1 + reports.length + countNew(bundle, sent) });
  }
  bundles.push(...leftoverBundles(stream, sent));
  return bundles;
}

/** Counts the bundle's records not sent before, and marks them sent. */
function countNew(bundle: Bundle, sent: Set<string>): number {
  const counted = (key: string) => (sent.has(key) ? 0 : (sent.add(key), 1));
  let records = 0;
  for (const source of bundle.sources) records += counted(`source:${source.id}`);
  for (const entity of bundle.entities) records += counted(`entity:${entity.id}`);
  for (const relation of bundle.relations) records += counted(`relation:${relation.id}`);
  return records;
}

function leftoverBundles(stream: Stream, sent: Set<string>): StreamBundle[] {
  const host = stream.documents.reduce((small, document) => (document.text.length < small.text.length ? document : small));
  const left = [
    ...[...stream.sources.keys()].map((id) => ({ key: `source:${id}`, add: (parts: BundleParts) => parts.addSource(id) })),
    ...[...stream.entities.keys()].map((id) => ({ key: `entity:${id}`, add: (parts: BundleParts) => parts.addEntity(id) })),
    ...[...stream.relations.keys()].map((id) => ({ key: `relation:${id}`, add: (parts: BundleParts) => parts.addRelation(id) })),
  ].filter((record) => !sent.has(record.key));
  const bundles: StreamBundle[] = [];
  for (let at = 0; at < left.length; at += LEFTOVERS_PER_BUNDLE) {
    const parts = new BundleParts(stream);
    for (const record of left.slice(at, at + LEFTOVERS_PER_BUNDLE)) record.add(parts);
    const bundle = parts.toBundle(host, []);
    bundles.push({ bundle, records: countNew(bundle, sent) });
  }
  return bundles;
}
