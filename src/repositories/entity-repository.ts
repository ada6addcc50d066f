import neo4j from 'neo4j-driver';
import type { Executor } from '../db/executor.js';
import { normalizeName } from '../model/names.js';
import { ENTITY_LABEL, type EntityType } from '../model/types.js';
import { andAlso, claimFilterParams, entityVisible, isFiltered, NO_CLAIM_FILTER, whereLine, type ClaimFilter } from './support/claim-filter-cypher.js';
import { tallyTotalCypher } from '../claims/source-tally.js';
import { toPage, type Page } from './support/cursor.js';
import { ENTITY_PROJECTION, entityProjection, withDefaults, type EntityProperty, type EntityRecord, type PropertiesToRead } from './support/records.js';

const byIdsCypher = (filter: ClaimFilter) => `
UNWIND $ids AS id
MATCH (n:Entity {id: id})${whereLine(entityVisible('n', filter))}
RETURN ${ENTITY_PROJECTION} AS entity`;

/**
 * Unfiltered counts come from the label count store: O(1), no node is
 * loaded. Under minSources alone they come from the tally of source counts
 * kept at write time (claims/source-tally.ts): one small node per type. With
 * asOf a count has to look at every node of the label. The label is from the
 * closed enum.
 */
const countCypher = (type: EntityType | null, filter: ClaimFilter) => {
  if (filter.minSources !== null && filter.asOf === null) return tallyTotalCypher(type !== null);
  const visible = entityVisible('c', filter);
  return `MATCH (c:${type ? ENTITY_LABEL[type] : 'Entity'})${visible ? ` WHERE ${visible}` : ''} RETURN count(c) AS total`;
};

/**
 * A page, and its count when asked for, in one round trip. The type is written
 * in rather than `$type IS NULL OR ...`, which hides the predicate from the
 * planner: each variant is a range seek on an index that already returns ids
 * in order, (type, id) or the unique id, so there is no sort.
 */
const pageCypher = (type: EntityType | null, withTotal: boolean, filter: ClaimFilter, read: PropertiesToRead<EntityProperty>) => `
CALL () {
  MATCH (n:Entity)
  WHERE ${type ? 'n.type = $type AND ' : ''}n.id > $after${andAlso(entityVisible('n', filter))}
  WITH n
  ORDER BY ${type ? 'n.type, ' : ''}n.id
  LIMIT $limit
  RETURN collect(${entityProjection('n', read)}) AS entities
}
${withTotal ? `CALL () { ${countCypher(type, filter)} }` : 'WITH entities, null AS total'}
RETURN entities, total`;

/** The properties the ranking reads on every candidate, whatever the selection asks for. */
const RANKED_ON: readonly EntityProperty[] = ['name', 'aliases'];

/**
 * Every candidate is read, and most are dropped after ranking, so a candidate
 * carries only what the ranking and the selection need: the full record of
 * a hundred candidates costs four times the database hits of ranking them in
 * Cypher (docs/benchmarks.md, q4).
 */
const searchCypher = (read: PropertiesToRead<EntityProperty>, filter: ClaimFilter) => `
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates}) YIELD node AS n, score
WHERE ${isFiltered(filter) ? `($types IS NULL OR n.type IN $types) AND ${entityVisible('n', filter)}` : '$types IS NULL OR n.type IN $types'}
RETURN ${entityProjection('n', read === 'all' ? 'all' : new Set([...read, ...RANKED_ON]))} AS entity, score
LIMIT $candidates`;

export interface SearchHit {
  entity: EntityRecord;
  score: number;
}

/**
 * Reduces user text to the tokens the full-text analyzer would make (letters
 * and digits), so no Lucene syntax (`AT&T`, quotes, brackets, `~`, `*`, `/`)
 * can reach the query parser: it is searched as text and never errors.
 */
export function luceneQueryFor(text: string): string | null {
  const tokens = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 16);
  if (tokens.length === 0) return null;
  // Any token may match (more matches score higher); the phrase boost lifts names given in order.
  const prefixes = tokens.map((token) => `${token}*`).join(' OR ');
  return `${prefixes} OR "${tokens.join(' ')}"^4`;
}

/**
 * Exact name or alias matches first, then prefix matches, then the full-text
 * score; ties by name in code-unit order, the order of Cypher's ORDER BY, so
 * the ranking can be reproduced in a query (locale collation cannot).
 */
export function rankHits(query: string, hits: SearchHit[]): SearchHit[] {
  const wanted = normalizeName(query);
  const boost = (entity: EntityRecord) => {
    const names = [entity.name, ...entity.aliases].map(normalizeName);
    if (names.includes(wanted)) return 100;
    if (wanted && names.some((name) => name.startsWith(wanted))) return 50;
    return 0;
  };
  return hits
    .map((hit) => ({ entity: hit.entity, score: hit.score + boost(hit.entity) }))
    .sort((a, b) => b.score - a.score || byCodeUnits(a.entity.name, b.entity.name));
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class EntityRepository {
  constructor(private readonly db: Executor) {}

  /** The entities found among `ids`; under a filter, only those it lets through. */
  async byIds(ids: readonly string[], filter: ClaimFilter = NO_CLAIM_FILTER): Promise<Map<string, EntityRecord>> {
    const params = { ids: [...new Set(ids)], ...claimFilterParams(filter) };
    const rows = await this.db.read<{ entity: EntityRecord }>(byIdsCypher(filter), params, { name: 'entities by id' });
    return new Map(rows.map((row) => [row.entity.id, row.entity]));
  }

  /** A page of entities in id order; `total` only when `withTotal` (it is null otherwise). */
  async page(
    type: EntityType | null,
    first: number,
    after: string | null,
    withTotal: boolean,
    filter: ClaimFilter = NO_CLAIM_FILTER,
    read: PropertiesToRead<EntityProperty> = 'all',
  ): Promise<{ page: Page<EntityRecord>; total: number | null }> {
    // Every id sorts after the empty string, so the first page is the same range seek.
    const params = { type, after: after ?? '', limit: neo4j.int(first + 1), ...claimFilterParams(filter) };
    const [row] = await this.db.read<{ entities: EntityRecord[]; total: number | null }>(pageCypher(type, withTotal, filter, read), params, {
      name: 'entities page',
    });
    const entities = row?.entities ?? [];
    for (const entity of entities) withDefaults(entity);
    return { page: toPage(entities, first, (entity) => entity.id), total: row?.total ?? null };
  }

  /** The best `first` matches; with a set of properties, the entities carry only those (see entityProjection). */
  async search(
    query: string,
    types: readonly EntityType[] | null,
    first: number,
    read: PropertiesToRead<EntityProperty> = 'all',
    filter: ClaimFilter = NO_CLAIM_FILTER,
  ): Promise<SearchHit[]> {
    const lucene = luceneQueryFor(query);
    if (!lucene) return [];
    // Over-fetch, so exact and prefix matches ranked low by Lucene can still be lifted to the top.
    const candidates = Math.min(500, Math.max(50, first * 10));
    const params = { lucene, types, candidates: neo4j.int(candidates), ...claimFilterParams(filter) };
    const rows = await this.db.read<SearchHit>(searchCypher(read, filter), params, { name: 'search' });
    for (const row of rows) withDefaults(row.entity);
    return rankHits(query, rows).slice(0, first);
  }
}
