import { GraphQLError } from 'graphql';
import { relationEditSchema, withoutNulls } from '../model/edit-inputs.js';
import { toPage } from '../repositories/support/cursor.js';
import type { RelationRecord } from '../repositories/support/records.js';
import { builder } from './builder.js';
import { connectionOf } from './support/connection.js';
import { EntityRef } from './entity.js';
import { parseInput } from './support/input-errors.js';
import { DirectionEnum, RelationTypeEnum } from './enums.js';
import { ReportInputRef, toReportInputs } from './report-input.js';
import { claimFilterArgs, markReadUnder, readUnder } from './support/claim-filter-args.js';
import { relationsRequest } from './support/relations-request.js';
import { pageArgs } from './support/limits.js';

// Relation's fields are here, except reportedBy (provenance.ts) and its corroboration fields (corroboration.ts).
// Entity.relations is defined here too: a relation's page belongs to its domain.
export const RelationRef = builder.objectRef<RelationRecord>('Relation').implement({
  description: 'A reported relation between two entities: one Neo4j relationship, one hop.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'A stable slug, e.g. liu-xiaowu-commands-zapad-interaction-2021.' }),
    type: t.field({ type: RelationTypeEnum, description: 'What the relation says (COMMANDS, MEMBER_OF, ...).', resolve: (relation) => relation.type }),
    from: t.field({ type: EntityRef, description: 'The entity the relation goes from (the commander, the member, ...).', resolve: (relation, _args, ctx) => relation.fromEntity ?? loadEndpoint(ctx, relation.from) }),
    to: t.field({ type: EntityRef, description: 'The entity the relation goes to (the commanded, the organization, ...).', resolve: (relation, _args, ctx) => relation.toEntity ?? loadEndpoint(ctx, relation.to) }),
    role: t.exposeString('role', { nullable: true, description: 'The role as reported, e.g. "commanding officer of Chinese troops"; null when none was given.' }),
    startDate: t.field({ type: 'Date', nullable: true, description: 'Since when it holds, as precisely as reported; null when unknown.', resolve: (relation) => relation.startDate }),
    endDate: t.field({ type: 'Date', nullable: true, description: 'Until when it held, as precisely as reported; null when unknown or still true.', resolve: (relation) => relation.endDate }),
  }),
});

async function loadEndpoint(ctx: { loaders: { entity: { load(id: string): Promise<unknown> } } }, id: string) {
  const entity = await ctx.loaders.entity.load(id);
  // A relation is deleted with its endpoints, so a missing one means a concurrent delete.
  if (!entity) throw new GraphQLError(`Entity "${id}" was deleted while reading.`, { extensions: { code: 'NOT_FOUND' } });
  return entity as never;
}

const RelationConnection = connectionOf('Relation', RelationRef);

builder.interfaceField(EntityRef, 'relations', (t) =>
  t.field({
    type: RelationConnection,
    description:
      "This entity's relations in id order, filtered by type and direction. asOf and minSources default to those the entity was read with; give null to drop them.",
    args: {
      types: t.arg({ type: [RelationTypeEnum], description: 'Only relations of these types; all types when omitted or empty.' }),
      direction: t.arg({ type: DirectionEnum, defaultValue: 'BOTH', description: 'OUT (from this entity), IN (to it) or BOTH, the default.' }),
      ...pageArgs(t.arg, 'relations'),
      ...claimFilterArgs(t.arg),
    },
    resolve: (entity, args, ctx, info) => {
      const request = relationsRequest(args, info, readUnder(entity));
      return ctx.loaders.relationsOf(request).load(entity.id).then(({ relations, total }) => {
        // The endpoints passed the same filter, and hand it on to their own relations.
        for (const relation of relations) {
          markReadUnder(relation, request.filter);
          markReadUnder(relation.fromEntity, request.filter);
          markReadUnder(relation.toEntity, request.filter);
        }
        return {
          page: toPage(relations, request.first, (relation) => relation.id),
          totalCount: () => Promise.resolve(total),
        };
      });
    },
  }),
);

const RelationInputRef = builder.inputType('RelationInput', {
  description: 'A relation to create or update, with who reported it. Without an id, the same fact given twice stays one relation.',
  fields: (t) => ({
    id: t.id({ description: 'The slug of the relation to update; omitted, a relation stating the same fact between these entities is updated, or else a new one is made.' }),
    type: t.field({ type: RelationTypeEnum, required: true, description: 'The kind of relation; it fixes which entity types `from` and `to` may be.' }),
    from: t.id({ required: true, description: 'The id of the entity it goes from.' }),
    to: t.id({ required: true, description: 'The id of the entity it goes to; must differ from `from`.' }),
    role: t.string({ description: 'The role as reported (e.g. "deputy commander").' }),
    startDate: t.field({ type: 'Date', description: 'Since when it holds (2021, 2021-08 or 2021-08-09).' }),
    endDate: t.field({ type: 'Date', description: 'Until when it held; not before startDate.' }),
    reports: t.field({ type: [ReportInputRef], description: 'Who reported this relation.' }),
  }),
});

builder.queryField('relation', (t) =>
  t.field({
    type: RelationRef,
    nullable: true,
    description: 'The relation with this id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The relation id (slug).' }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.relation.load(String(id)),
  }),
);

builder.mutationField('upsertRelation', (t) =>
  t.field({
    type: RelationRef,
    authScopes: { edit: true },
    description: 'Creates the relation, or updates it (by id, or the same fact between the same entities). Both entities must exist and be of types the relation type allows. Idempotent.',
    args: { input: t.arg({ type: RelationInputRef, required: true, description: 'The relation, checked with the same rules as a bundle relation.' }) },
    resolve: (_root, { input }, ctx) => {
      const id = input.id === null || input.id === undefined ? null : String(input.id);
      const { reports, ...fields } = input;
      // The bundle's rules for relations: slugs of at most 200 characters (a longer id would not round-trip through
      // export and ingest), a role that is a visible name, two different endpoints, dates in order.
      parseInput(relationEditSchema, withoutNulls({ ...fields, id, from: String(input.from), to: String(input.to) }));
      return ctx.repos.relationEdits.upsert({ ...fields, id, from: String(input.from), to: String(input.to), reports: toReportInputs(reports) });
    },
  }),
);
