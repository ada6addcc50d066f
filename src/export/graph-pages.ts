import type { Executor } from '../db/executor.js';
import { RELATION_TYPES } from '../model/types.js';
import { claimFilterParams, NO_CLAIM_FILTER, type ClaimFilter } from '../repositories/support/claim-filter-cypher.js';
import { claimPage, DOCUMENT_PAGE, entityPage, nameKeyPage, relationPage, reportPage, sourcePage } from './graph-queries.js';
import type { ClaimRow, DocumentRow, EntityRow, NameKeyRow, RelationEnds, RelationRow, ReportMethods, ReportRow, SourceRow } from './graph-rows.js';
import { DOCUMENT_PAGE_SIZE, keysetPages, type PageOptions } from './keyset-pages.js';

/** The whole graph, kind by kind, as async sequences of pages. */

export interface PagingOptions {
  /** Rows per query; the defaults suit large graphs, tests pass small sizes to exercise paging. */
  pageSize?: number;
  /** Only what is visible under asOf and minSources (documents are all kept). */
  filter?: ClaimFilter;
}

const filterOf = (options: PagingOptions) => options.filter ?? NO_CLAIM_FILTER;

/** The keyset options of one kind: its name, the page size, and the filter's parameters. */
function paging(name: string, options: PagingOptions): PageOptions {
  return { name, ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }), params: claimFilterParams(filterOf(options)) };
}

export function documentPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<DocumentRow[]> {
  return keysetPages<DocumentRow>(executor, DOCUMENT_PAGE, (row) => row.id, { name: 'export documents', pageSize: options.pageSize ?? DOCUMENT_PAGE_SIZE });
}

export function sourcePages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<SourceRow[]> {
  return keysetPages<SourceRow>(executor, sourcePage(filterOf(options)), (row) => row.id, paging('export sources', options));
}

export function entityPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<EntityRow[]> {
  return keysetPages<EntityRow>(executor, entityPage(false, filterOf(options)), (row) => row.id, paging('export entities', options));
}

export function entityPagesWithMethods(executor: Executor, options: PagingOptions = {}): AsyncGenerator<Array<EntityRow & ReportMethods>> {
  return keysetPages<EntityRow & ReportMethods>(
    executor,
    entityPage(true, filterOf(options)),
    (row) => row.id,
    paging('export entities with methods', options),
  );
}

/** Relations type by type (each type has its own id index), ordered by id within a type. */
export async function* relationPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<Array<RelationRow & RelationEnds>> {
  for (const type of RELATION_TYPES) {
    yield* keysetPages<RelationRow & RelationEnds>(
      executor,
      relationPage(type, false, filterOf(options)),
      (row) => row.id,
      paging(`export ${type} relations`, options),
    );
  }
}

export async function* relationPagesWithMethods(executor: Executor, options: PagingOptions = {}): AsyncGenerator<Array<RelationRow & ReportMethods>> {
  for (const type of RELATION_TYPES) {
    const cypher = relationPage(type, true, filterOf(options));
    yield* keysetPages<RelationRow & ReportMethods>(executor, cypher, (row) => row.id, paging(`export ${type} relations with methods`, options));
  }
}

export function reportPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<ReportRow[]> {
  return keysetPages<ReportRow>(executor, reportPage(filterOf(options)), (row) => row.id, paging('export reports', options));
}

export function claimPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<ClaimRow[]> {
  return keysetPages<ClaimRow>(executor, claimPage(filterOf(options)), (row) => row.relationId, paging('export claims', options));
}

export function nameKeyPages(executor: Executor, options: PagingOptions = {}): AsyncGenerator<NameKeyRow[]> {
  return keysetPages<NameKeyRow>(executor, nameKeyPage(filterOf(options)), (row) => row.key, paging('export name keys', options));
}
