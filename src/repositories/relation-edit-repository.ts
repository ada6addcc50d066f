import { createHash } from 'node:crypto';
import type { Executor } from '../db/executor.js';
import { DatabaseError } from '../db/errors.js';
import { lockEntities } from '../ingest/locks.js';
import { sameFactCall } from '../ingest/resolve.js';
import { writeRelations } from '../ingest/write.js';
import { SLUG } from '../model/bundle-schema.js';
import { RELATION_ENDPOINTS, type EntityType, type RelationType } from '../model/types.js';
import { InputError } from '../model/input-error.js';
import { refuseMergedId } from './support/merged-check.js';
import { RELATION_OF_CLAIM, RELATION_PROJECTION, type RelationRecord } from './support/records.js';
import { writeReportInputs, type ReportInput } from './support/report-inputs.js';
import { RELATION_VALUE_PROPERTIES } from '../claims/values.js';
import { pinEdited, refreshCorroboration } from '../claims/refresh.js';
import { recordChanges } from '../changes/record.js';

export interface RelationInput {
  id?: string | null;
  type: RelationType;
  from: string;
  to: string;
  role?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  reports?: ReportInput[] | null;
}

const lookupCypher = (type: RelationType) => `
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
OPTIONAL MATCH (claim:Claim {relationId: $id})
${sameFactCall(type, '$')}
RETURN a.type AS fromType, b.type AS toType, claim { .type, .from, .to } AS claim, sameFactId`;

const READ_BACK = `
MATCH (c:Claim {relationId: $id})
${RELATION_OF_CLAIM}
RETURN ${RELATION_PROJECTION} AS relation`;

/** A readable id for a relation given without one: from-type-to, with a short hash when its period tells facts apart. */
function derivedId(input: RelationInput): string {
  const base = `${input.from}-${input.type.toLowerCase().replace(/_/g, '-')}-${input.to}`;
  const period = input.startDate || input.endDate ? `${input.startDate ?? ''}/${input.endDate ?? ''}` : null;
  const id = period ? `${base}-${createHash('sha256').update(period).digest('hex').slice(0, 8)}` : base;
  return id.length <= 200 ? id : `rel-${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
}

function checkEndpoint(type: RelationType, end: 'from' | 'to', id: string, found: EntityType | null): void {
  if (!found) throw new InputError(end, `unknown entity "${id}"`);
  const allowed = RELATION_ENDPOINTS[type][end];
  if (!allowed.includes(found)) throw new InputError(end, `${type} cannot go ${end} a ${found}; allowed: ${allowed.join(', ')}`);
}

export class RelationEditRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Creates or updates one relation and adds its reports. The same fact given twice stays one relation.
   * Both endpoints are locked first: a merge of either one then runs wholly before or wholly after
   * this write, so the relation is either moved by the merge or refused with ENTITY_MERGED, never
   * acknowledged and then deleted with the merged node.
   */
  upsert(input: RelationInput): Promise<RelationRecord> {
    if (input.id && !SLUG.test(input.id)) return Promise.reject(new InputError('id', 'expected a slug: lowercase letters, digits and single hyphens'));
    return this.db.transaction(
      'WRITE',
      async (tx) => {
        const locked = await lockEntities(tx, [input.from, input.to]);
        for (const end of ['from', 'to'] as const) if (!locked.has(input[end])) await refuseMergedId(tx, input[end], end);
        const requestedId = input.id ?? derivedId(input);
        const lookup = await tx.run(lookupCypher(input.type), {
          from: input.from,
          to: input.to,
          id: requestedId,
          startDate: input.startDate ?? null,
          endDate: input.endDate ?? null,
        });
        const row = lookup.records[0]!.toObject() as {
          fromType: EntityType | null;
          toType: EntityType | null;
          claim: { type: string; from: string; to: string } | null;
          sameFactId: string | null;
        };
        checkEndpoint(input.type, 'from', input.from, row.fromType);
        checkEndpoint(input.type, 'to', input.to, row.toType);
        if (row.claim && (row.claim.type !== input.type || row.claim.from !== input.from || row.claim.to !== input.to)) {
          throw new InputError('id', `"${requestedId}" already names ${row.claim.from} -${row.claim.type}-> ${row.claim.to}`);
        }
        const id = row.claim ? requestedId : (input.id ?? row.sameFactId ?? requestedId);
        const relation = {
          id,
          type: input.type,
          from: input.from,
          to: input.to,
          role: input.role ?? undefined,
          startDate: input.startDate ?? undefined,
          endDate: input.endDate ?? undefined,
        };
        await writeRelations(tx, [relation], new Map(), 'editor');
        const values = Object.fromEntries(
          RELATION_VALUE_PROPERTIES.filter((field) => input[field] !== undefined).map((field) => [field, input[field] ?? null]),
        );
        await writeReportInputs(tx, { relation: id }, input.reports ?? [], 'reports', values);
        await pinEdited(tx, { relation: id }, Object.keys(values), (input.reports ?? []).length > 0);
        await refreshCorroboration(tx, { entities: [], relations: [id] });
        const written = await tx.run(READ_BACK, { id });
        // Unreachable while the endpoints are locked; if it happens, the write must not be acknowledged.
        if (written.records.length === 0) throw new DatabaseError('concurrentChange');
        recordChanges(tx, [{ kind: 'RELATION_UPSERTED', subjectId: id, entityIds: [input.from, input.to] }]);
        return written.records[0]!.get('relation') as RelationRecord;
      },
      { name: 'upsert relation', serializeOn: `relation:${input.type}:${input.from}:${input.to}` },
    );
  }
}
