import type { CountingTransaction } from '../db/executor.js';
import type { BundleEntity, BundleRelation } from '../model/bundle-schema.js';
import { nameKeys, normalizeName } from '../model/names.js';
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
  RETURN collect(DISTINCT {id: candidate.id, key: key}) AS candidates
}
RETURN e.id AS id, byId.type AS existingType, kept.id AS keptId, kept.type AS keptType, candidates`;

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
  if (entities.length === 0) return resolution;
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const lookup = entities.map((entity) => ({ id: entity.id, keys: nameKeys(entity.type, [entity.name, ...entity.aliases]) }));
  const result = await tx.run<{ id: string; existingType: string | null; keptId: string | null; keptType: string | null; candidates: Array<{ id: string; key: string }> }>(
    LOOKUP_ENTITIES,
    { entities: lookup },
  );
  for (const record of result.records) {
    const { id, existingType, keptId, keptType, candidates } = record.toObject();
    const entity = byId.get(id)!;
    const stored = existingType !== null ? { matchedId: id, type: existingType, by: 'id' as const } : keptId !== null ? { matchedId: keptId, type: keptType!, by: 'merged' as const } : null;
    if (stored) {
      if (stored.type !== entity.type) {
        const owner = stored.by === 'id' ? 'already belongs to' : `was merged into "${stored.matchedId}",`;
        resolution.conflicts.push({ path: `entity ${id}`, message: `id "${id}" ${owner} a ${stored.type}, not a ${entity.type}` });
      }
      resolution.ids.set(id, stored.matchedId);
      resolution.matches.push({ id, matchedId: stored.matchedId, by: stored.by });
      continue;
    }
    const candidateIds = [...new Set(candidates.map((candidate) => candidate.id))].sort();
    if (candidateIds.length === 1) {
      const key = candidates[0]!.key;
      const nameMatched = key.endsWith(`:${normalizeName(entity.name)}`);
      const value = nameMatched ? entity.name : entity.aliases.find((alias) => key.endsWith(`:${normalizeName(alias)}`));
      resolution.ids.set(id, candidateIds[0]!);
      resolution.matches.push({ id, matchedId: candidateIds[0]!, by: nameMatched ? 'name' : 'alias', value });
      continue;
    }
    if (candidateIds.length > 1) resolution.ambiguities.push({ id, name: entity.name, candidates: candidateIds });
    resolution.ids.set(id, id);
    resolution.created.push(id);
  }
  return resolution;
}

/**
 * The id of a stored relation stating the same fact as one being written:
 * same type, same endpoints (`a` and `b`, already matched), same role. One
 * definition for ingest and for edits. The type comes from the closed enum,
 * so Neo4j reads only that type's relationships; the endpoints are found
 * before this subquery, so the expansion between them is an Expand(Into),
 * which walks whichever endpoint has fewer relationships. As one pattern, the
 * planner picked a side for a whole batch, expanded it and filtered on the
 * other end's id: a relation to a hub read all of the hub's relationships of
 * that type (the 1M-entity load ran 5x slower per record than the 100k one).
 */
export const sameFactCall = (type: RelationType, role: 'r.role' | '$role') => `CALL (*) {
  OPTIONAL MATCH (a)-[same:${type}]->(b)
  WHERE coalesce(same.role, '') = coalesce(${role}, '')
  RETURN min(same.id) AS sameFactId
}`;

const lookupRelationsCypher = (type: RelationType) => `
UNWIND $relations AS r
OPTIONAL MATCH (claim:Claim {relationId: r.id})
OPTIONAL MATCH (a:Entity {id: r.from})
OPTIONAL MATCH (b:Entity {id: r.to})
${sameFactCall(type, 'r.role')}
RETURN r.id AS id, claim.type AS type, claim.from AS from, claim.to AS to, sameFactId`;

export interface RelationResolution {
  ids: Map<string, string>;
  created: number;
  matched: number;
  conflicts: ValidationIssue[];
}

/**
 * A relation id already in the graph must name the same fact; a new id for a
 * fact the graph already holds (same type, endpoints and role) reuses it, so
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
    const result = await tx.run<{ id: string; type: string | null; from: string | null; to: string | null; sameFactId: string | null }>(lookupRelationsCypher(type), {
      relations: ofType.map(({ id, from, to, role }) => ({ id, from, to, role: role ?? null })),
    });
    records.push(...result.records);
  }
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
      resolution.ids.set(row.id, row.id);
      resolution.created += 1;
    }
  }
  return resolution;
}
