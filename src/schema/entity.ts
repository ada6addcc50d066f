import { entitySchema } from '../model/bundle-schema.js';
import { withoutNulls } from '../model/edit-inputs.js';
import { ORGANIZATION_CATEGORIES, type EntityType } from '../model/types.js';
import { decodeCursor } from '../repositories/support/cursor.js';
import type { EntityInput } from '../repositories/entity-edit-repository.js';
import { ENTITY_PROPERTIES, type EntityRecord } from '../repositories/support/records.js';
import { isFiltered } from '../repositories/support/claim-filter-cypher.js';
import { builder } from './builder.js';
import { claimFilterArgs, claimFilterOf, markReadUnder } from './support/claim-filter-args.js';
import { EntityTypeEnum } from './enums.js';
import { checkRange, pageSizeOf, pageArgs, rangeText } from './support/limits.js';
import { LIMITS } from '../model/limits.js';
import { connectionOf } from './support/connection.js';
import { inputIssueError } from './support/input-errors.js';
import { ReportInputRef, toReportInputs } from './report-input.js';
import { relationsRequestAhead } from './support/relations-request.js';
import { propertiesToRead, selectedFieldNames, selectsField } from './support/selection.js';
import { ArgumentError } from '../model/input-error.js';
import { ENTITY_VALUE_PROPERTIES } from '../claims/values.js';

const OBJECT_NAME: Record<EntityType, string> = { PERSON: 'Person', ORGANIZATION: 'Organization', COUNTRY: 'Country', LOCATION: 'Location', EVENT: 'Event' };

// Entity's fields are here, except those of other domains, defined beside them: relations (relation.ts),
// reportedBy (provenance.ts), and sourceCount, status, alternatives... (corroboration.ts).
export const EntityRef = builder.interfaceRef<EntityRecord>('Entity').implement({
  description: 'A person, organization, country, location or event the news reports on.',
  resolveType: (entity) => OBJECT_NAME[entity.type],
  fields: (t) => ({
    id: t.exposeID('id', { description: 'A stable, human-readable slug such as liu-xiaowu.' }),
    type: t.field({ type: EntityTypeEnum, description: 'The kind of entity, matching its object type (PERSON for Person, ...).', resolve: (entity) => entity.type }),
    name: t.exposeString('name', { description: 'The preferred name, as reported (e.g. Liu Xiaowu).' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names it is reported under (spellings, abbreviations, translations); search finds them too. Empty when none.' }),
    description: t.exposeString('description', { nullable: true, description: 'A short note on who or what it is; null when none was given.' }),
  }),
});

const entityObject = (type: EntityType) => builder.objectRef<EntityRecord>(OBJECT_NAME[type]);

builder.objectType(entityObject('PERSON'), {
  description: 'A person: an officer, an official, a spokesperson.',
  interfaces: [EntityRef],
  isTypeOf: (value) => (value as EntityRecord).type === 'PERSON',
  fields: (t) => ({ title: t.exposeString('title', { nullable: true, description: 'Rank or title, e.g. Lieutenant General.' }) }),
});
builder.objectType(entityObject('ORGANIZATION'), {
  description: 'An organization: an armed force, a ministry, an alliance, a news outlet.',
  interfaces: [EntityRef],
  isTypeOf: (value) => (value as EntityRecord).type === 'ORGANIZATION',
  fields: (t) => ({ category: t.exposeString('category', { nullable: true, description: `One of ${ORGANIZATION_CATEGORIES.join(', ')}.` }) }),
});
builder.objectType(entityObject('COUNTRY'), { description: 'A sovereign state.', interfaces: [EntityRef], isTypeOf: (value) => (value as EntityRecord).type === 'COUNTRY', fields: () => ({}) });
builder.objectType(entityObject('LOCATION'), { description: 'A place that is not a country: a region, a city, a training ground.', interfaces: [EntityRef], isTypeOf: (value) => (value as EntityRecord).type === 'LOCATION', fields: () => ({}) });
export const EventRef = builder.objectType(entityObject('EVENT'), {
  description: 'Something that happened over dates: an exercise, a meeting, a visit.',
  interfaces: [EntityRef],
  isTypeOf: (value) => (value as EntityRecord).type === 'EVENT',
  fields: (t) => ({
    startDate: t.field({ type: 'Date', nullable: true, description: 'When it began, as precisely as reported (2021, 2021-08 or 2021-08-09); null when unknown.', resolve: (event) => event.startDate }),
    endDate: t.field({ type: 'Date', nullable: true, description: 'When it ended, as precisely as reported; null when unknown or ongoing.', resolve: (event) => event.endDate }),
  }),
});

const EntityConnection = connectionOf('Entity', EntityRef);

const SearchHit = builder.objectRef<{ entity: EntityRecord; score: number }>('SearchHit').implement({
  description: 'An entity found by search, with how well it matched.',
  fields: (t) => ({
    entity: t.field({ type: EntityRef, description: 'The entity whose name or alias matched.', resolve: (hit) => hit.entity }),
    score: t.exposeFloat('score', { description: 'Relevance, higher is better; exact and prefix matches of a name or alias score above other full-text matches. Only comparable within one search.' }),
  }),
});

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description: 'The entity with this id; null when there is none, or when asOf or minSources leave it out.',
    args: { id: t.arg.id({ required: true, description: 'The entity id (slug), e.g. liu-xiaowu.' }), ...claimFilterArgs(t.arg) },
    resolve: async (_root, args, ctx, info) => {
      const id = String(args.id);
      const filter = claimFilterOf(args);
      // Asked with its relations (the usual question), the entity comes with them: one statement, not two.
      const ahead = relationsRequestAhead(info, filter);
      const loader = isFiltered(filter) ? ctx.loaders.entityUnder(filter) : ctx.loaders.entity;
      return markReadUnder(ahead ? (await ctx.loaders.relationsOf(ahead).load(id)).entity : await loader.load(id), filter);
    },
  }),
  entities: t.field({
    type: EntityConnection,
    description:
      'Entities in id order, optionally of one type. Keyset paging: `after` takes an edge cursor. Under asOf or minSources, totalCount counts the entities that pass, which reads every entity of the type.',
    args: {
      type: t.arg({ type: EntityTypeEnum, description: 'Only entities of this type; all types when omitted.' }),
      ...pageArgs(t.arg, 'entities'),
      ...claimFilterArgs(t.arg),
    },
    resolve: async (_root, args, ctx, info) => {
      const first = pageSizeOf(args.first);
      const filter = claimFilterOf(args);
      // The page's records serve only this selection (they prime no loader), so they carry only what it names.
      const read = propertiesToRead(ENTITY_PROPERTIES, ENTITY_VALUE_PROPERTIES, selectedFieldNames(info));
      const { page, total } = await ctx.repos.entities.page(args.type ?? null, first, decodeCursor(args.after), selectsField(info, 'totalCount'), filter, read);
      for (const entity of page.items) markReadUnder(entity, filter);
      return { page, totalCount: () => Promise.resolve(total ?? 0) };
    },
  }),
  search: t.field({
    type: [SearchHit],
    description:
      'Full-text search over names and aliases; exact and prefix matches rank first. Any text is safe to pass. asOf and minSources apply to the best candidates the full-text index gives, so a filtered search may find fewer.',
    args: {
      query: t.arg.string({ required: true, description: `The text to look for in names and aliases, at most ${LIMITS.searchQuery.max} characters.` }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Only entities of these types; all types when omitted or empty.' }),
      first: t.arg.int({
        defaultValue: LIMITS.searchSize.default,
        description: `How many hits to return, best first, ${rangeText(LIMITS.searchSize)}.`,
      }),
      ...claimFilterArgs(t.arg),
    },
    resolve: async (_root, args, ctx, info) => {
      const first = checkRange('first', args.first ?? LIMITS.searchSize.default, LIMITS.searchSize);
      if (args.query.length > LIMITS.searchQuery.max) throw new ArgumentError('query', `Argument "query" is longer than ${LIMITS.searchQuery.max} characters.`);
      // The hits' records serve only this selection (they prime no loader), so they carry only what it names.
      const read = propertiesToRead(ENTITY_PROPERTIES, ENTITY_VALUE_PROPERTIES, selectedFieldNames(info));
      const filter = claimFilterOf(args);
      const hits = await ctx.repos.entities.search(args.query, args.types?.length ? args.types : null, first, read, filter);
      for (const hit of hits) markReadUnder(hit.entity, filter);
      return hits;
    },
  }),
}));

const EntityInputRef = builder.inputType('EntityInput', {
  description: 'An entity to create or update. Omitted optional fields keep their stored value; null clears them.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The slug that identifies it: lowercase letters, digits and single hyphens (e.g. liu-xiaowu), at most 200 characters.' }),
    type: t.field({ type: EntityTypeEnum, required: true, description: 'Its kind; an existing entity keeps its type.' }),
    name: t.string({ required: true, description: 'The preferred name.' }),
    aliases: t.stringList({ description: 'Replaces the stored aliases when given.' }),
    description: t.string({ description: 'A short note on who or what it is.' }),
    title: t.string({ description: 'PERSON only.' }),
    category: t.string({ description: 'ORGANIZATION only.' }),
    startDate: t.field({ type: 'Date', description: 'EVENT only.' }),
    endDate: t.field({ type: 'Date', description: 'EVENT only.' }),
    reports: t.field({ type: [ReportInputRef], description: 'Who reported this entity.' }),
  }),
});

/** Validates with the bundle's own entity rules, so the API and ingest accept the same entities. */
function validEntityInput(input: typeof EntityInputRef.$inferInput): EntityInput {
  const { reports, ...fields } = input;
  const candidate = withoutNulls({ ...fields, id: String(fields.id), aliases: fields.aliases ?? [] });
  const parsed = entitySchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw inputIssueError(issue, '', issue.code === 'unrecognized_keys' ? `${issue.keys.join(', ')} do not apply to a ${input.type}` : issue.message);
  }
  return { ...input, id: parsed.data.id, aliases: input.aliases === undefined ? undefined : parsed.data.aliases, reports: toReportInputs(reports) } as EntityInput;
}

builder.mutationFields((t) => ({
  upsertEntity: t.field({
    type: EntityRef,
    authScopes: { edit: true },
    description: 'Creates the entity, or updates it when the id exists (its type cannot change). Idempotent.',
    args: { input: t.arg({ type: EntityInputRef, required: true, description: 'The entity, checked with the same rules as a bundle entity.' }) },
    resolve: (_root, { input }, ctx) => ctx.repos.entityEdits.upsert(validEntityInput(input)),
  }),
  deleteEntity: t.boolean({
    authScopes: { admin: true },
    description: 'Deletes the entity with its relations and their provenance. False when there was no such entity.',
    args: { id: t.arg.id({ required: true, description: 'The id of the entity to delete.' }) },
    resolve: (_root, { id }, ctx) => ctx.repos.entityEdits.delete(String(id)),
  }),
  mergeEntities: t.field({
    type: EntityRef,
    authScopes: { admin: true },
    description: 'Moves relations, aliases and provenance of mergeId onto keepId and deletes mergeId, atomically against concurrent writes to either; later writes naming mergeId are refused with ENTITY_MERGED (and mergedInto), and ingest resolves it to keepId.',
    args: {
      keepId: t.arg.id({ required: true, description: 'The entity that stays and receives everything.' }),
      mergeId: t.arg.id({ required: true, description: 'The duplicate, deleted once merged; must differ from keepId and be of the same type.' }),
    },
    resolve: (_root, { keepId, mergeId }, ctx) => ctx.repos.entityEdits.merge(String(keepId), String(mergeId)),
  }),
}));
