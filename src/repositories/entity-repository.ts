import neo4j from 'neo4j-driver';
import type { Executor } from '../db/executor.js';
import { normalizeName } from '../model/names.js';
import { ENTITY_LABEL, type EntityType } from '../model/types.js';
import { toPage, type Page } from './cursor.js';
import { ENTITY_PROJECTION, type EntityRecord } from './records.js';

const BY_IDS = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN ${ENTITY_PROJECTION} AS entity`;

// Two statements rather than `$type IS NULL OR ...`, which hides the predicate from the planner: each is
// a range seek on an index that already returns ids in order, (type, id) or the unique id, so no sort.
const PAGE_TYPED = `
MATCH (n:Entity)
WHERE n.type = $type AND n.id > $after
RETURN ${ENTITY_PROJECTION} AS entity
ORDER BY n.type, n.id
LIMIT $limit`;

const PAGE_ALL = `
MATCH (n:Entity)
WHERE n.id > $after
RETURN ${ENTITY_PROJECTION} AS entity
ORDER BY n.id
LIMIT $limit`;

// Counts come from the label count store: O(1), no node is loaded. The label is from the closed enum.
const countCypher = (type: EntityType | null) => `MATCH (n:${type ? ENTITY_LABEL[type] : 'Entity'}) RETURN count(n) AS total`;

const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $candidates}) YIELD node AS n, score
WHERE $types IS NULL OR n.type IN $types
RETURN ${ENTITY_PROJECTION} AS entity, score
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
  const tokens = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 16);
  if (tokens.length === 0) return null;
  // Any token may match (more matches score higher); the phrase boost lifts names given in order.
  const prefixes = tokens.map((token) => `${token}*`).join(' OR ');
  return `${prefixes} OR "${tokens.join(' ')}"^4`;
}

/** Exact name or alias matches first, then prefix matches, then the full-text score. */
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
    .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name));
}

export class EntityRepository {
  constructor(private readonly db: Executor) {}

  async byIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const rows = await this.db.read<{ entity: EntityRecord }>(BY_IDS, { ids: [...new Set(ids)] }, { name: 'entities by id' });
    return new Map(rows.map((row) => [row.entity.id, row.entity]));
  }

  async page(type: EntityType | null, first: number, after: string | null): Promise<Page<EntityRecord>> {
    // Every id sorts after the empty string, so the first page is the same range seek.
    const params = { type, after: after ?? '', limit: neo4j.int(first + 1) };
    const rows = await this.db.read<{ entity: EntityRecord }>(type ? PAGE_TYPED : PAGE_ALL, params, { name: 'entities page' });
    return toPage(
      rows.map((row) => row.entity),
      first,
      (entity) => entity.id,
    );
  }

  async count(type: EntityType | null): Promise<number> {
    const [row] = await this.db.read<{ total: number }>(countCypher(type), {}, { name: 'entities count' });
    return row?.total ?? 0;
  }

  async search(query: string, types: readonly EntityType[] | null, first: number): Promise<SearchHit[]> {
    const lucene = luceneQueryFor(query);
    if (!lucene) return [];
    // Over-fetch, so exact and prefix matches ranked low by Lucene can still be lifted to the top.
    const candidates = Math.min(500, Math.max(50, first * 10));
    const rows = await this.db.read<SearchHit>(SEARCH, { lucene, types, candidates: neo4j.int(candidates) }, { name: 'search' });
    return rankHits(query, rows).slice(0, first);
  }
}
