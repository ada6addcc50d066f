import DataLoader from 'dataloader';
import type { Repositories } from './repositories/index.js';
import type { ClaimFilter } from './repositories/support/claim-filter-cypher.js';
import type { PageRequest } from './repositories/provenance-repository.js';
import type { EntityRelations, RelationsOfRequest } from './repositories/relation-repository.js';
import type { DocumentRecord, EntityRecord, RelationRecord, ReportRecord, SourceRecord } from './repositories/support/records.js';

/**
 * Per-request DataLoaders: every field that needs rows by id is batched into
 * one query per kind and level of the selection, so the number of Cypher
 * round trips does not grow with the size of the result.
 */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  /** Entities visible under a read filter: one loader per filter, so two filters never share an answer. */
  entityUnder(filter: ClaimFilter): DataLoader<string, EntityRecord | null>;
  relation: DataLoader<string, RelationRecord | null>;
  source: DataLoader<string, SourceRecord | null>;
  document: DataLoader<string, DocumentRecord | null>;
  documentText: DataLoader<string, string | null>;
  reportsOfEntity: DataLoader<string, ReportRecord[]>;
  reportsOfRelation: DataLoader<string, ReportRecord[]>;
  relationsOf(request: RelationsOfRequest): DataLoader<string, EntityRelations>;
  reportsBySource(request: PageRequest): DataLoader<string, { reports: ReportRecord[]; total: number }>;
}

/** One loader per distinct argument set, so fields asked with the same arguments share one query. */
function perRequest<R, V>(load: (request: R) => DataLoader<string, V>): (request: R) => DataLoader<string, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (request) => {
    const key = JSON.stringify(request);
    let loader = loaders.get(key);
    if (!loader) {
      loader = load(request);
      loaders.set(key, loader);
    }
    return loader;
  };
}

function byKey<V>(load: (ids: readonly string[]) => Promise<Map<string, V>>, missing: V): DataLoader<string, V> {
  return new DataLoader(async (ids) => {
    const found = await load(ids);
    return ids.map((id) => found.get(id) ?? missing);
  });
}

export function createLoaders(repos: Repositories): Loaders {
  return {
    entity: byKey((ids) => repos.entities.byIds(ids), null),
    entityUnder: perRequest((filter: ClaimFilter) => byKey((ids) => repos.entities.byIds(ids, filter), null)),
    relation: byKey((ids) => repos.relations.byIds(ids), null),
    source: byKey((ids) => repos.provenance.sourcesByIds(ids), null),
    document: byKey((ids) => repos.provenance.documentsByIds(ids), null),
    documentText: byKey((ids) => repos.provenance.documentTexts(ids), null),
    reportsOfEntity: byKey((ids) => repos.provenance.reportsOfEntities(ids), []),
    reportsOfRelation: byKey((ids) => repos.provenance.reportsOfRelations(ids), []),
    relationsOf: perRequest((request: RelationsOfRequest) =>
      byKey((ids) => repos.relations.relationsOf(ids, request), { entity: null, relations: [], total: 0 }),
    ),
    reportsBySource: perRequest((request: PageRequest) => byKey((ids) => repos.provenance.reportsBySources(ids, request), { reports: [], total: 0 })),
  };
}
