import type { Bundle, BundleDocument, BundleEntity, BundleRelation, BundleReport, BundleSource } from '../model/bundle-schema.js';

/** Records written together in one transaction. A bundle is one batch; a stream is many. */
export interface Batch {
  documents: BundleDocument[];
  sources: BundleSource[];
  entities: BundleEntity[];
  relations: BundleRelation[];
  reports: Array<BundleReport & { document: string }>;
}

export function emptyBatch(): Batch {
  return { documents: [], sources: [], entities: [], relations: [], reports: [] };
}

export function batchSize(batch: Batch): number {
  return batch.documents.length + batch.sources.length + batch.entities.length + batch.relations.length + batch.reports.length;
}

export function bundleToBatch(bundle: Bundle): Batch {
  return {
    documents: [bundle.document],
    sources: bundle.sources,
    entities: bundle.entities,
    relations: bundle.relations,
    reports: bundle.reports.map((report) => ({ ...report, document: bundle.document.id })),
  };
}

export interface EntityMatch {
  id: string;
  /** The existing entity it was resolved to. */
  matchedId: string;
  /** `merged`: the id was merged into matchedId by mergeEntities. */
  by: 'id' | 'merged' | 'name' | 'alias';
  /** The bundle's name or alias that matched, for `name` and `alias`. */
  value?: string;
}

export interface AmbiguousMatch {
  id: string;
  name: string;
  candidates: string[];
}

export interface IngestReport {
  documents: number;
  sources: number;
  entities: { created: number; matched: number; ambiguous: number };
  relations: { created: number; matched: number };
  reports: number;
  /** Ids created (the first 1000, so a bulk load's report stays small). */
  createdEntityIds: string[];
  matches: EntityMatch[];
  ambiguities: AmbiguousMatch[];
}

const CREATED_IDS_KEPT = 1000;
const MATCHES_KEPT = 10_000;

export function emptyReport(): IngestReport {
  return {
    documents: 0,
    sources: 0,
    entities: { created: 0, matched: 0, ambiguous: 0 },
    relations: { created: 0, matched: 0 },
    reports: 0,
    createdEntityIds: [],
    matches: [],
    ambiguities: [],
  };
}

/** Adds one batch's report into a running total, keeping the lists bounded. */
export function addReports(total: IngestReport, part: IngestReport): IngestReport {
  total.documents += part.documents;
  total.sources += part.sources;
  total.entities.created += part.entities.created;
  total.entities.matched += part.entities.matched;
  total.entities.ambiguous += part.entities.ambiguous;
  total.relations.created += part.relations.created;
  total.relations.matched += part.relations.matched;
  total.reports += part.reports;
  total.createdEntityIds.push(...part.createdEntityIds.slice(0, Math.max(0, CREATED_IDS_KEPT - total.createdEntityIds.length)));
  total.matches.push(...part.matches.slice(0, Math.max(0, MATCHES_KEPT - total.matches.length)));
  total.ambiguities.push(...part.ambiguities);
  return total;
}
