import neo4j from 'neo4j-driver';
import type { Executor } from '../db/executor.js';
import { RELATION_TYPES, type RelationType } from '../model/types.js';
import { claimFilterParams, entityVisible, isFiltered, relationPasses, whereLine, type ClaimFilter } from './support/claim-filter-cypher.js';
import {
  ENTITY_PROJECTION,
  RELATION_OF_CLAIM,
  RELATION_PROJECTION,
  relationProjection,
  relationReportsPattern,
  relationTypeExpression,
  reportProjection,
  withDefaults,
  type EntityProperty,
  type EntityRecord,
  type RelationRecord,
  type RelationProperty,
  type ReportLookup,
  type ReportProperty,
  type ReportRead,
  type SourceProperty,
} from './support/records.js';

export type Direction = 'OUT' | 'IN' | 'BOTH';

const ARROWS: Record<Direction, [string, string]> = { OUT: ['-', '->'], IN: ['<-', '-'], BOTH: ['-', '-'] };

// A relation's reports hang on its claim; read with the page when the selection asks for them, they cost no round trip.
const withReports = (lookups: readonly ReportLookup[], read: ReportRead) =>
  `{ .*, reports: COLLECT { MATCH ${relationReportsPattern('r.id')} RETURN ${reportProjection(lookups, read)} AS report ORDER BY rb.id } }`;

/** One page of relations for each of many entities, with the entities themselves, in one statement (no N+1). */
function relationsOfCypher(request: RelationsOfRequest): string {
  const [left, right] = ARROWS[request.direction];
  const types = request.types.length > 0 ? request.types : RELATION_TYPES;
  const filtered = isFiltered(request.filter);
  // Under a filter the far end is named, to check that it passes too; `n` is checked where it is matched.
  const pattern = `(n)${left}[r:${relationTypeExpression(types)}]${right}(${filtered ? 'm' : ''}:Entity)`;
  const visible = filtered ? `${relationPasses('r', request.filter)} AND ${entityVisible('m', request.filter)}` : '';
  const relation = relationProjection(new Set(request.endpointProperties), new Set(request.relationProperties));
  // The count runs only when the caller asked for totalCount.
  const total = request.withTotal
    ? `CALL (n) { MATCH ${pattern}${visible ? ` WHERE ${visible}` : ''} RETURN count(DISTINCT r) AS total }`
    : 'WITH n, relations, 0 AS total';
  return `
UNWIND $ids AS id
MATCH (n:Entity {id: id})${whereLine(entityVisible('n', request.filter))}
CALL (n) {
  MATCH ${pattern}
  WHERE ${visible ? `($after IS NULL OR r.id > $after) AND ${visible}` : '$after IS NULL OR r.id > $after'}
  WITH DISTINCT r
  ORDER BY r.id
  LIMIT $limit
  WITH r, ${relation} AS relation
  RETURN collect(${request.withReports ? `relation ${withReports(request.reportLookups, { report: new Set(request.reportProperties), source: new Set(request.sourceProperties) })}` : 'relation'}) AS relations
}
${total}
RETURN n.id AS id, ${ENTITY_PROJECTION} AS entity, relations, total`;
}

const BY_IDS = `
UNWIND $ids AS id
MATCH (c:Claim {relationId: id})
${RELATION_OF_CLAIM}
RETURN ${RELATION_PROJECTION} AS relation`;

export interface RelationsOfRequest {
  types: readonly RelationType[];
  direction: Direction;
  first: number;
  after: string | null;
  withTotal: boolean;
  /** Read each relation's reports in the same statement. */
  withReports: boolean;
  /** The endpoint properties to read (the others are left out: see entityProjection). */
  endpointProperties: readonly EntityProperty[];
  /** The relation properties to read beside id, type and endpoints. */
  relationProperties: readonly RelationProperty[];
  /** The properties each report read with the page carries beside id, source id and date, and those of its source. */
  reportProperties: readonly ReportProperty[];
  sourceProperties: readonly SourceProperty[];
  /** What to look up for each report read with the page. */
  reportLookups: readonly ReportLookup[];
  /** Only relations visible under it, of an entity visible under it (none when the entity is not). */
  filter: ClaimFilter;
}

/** An entity (read in the same statement, so a caller asking for both pays one round trip) and one page of its relations. */
export interface EntityRelations {
  entity: EntityRecord | null;
  relations: RelationRecord[];
  total: number;
}

export class RelationRepository {
  constructor(private readonly db: Executor) {}

  async relationsOf(ids: readonly string[], request: RelationsOfRequest): Promise<Map<string, EntityRelations>> {
    const rows = await this.db.read<{ id: string } & EntityRelations>(
      relationsOfCypher(request),
      { ids: [...new Set(ids)], after: request.after, limit: neo4j.int(request.first + 1), ...claimFilterParams(request.filter) },
      { name: 'relations of entities' },
    );
    for (const relation of rows.flatMap((row) => row.relations)) {
      if (relation.fromEntity) withDefaults(relation.fromEntity);
      if (relation.toEntity) withDefaults(relation.toEntity);
    }
    return new Map(rows.map((row) => [row.id, { entity: row.entity, relations: row.relations, total: row.total }]));
  }

  async byIds(ids: readonly string[]): Promise<Map<string, RelationRecord>> {
    const rows = await this.db.read<{ relation: RelationRecord }>(BY_IDS, { ids: [...new Set(ids)] }, { name: 'relations by id' });
    return new Map(rows.map((row) => [row.relation.id, row.relation]));
  }
}
