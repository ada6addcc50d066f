import type { CountingTransaction } from '../db/executor.js';
import type { BundleEntity, BundleRelation } from '../model/bundle-schema.js';
import { nameKeys } from '../model/names.js';
import type { ValidationIssue } from '../model/references.js';
import { RELATION_TYPES, type RelationType } from '../model/types.js';
import type { AmbiguousMatch, EntityMatch } from './batch.js';

/**
 * Entity resolution: a bundle entity whose id is unknown is matched to the
 * entity it was merged into, if it was (so an old export does not revive
 * it), or else to an existing entity of the same type by normalized name or
 * alias. One candidate is a match; several are reported as ambiguous and
 * never merged. The caller has claimed the name keys (locks.ts), so a
 * concurrent ingest of the same new name waits and then finds this one's.
 */

const LOOKUP_ENTITIES = `
UNWIND $entities AS e
OPTIONAL MATCH (byId:Entity {id: e.id})
OPTIONAL MATCH (:MergedId {id: e.id})-[:MERGED_INTO]->(kept:Entity)
CALL (e) {
  UNWIND e.keys AS key
  MATCH (:NameKey {key: key})-[:NAMES]->(candidate:Entity)
  RETURN collect(DISTINCT {id: candidate.id, name: candidate.name, key: key}) AS candidates
}
RETURN e.id AS id, byId.type AS existingType, byId.name AS existingName, kept.id AS keptId, kept.type AS keptType, kept.name AS keptName, candidates`;

/** What the graph holds for one bundle entity: the entity of its id, the entity its id was merged into, and the entities its names name. */
export interface EntityLookup {
  id: string;
  existingType: string | null;
  existingName: string | null;
  keptId: string | null;
  keptType: string | null;
  keptName: string | null;
  candidates: Array<{ id: string; name: string; key: string }>;
}

export interface EntityCandidate {
  id: string;
  name: string;
}

/**
 * How one bundle entity resolves. A stored id of another type is a conflict
 * (ingest refuses the bundle); `candidates` are always the existing entities
 * of its type that one of its names or aliases names, sorted by id.
 */
export type EntityDecision = { candidates: EntityCandidate[] } & (
  | { outcome: 'MATCHED'; matchedId: string; matchedName: string; by: EntityMatch['by']; value?: string }
  | { outcome: 'CONFLICT'; matchedId: string; matchedName: string; by: 'id' | 'merged'; issue: ValidationIssue }
  | { outcome: 'AMBIGUOUS' }
  | { outcome: 'NEW' }
);

/**
 * Looks up every entity in one statement. Read-only: ingest runs it after
 * claiming the name keys, the resolution preview without (see
 * resolution-preview.ts); both then decide with `decideEntity`.
 */
export async function lookupEntities(tx: CountingTransaction, entities: readonly BundleEntity[]): Promise<Map<string, EntityLookup>> {
  if (entities.length === 0) return new Map();
  const lookup = entities.map((entity) => ({ id: entity.id, keys: nameKeys(entity.type, [entity.name, ...entity.aliases]) }));
  const result = await tx.run<EntityLookup & Record<string, unknown>>(LOOKUP_ENTITIES, { entities: lookup });
  return new Map(result.records.map((record) => [record.get('id'), record.toObject()]));
}

export function decideEntity(entity: BundleEntity, found: EntityLookup): EntityDecision {
  const byId = new Map(found.candidates.map((candidate) => [candidate.id, { id: candidate.id, name: candidate.name }]));
  const candidates = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stored =
    found.existingType !== null
      ? { matchedId: entity.id, matchedName: found.existingName!, type: found.existingType, by: 'id' as const }
      : found.keptId !== null
        ? { matchedId: found.keptId, matchedName: found.keptName!, type: found.keptType!, by: 'merged' as const }
        : null;
  if (stored) {
    const { type, ...match } = stored;
    if (type === entity.type) return { outcome: 'MATCHED', ...match, candidates };
    const owner = stored.by === 'id' ? 'already belongs to' : `was merged into "${stored.matchedId}",`;
    return {
      outcome: 'CONFLICT',
      ...match,
      candidates,
      issue: { path: `entity ${entity.id}`, message: `id "${entity.id}" ${owner} a ${type}, not a ${entity.type}` },
    };
  }
  if (candidates.length > 1) return { outcome: 'AMBIGUOUS', candidates };
  if (candidates.length === 0) return { outcome: 'NEW', candidates };
  // The entity's own name wins over an alias when both name the one candidate.
  const nameKey = nameKeys(entity.type, [entity.name])[0];
  const byName = found.candidates.some((candidate) => candidate.key === nameKey);
  const key = found.candidates[0]!.key;
  const value = byName ? entity.name : entity.aliases.find((alias) => nameKeys(entity.type, [alias])[0] === key);
  return { outcome: 'MATCHED', matchedId: candidates[0]!.id, matchedName: candidates[0]!.name, by: byName ? 'name' : 'alias', value, candidates };
}

export interface EntityResolution {
  /** Bundle id → id in the graph, for every entity of the batch. */
  ids: Map<string, string>;
  created: string[];
  matches: EntityMatch[];
  ambiguities: AmbiguousMatch[];
  conflicts: ValidationIssue[];
}

export async function resolveEntities(tx: CountingTransaction, entities: BundleEntity[]): Promise<EntityResolution> {
  const resolution: EntityResolution = { ids: new Map(), created: [], matches: [], ambiguities: [], conflicts: [] };
  const found = await lookupEntities(tx, entities);
  for (const entity of entities) {
    const decision = decideEntity(entity, found.get(entity.id)!);
    const { id } = entity;
    if (decision.outcome === 'MATCHED' || decision.outcome === 'CONFLICT') {
      if (decision.outcome === 'CONFLICT') resolution.conflicts.push(decision.issue);
      resolution.ids.set(id, decision.matchedId);
      resolution.matches.push({
        id,
        matchedId: decision.matchedId,
        by: decision.by,
        ...(decision.outcome === 'MATCHED' && decision.value !== undefined ? { value: decision.value } : {}),
      });
      continue;
    }
    if (decision.outcome === 'AMBIGUOUS')
      resolution.ambiguities.push({ id, name: entity.name, candidates: decision.candidates.map((candidate) => candidate.id) });
    resolution.ids.set(id, id);
    resolution.created.push(id);
  }
  return resolution;
}

/**
 * The id of a stored relation stating the same fact as one being written:
 * same type, same endpoints (`a` and `b`, already matched), and periods that
 * overlap (a relation without dates overlaps every period). The role is each
 * report's wording, not part of the fact: "commanding officer of Chinese
 * troops" and "PLA commander for the drills" are one COMMANDS relation. One
 * definition for ingest and for edits. The type comes from the closed enum,
 * so Neo4j reads only that type's relationships; the endpoints are found
 * before this subquery, so the expansion between them is an Expand(Into),
 * which walks whichever endpoint has fewer relationships. As one pattern, the
 * planner may pick a side for a whole batch, expand it and filter on the
 * other end's id: a relation to a hub would read all of the hub's
 * relationships of that type (tests/int/hub-lookups.int.test.ts).
 */
export const sameFactCall = (type: RelationType, period: 'r' | '$') => `CALL (*) {
  OPTIONAL MATCH (a)-[same:${type}]->(b)
  WHERE ${periodsOverlap('same.startDate', 'same.endDate', `${period === 'r' ? 'r.' : '$'}startDate`, `${period === 'r' ? 'r.' : '$'}endDate`)}
  RETURN min(same.id) AS sameFactId
}`;

/**
 * Partial dates compare as text: a period starts no later than its start's
 * text and ends no earlier than its end's text followed by '~', which sorts
 * after every digit, so `2021-08` as an end reaches past `2021-08-31`.
 */
export const periodsOverlap = (start1: string, end1: string, start2: string, end2: string) =>
  `coalesce(${start1}, '') <= coalesce(${end2} + '~', '~') AND coalesce(${start2}, '') <= coalesce(${end1} + '~', '~')`;

export interface Period {
  startDate?: string | null;
  endDate?: string | null;
}

/** The same comparison over values, for relations not yet stored (one batch's, a merge's). */
export function periodsMeet(a: Period, b: Period): boolean {
  const end = (date: string | null | undefined) => (date ? `${date}~` : '~');
  return (a.startDate ?? '') <= end(b.endDate) && (b.startDate ?? '') <= end(a.endDate);
}

const lookupRelationsCypher = (type: RelationType) => `
UNWIND $relations AS r
OPTIONAL MATCH (claim:Claim {relationId: r.id})
OPTIONAL MATCH (a:Entity {id: r.from})
OPTIONAL MATCH (b:Entity {id: r.to})
${sameFactCall(type, 'r')}
RETURN r.id AS id, claim.type AS type, claim.from AS from, claim.to AS to, sameFactId`;

export interface RelationResolution {
  ids: Map<string, string>;
  created: number;
  matched: number;
  conflicts: ValidationIssue[];
}

/**
 * A relation id already in the graph must name the same fact; a new id for a
 * fact the graph already holds (same type and endpoints, overlapping periods) reuses it, so
 * two documents reporting one fact give one relationship with two reports.
 */
export async function resolveRelations(tx: CountingTransaction, relations: BundleRelation[]): Promise<RelationResolution> {
  const resolution: RelationResolution = { ids: new Map(), created: 0, matched: 0, conflicts: [] };
  if (relations.length === 0) return resolution;
  const byId = new Map(relations.map((relation) => [relation.id, relation]));
  const records = [];
  for (const type of RELATION_TYPES) {
    const ofType = relations.filter((relation) => relation.type === type);
    if (ofType.length === 0) continue;
    const result = await tx.run<{ id: string; type: string | null; from: string | null; to: string | null; sameFactId: string | null }>(
      lookupRelationsCypher(type),
      {
        relations: ofType.map(({ id, from, to, startDate, endDate }) => ({ id, from, to, startDate: startDate ?? null, endDate: endDate ?? null })),
      },
    );
    records.push(...result.records);
  }
  const created: BundleRelation[] = [];
  for (const record of records) {
    const row = record.toObject();
    const relation = byId.get(row.id)!;
    if (row.type !== null) {
      if (row.type !== relation.type || row.from !== relation.from || row.to !== relation.to) {
        resolution.conflicts.push({
          path: `relation ${row.id}`,
          message: `id "${row.id}" already names ${row.from} -${row.type}-> ${row.to}, not ${relation.from} -${relation.type}-> ${relation.to}`,
        });
      }
      resolution.ids.set(row.id, row.id);
      resolution.matched += 1;
    } else if (row.sameFactId !== null) {
      resolution.ids.set(row.id, row.sameFactId);
      resolution.matched += 1;
    } else {
      // Two new relations of one batch stating one fact (two outlets' documents in a stream, two wordings in an article) are one.
      const same = created.find(
        (other) => other.type === relation.type && other.from === relation.from && other.to === relation.to && periodsMeet(other, relation),
      );
      if (same) {
        resolution.ids.set(row.id, same.id);
        resolution.matched += 1;
      } else {
        created.push(relation);
        resolution.ids.set(row.id, row.id);
        resolution.created += 1;
      }
    }
  }
  return resolution;
}
