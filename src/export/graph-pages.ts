import type { Executor } from '../db/executor.js';
import { RELATION_TYPES } from '../model/types.js';
import {
  CLAIM_PAGE,
  DOCUMENT_PAGE,
  ENTITY_PAGE,
  ENTITY_PAGE_WITH_METHODS,
  NAME_KEY_PAGE,
  RELATION_PAGE,
  RELATION_PAGE_WITH_METHODS,
  REPORT_PAGE,
  SOURCE_PAGE,
} from './graph-queries.js';
import type { ClaimRow, DocumentRow, EntityRow, NameKeyRow, RelationRow, ReportMethods, ReportRow, SourceRow } from './graph-rows.js';
import { DOCUMENT_PAGE_SIZE, keysetPages } from './keyset-pages.js';

/** The whole graph, kind by kind, as async sequences of pages. */

export interface PagingOptions {
  /** Rows per query; the defaults suit large graphs, tests pass small sizes to exercise paging. */
  pageSize?: number;
}

export function documentPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<DocumentRow[]> {
  return keysetPages<DocumentRow>(executor, DOCUMENT_PAGE, (row) => row.id, { name: 'export documents', pageSize: options.pageSize ?? DOCUMENT_PAGE_SIZE });
}

export function sourcePages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<SourceRow[]> {
  return keysetPages<SourceRow>(executor, SOURCE_PAGE, (row) => row.id, { name: 'export sources', ...options });
}

export function entityPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<EntityRow[]> {
  return keysetPages<EntityRow>(executor, ENTITY_PAGE, (row) => row.id, { name: 'export entities', ...options });
}

export function entityPagesWithMethods(executor: Executor, options: PagingOptions = {}): AsyncGenerator<Array<EntityRow & ReportMethods>> {
  return keysetPages<EntityRow & ReportMethods>(executor, ENTITY_PAGE_WITH_METHODS, (row) => row.id, { name: 'export entities with methods', ...options });
}

/** Relations type by type (each type has its own id index), ordered by id within a type. */
export async function* relationPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<RelationRow[]> {
  for (const type of RELATION_TYPES) {
    yield* keysetPages<RelationRow>(executor, RELATION_PAGE[type], (row) => row.id, { name: `export ${type} relations`, ...options });
  }
}

export async function* relationPagesWithMethods(executor: Executor, options: PagingOptions = {}): AsyncGenerator<Array<RelationRow & ReportMethods>> {
  for (const type of RELATION_TYPES) {
    yield* keysetPages<RelationRow & ReportMethods>(executor, RELATION_PAGE_WITH_METHODS[type], (row) => row.id, { name: `export ${type} relations with methods`, ...options });
  }
}

export function reportPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<ReportRow[]> {
  return keysetPages<ReportRow>(executor, REPORT_PAGE, (row) => row.id, { name: 'export reports', ...options });
}

export function claimPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<ClaimRow[]> {
  return keysetPages<ClaimRow>(executor, CLAIM_PAGE, (row) => row.relationId, { name: 'export claims', ...options });
}

export function nameKeyPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<NameKeyRow[]> {
  return keysetPages<NameKeyRow>(executor, NAME_KEY_PAGE, (row) => row.key, { name: 'export name keys', ...options });
}
