import type { CountingTransaction, Executor } from '../db/executor.js';
import { lockEntities } from '../ingest/locks.js';
import { FORGET_MERGES_INTO, RECORD_MERGE } from '../ingest/merged-ids.js';
import { nameKeys } from '../model/names.js';
import { ENTITY_LABEL, RELATION_TYPES, type EntityType } from '../model/types.js';
import { MERGE_ENTITIES } from './support/entity-merge.js';
import { joinSameFacts, RELATIONS_OF } from './support/merged-facts.js';
import { InputError, NotFoundError } from '../model/input-error.js';
import { mergedTarget, refuseMergedId } from './support/merged-check.js';
import { aliasTextOf, distinctAliases, ENTITY_PROJECTION, type EntityRecord } from './support/records.js';
import { writeReportInputs, type ReportInput } from './support/report-inputs.js';
import { ENTITY_VALUE_PROPERTIES } from '../claims/values.js';
import { pinEdited, refreshCorroboration } from '../claims/refresh.js';
import { noteEntitiesRemoved } from '../claims/source-tally.js';
import { recordChanges } from '../changes/record.js';

export interface EntityInput {
  id: string;
  type: EntityType;
  name: string;
  /** Absent keeps the stored value; null clears it. Aliases replace the stored ones when given. */
  aliases?: string[] | null;
  description?: string | null;
  title?: string | null;
  category?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  reports?: ReportInput[] | null;
}

// The optional fields are what reports may say of an entity: an edit's values go onto its reports.
const OPTIONAL_FIELDS = ENTITY_VALUE_PROPERTIES;

const upsertCypher = (label: string) => `
MERGE (n:Entity {id: $id})
ON CREATE SET n:${label}, n.type = $type, n.createdAt = datetime()
SET n += $props
WITH n, [alias IN coalesce($aliases, n.aliases, []) WHERE alias <> n.name] AS wanted
WITH n, ${distinctAliases('wanted')} AS aliases
SET n.aliases = aliases, n.aliasText = ${aliasTextOf('aliases')}
RETURN ${ENTITY_PROJECTION} AS entity`;

// Name keys always mirror the current name and aliases; stale ones are unlinked, orphans removed.
const RELINK_NAME_KEYS = `
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (old:NameKey)-[link:NAMES]->(n)
WHERE NOT old.key IN $keys
DELETE link
WITH DISTINCT n, collect(old) AS dropped
FOREACH (key IN [k IN dropped WHERE NOT (k)-[:NAMES]->()] | DELETE key)
WITH n
UNWIND $keys AS key
MERGE (k:NameKey {key: key})
MERGE (k)-[:NAMES]->(n)`;

async function relinkNameKeys(tx: CountingTransaction, entity: EntityRecord, extra: string[] = []): Promise<void> {
  await tx.run(RELINK_NAME_KEYS, { id: entity.id, keys: nameKeys(entity.type, [entity.name, ...entity.aliases, ...extra]) });
}

const TYPE_OF = 'MATCH (n:Entity {id: $id}) RETURN n.type AS type';

async function typeOf(tx: CountingTransaction, id: string): Promise<EntityType | null> {
  const result = await tx.run(TYPE_OF, { id });
  return (result.records[0]?.get('type') as EntityType | undefined) ?? null;
}

const DELETE_ENTITY = `
MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[r:${RELATION_TYPES.join('|')}]-(:Entity)
WITH n, collect(DISTINCT r.id) AS relationIds
OPTIONAL MATCH (c:Claim) WHERE c.relationId IN relationIds
DETACH DELETE c
WITH DISTINCT n
OPTIONAL MATCH (k:NameKey)-[:NAMES]->(n)
DETACH DELETE n
WITH DISTINCT k WHERE k IS NOT NULL AND NOT (k)-[:NAMES]->()
DELETE k`;

// References by id elsewhere (attribution, a source's person) are cleared or repointed, never left dangling.
const REPOINT_REFERENCES = `
CALL { MATCH ()-[rb:REPORTED_BY {attributedToId: $from}]->() SET rb.attributedToId = $to }
CALL { MATCH (s:Source {entityId: $from}) SET s.entityId = $to }`;

const READ_ENTITY = `MATCH (n:Entity {id: $id}) RETURN ${ENTITY_PROJECTION} AS entity`;

// The relations a delete takes with the entity, for the change feed.
const RELATIONS_TOUCHING = `
MATCH (n:Entity {id: $id})-[r:${RELATION_TYPES.join('|')}]-(:Entity)
RETURN DISTINCT r.id AS id, startNode(r).id AS from, endNode(r).id AS to`;

/**
 * Every edit starts by locking the entities it touches (ingest/locks.ts), so
 * a merge and the writes to either entity run one after the other, across
 * API processes too: a write that locked first is moved by the merge; one
 * that waited finds the id merged and is refused with ENTITY_MERGED.
 */
export class EntityEditRepository {
  constructor(private readonly db: Executor) {}

  upsert(input: EntityInput): Promise<EntityRecord> {
    return this.db.transaction(
      'WRITE',
      async (tx) => {
        const locked = await lockEntities(tx, [input.id]);
        // Not there: created, unless it was merged away (reviving it would undo the merge).
        if (!locked.has(input.id)) await refuseMergedId(tx, input.id, 'id');
        const existing = locked.has(input.id) ? await typeOf(tx, input.id) : null;
        if (existing && existing !== input.type) throw new InputError('type', `entity "${input.id}" is a ${existing}; its type cannot change`);
        const props: Record<string, unknown> = { name: input.name };
        for (const field of OPTIONAL_FIELDS) if (input[field] !== undefined) props[field] = input[field];
        const result = await tx.run(upsertCypher(ENTITY_LABEL[input.type]), { id: input.id, type: input.type, props, aliases: input.aliases ?? null });
        const entity = result.records[0]!.get('entity') as EntityRecord;
        await relinkNameKeys(tx, entity);
        const values = Object.fromEntries(OPTIONAL_FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field] ?? null]));
        await writeReportInputs(tx, { entity: entity.id }, input.reports ?? [], 'reports', values);
        await pinEdited(tx, { entity: entity.id }, Object.keys(values), (input.reports ?? []).length > 0);
        await refreshCorroboration(tx, { entities: [entity.id], relations: [] });
        recordChanges(tx, [{ kind: 'ENTITY_UPSERTED', subjectId: entity.id, entityIds: [entity.id] }]);
        return (await tx.run(READ_ENTITY, { id: entity.id })).records[0]!.get('entity') as EntityRecord;
      },
      { name: 'upsert entity', serializeOn: `entity:${input.id}` },
    );
  }

  delete(id: string): Promise<boolean> {
    return this.db.transaction(
      'WRITE',
      async (tx) => {
        if (!(await lockEntities(tx, [id])).has(id)) return false;
        const relations = (await tx.run<{ id: string; from: string; to: string }>(RELATIONS_TOUCHING, { id })).records.map((record) => record.toObject());
        await tx.run(FORGET_MERGES_INTO, { id });
        await noteEntitiesRemoved(tx, [id]);
        await tx.run(DELETE_ENTITY, { id });
        recordChanges(tx, [
          ...relations.map((relation) => ({ kind: 'RELATION_DELETED' as const, subjectId: relation.id, entityIds: [relation.from, relation.to] })),
          { kind: 'ENTITY_DELETED', subjectId: id, entityIds: [id] },
        ]);
        await tx.run(REPOINT_REFERENCES, { from: id, to: null });
        return true;
      },
      { name: 'delete entity', serializeOn: `entity:${id}` },
    );
  }

  /** Moves everything of `mergeId` onto `keepId`, then deletes it; `mergeId` becomes an alias and leads to `keepId`. */
  merge(keepId: string, mergeId: string): Promise<EntityRecord> {
    if (keepId === mergeId) return Promise.reject(new InputError('mergeId', 'cannot merge an entity into itself'));
    return this.db.transaction(
      'WRITE',
      async (tx) => {
        const locked = await lockEntities(tx, [keepId, mergeId]);
        if (!locked.has(keepId)) {
          await refuseMergedId(tx, keepId, 'keepId');
          throw new NotFoundError('entity', keepId, 'keepId');
        }
        if (!locked.has(mergeId)) {
          // The same merge again (a client retrying after a lost answer) is done already.
          const target = await mergedTarget(tx, mergeId);
          if (target === keepId) return (await tx.run(READ_ENTITY, { id: keepId })).records[0]!.get('entity') as EntityRecord;
          await refuseMergedId(tx, mergeId, 'mergeId');
          throw new NotFoundError('entity', mergeId, 'mergeId');
        }
        const [keepType, mergeType] = [await typeOf(tx, keepId), await typeOf(tx, mergeId)];
        if (keepType !== mergeType) throw new InputError('mergeId', `cannot merge a ${mergeType} into a ${keepType}`);
        const moved = new Set((await tx.run<{ ids: string[] }>(RELATIONS_OF, { id: mergeId, types: RELATION_TYPES })).records[0]?.get('ids') ?? []);
        await tx.run(RECORD_MERGE, { keepId, mergeId });
        await noteEntitiesRemoved(tx, [mergeId]);
        await tx.run(MERGE_ENTITIES, { keepId, mergeId });
        await tx.run(REPOINT_REFERENCES, { from: mergeId, to: keepId });
        await joinSameFacts(tx, keepId, moved);
        await refreshCorroboration(tx, { entities: [keepId], relations: [] });
        const entity = (await tx.run(READ_ENTITY, { id: keepId })).records[0]!.get('entity') as EntityRecord;
        await relinkNameKeys(tx, entity);
        recordChanges(tx, [{ kind: 'ENTITIES_MERGED', subjectId: keepId, mergedId: mergeId, entityIds: [keepId, mergeId] }]);
        return entity;
      },
      { name: 'merge entities' },
    );
  }
}
