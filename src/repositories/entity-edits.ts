import type { CountingTransaction, Executor } from '../db/executor.js';
import { nameKeys } from '../model/names.js';
import { ENTITY_LABEL, RELATION_TYPES, type EntityType } from '../model/types.js';
import { InputError, NotFoundError } from './input-error.js';
import { ENTITY_PROJECTION, type EntityRecord } from './records.js';
import { writeReportInputs, type ReportInput } from './report-inputs.js';

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

const OPTIONAL_FIELDS = ['description', 'title', 'category', 'startDate', 'endDate'] as const;

const upsertCypher = (label: string) => `
MERGE (n:Entity {id: $id})
ON CREATE SET n:${label}, n.type = $type, n.createdAt = datetime()
SET n += $props
WITH n, [alias IN coalesce($aliases, n.aliases, []) WHERE alias <> n.name] AS wanted
WITH n, reduce(kept = [], alias IN wanted | CASE WHEN alias IN kept THEN kept ELSE kept + alias END) AS aliases
SET n.aliases = aliases, n.aliasText = reduce(joined = '', alias IN aliases | CASE joined WHEN '' THEN alias ELSE joined + ' | ' + alias END)
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

async function typeOf(tx: CountingTransaction, id: string): Promise<EntityType | null> {
  const result = await tx.run('MATCH (n:Entity {id: $id}) RETURN n.type AS type', { id });
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

export class EntityEdits {
  constructor(private readonly db: Executor) {}

  upsert(input: EntityInput): Promise<EntityRecord> {
    return this.db.transaction('WRITE', async (tx) => {
      const existing = await typeOf(tx, input.id);
      if (existing && existing !== input.type) throw new InputError('type', `entity "${input.id}" is a ${existing}; its type cannot change`);
      const props: Record<string, unknown> = { name: input.name };
      for (const field of OPTIONAL_FIELDS) if (input[field] !== undefined) props[field] = input[field];
      const result = await tx.run(upsertCypher(ENTITY_LABEL[input.type]), { id: input.id, type: input.type, props, aliases: input.aliases ?? null });
      const entity = result.records[0]!.get('entity') as EntityRecord;
      await relinkNameKeys(tx, entity);
      await writeReportInputs(tx, { entity: entity.id }, input.reports ?? [], 'reports');
      return entity;
    }, { name: 'upsert entity', serializeOn: `entity:${input.id}` });
  }

  delete(id: string): Promise<boolean> {
    return this.db.transaction('WRITE', async (tx) => {
      if (!(await typeOf(tx, id))) return false;
      await tx.run(DELETE_ENTITY, { id });
      await tx.run(REPOINT_REFERENCES, { from: id, to: null });
      return true;
    }, { name: 'delete entity', serializeOn: `entity:${id}` });
  }

  /** Moves everything of `mergeId` onto `keepId`, then deletes it; `mergeId` becomes an alias. */
  merge(keepId: string, mergeId: string): Promise<EntityRecord> {
    if (keepId === mergeId) return Promise.reject(new InputError('mergeId', 'cannot merge an entity into itself'));
    return this.db.transaction('WRITE', async (tx) => {
      const [keepType, mergeType] = [await typeOf(tx, keepId), await typeOf(tx, mergeId)];
      if (!keepType) throw new NotFoundError('entity', keepId, 'keepId');
      if (!mergeType) throw new NotFoundError('entity', mergeId, 'mergeId');
      if (keepType !== mergeType) throw new InputError('mergeId', `cannot merge a ${mergeType} into a ${keepType}`);
      await tx.run(MERGE_ENTITIES, { keepId, mergeId });
      await tx.run(REPOINT_REFERENCES, { from: mergeId, to: keepId });
      const result = await tx.run(`MATCH (n:Entity {id: $keepId}) RETURN ${ENTITY_PROJECTION} AS entity`, { keepId });
      const entity = result.records[0]!.get('entity') as EntityRecord;
      await relinkNameKeys(tx, entity);
      return entity;
    }, { name: 'merge entities' });
  }
}

/**
 * Relations between the two become self-loops and are dropped with their
 * claims; every other relation, and every report, moves to the kept entity
 * with its properties (and so its id and provenance) intact.
 */
const MERGE_ENTITIES = `
MATCH (k:Entity {id: $keepId}), (m:Entity {id: $mergeId})
CALL (k, m) {
  MATCH (k)-[between]-(m)
  WITH between, between.id AS id
  DELETE between
  WITH id
  MATCH (c:Claim {relationId: id})
  DETACH DELETE c
}
${RELATION_TYPES.map(
  (type) => `CALL (k, m) {
  MATCH (m)-[r:${type}]->(o:Entity)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (k)-[moved:${type}]->(o)
  SET moved = props
}
CALL (k, m) {
  MATCH (o:Entity)-[r:${type}]->(m)
  WITH k, r, o, properties(r) AS props
  DELETE r
  CREATE (o)-[moved:${type}]->(k)
  SET moved = props
}`,
).join('\n')}
CALL (k, m) {
  MATCH (m)-[rb:REPORTED_BY]->(s:Source)
  WITH k, rb, s, properties(rb) AS props
  DELETE rb
  CREATE (k)-[moved:REPORTED_BY]->(s)
  SET moved = props
}
CALL { MATCH (c:Claim {from: $mergeId}) SET c.from = $keepId }
CALL { MATCH (c:Claim {to: $mergeId}) SET c.to = $keepId }
WITH k, m, [alias IN coalesce(k.aliases, []) + [m.name] + coalesce(m.aliases, []) + [$mergeId] WHERE alias <> k.name] AS wanted
SET k.aliases = reduce(kept = [], alias IN wanted | CASE WHEN alias IN kept THEN kept ELSE kept + alias END),
    k.description = coalesce(k.description, m.description), k.title = coalesce(k.title, m.title),
    k.category = coalesce(k.category, m.category), k.startDate = coalesce(k.startDate, m.startDate), k.endDate = coalesce(k.endDate, m.endDate)
SET k.aliasText = reduce(joined = '', alias IN k.aliases | CASE joined WHEN '' THEN alias ELSE joined + ' | ' + alias END)
DETACH DELETE m`;
