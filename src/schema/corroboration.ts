import { LIMITS } from '../model/limits.js';
import { corroborate, type ClaimStatus, type ReportFacts, type ReportedValue } from '../claims/aggregate.js';
import { ENTITY_VALUE_PROPERTIES, RELATION_VALUE_PROPERTIES, sameValue, type ValueProperty } from '../claims/values.js';
import type { GraphContext } from '../context.js';
import type { CorroborationFields, RelationRecord, ReportRecord, SourceRecord } from '../repositories/support/records.js';
import { InputError } from '../model/input-error.js';
import { builder } from './builder.js';
import { countedReports, readUnder } from './support/claim-filter-args.js';
import { EntityRef } from './entity.js';
import { RelationRef } from './relation.js';
import { ReportRef, SourceRef } from './provenance.js';

/** How sure the graph is of an entity or relation: counted from its reports when they are written (docs/model.md). */
export const ClaimStatusEnum = builder.enumType('ClaimStatus', {
  description: 'How an entity or relation is sourced.',
  values: {
    CORROBORATED: { description: 'Reported by two or more independent sources.' },
    SINGLE_SOURCE: { description: 'Reported by one independent source (copies of one story count once).' },
    DISPUTED: { description: 'Sources give incompatible values for one of its properties: see `disputed` and `alternatives`.' },
    UNSOURCED: { description: 'No report: written by an editor without a source.' },
  } as const,
});

interface AlternativeRecord extends ReportedValue {
  reports: ReportRecord[];
  sources: SourceRecord[];
}

const AlternativeRef = builder.objectRef<AlternativeRecord>('Alternative').implement({
  description: 'One value that reports give for a property, with who gives it.',
  fields: (t) => ({
    property: t.exposeString('property', { description: 'The property: description, title, category, role, startDate or endDate.' }),
    value: t.exposeString('value', { description: 'The value as first reported (spelling variants of it are joined).' }),
    preferred: t.exposeBoolean('preferred', { description: 'True for the value the entity or relation shows.' }),
    independentSourceCount: t.int({
      description: 'Independent sources agreeing with this value, counting those that give a compatible, less precise one.',
      resolve: (alternative) => alternative.support,
    }),
    sources: t.field({ type: [SourceRef], description: 'The sources that give this value.', resolve: (alternative) => alternative.sources }),
    reports: t.field({ type: [ReportRef], description: 'The reports that give this value.', resolve: (alternative) => alternative.reports }),
  }),
});

const WordingRef = builder.objectRef<AlternativeRecord>('Wording').implement({
  description: "One wording of a relation's role, as its reports give it.",
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The wording.' }),
    reportCount: t.int({ description: 'Reports giving this wording.', resolve: (wording) => wording.reports.length }),
    independentSourceCount: t.int({ description: 'Independent sources giving this wording.', resolve: (wording) => wording.origins.length }),
    preferred: t.exposeBoolean('preferred', { description: 'True for the wording the relation shows as its role.' }),
  }),
});

/** A report stored without an origin speaks for its own source. */
const originOf = (report: ReportRecord): string => report.origin ?? `source:${report.sourceId}`;

const facts = (report: ReportRecord): ReportFacts => ({
  id: report.id,
  sourceId: report.sourceId,
  origin: originOf(report),
  reportedAt: report.reportedAt,
  values: report.values ?? {},
});

/**
 * Every reported value of each property, with its reports and sources, from the reports the loaders read. The
 * preferred one is the value the record shows when it was read (an editor may have pinned another one); else the
 * rule's choice.
 */
function alternativesOf(properties: readonly ValueProperty[], reports: readonly ReportRecord[], shown: Readonly<Record<string, unknown>>): AlternativeRecord[] {
  const byId = new Map(reports.map((report) => [report.id, report]));
  return corroborate(properties, reports.map(facts)).values.map((value) => {
    const given = value.reportIds.map((id) => byId.get(id)!);
    const sources = new Map(given.flatMap((report) => (report.source ? [[report.source.id, report.source] as const] : [])));
    const shownValue = shown[value.property];
    const preferred = shownValue === undefined ? value.preferred : typeof shownValue === 'string' && sameValue(value.property, shownValue, value.value);
    return { ...value, preferred, reports: given, sources: [...sources.values()] };
  });
}

/**
 * The stored numbers answer, except for a record read under asOf: the graph as known then is counted from the
 * reports dated by then (its reports are one batched read per level, and only when asOf and a count are both asked).
 */
const countedAsOf = new WeakMap<object, Promise<CorroborationFields>>();

function corroborationOf(record: CorroborationFields & { id: string }, kind: 'entity' | 'relation', ctx: GraphContext): Promise<CorroborationFields> {
  if (readUnder(record).asOf === null) return Promise.resolve(record);
  // Counted once per record, however many of its six fields are asked.
  let counted = countedAsOf.get(record);
  if (!counted) {
    counted = countAsOf(record, kind, ctx);
    countedAsOf.set(record, counted);
  }
  return counted;
}

async function countAsOf(record: CorroborationFields & { id: string }, kind: 'entity' | 'relation', ctx: GraphContext): Promise<CorroborationFields> {
  const reports = kind === 'entity' ? await ctx.loaders.reportsOfEntity.load(record.id) : await reportsOfRelation(record as RelationRecord, ctx);
  return corroborate(kind === 'entity' ? ENTITY_VALUE_PROPERTIES : RELATION_VALUE_PROPERTIES, countedReports(record, reports).map(facts));
}

/** Under asOf the record shows today's values, not those of then: the rule chooses among the reports of then. */
const shownUnlessAsOf = (record: object): Readonly<Record<string, unknown>> => (readUnder(record).asOf === null ? (record as Record<string, unknown>) : {});

const reportsOfRelation = (relation: RelationRecord, ctx: GraphContext) => relation.reports ?? ctx.loaders.reportsOfRelation.load(relation.id);

/** The same fields on entities and relations (both store their corroboration under the same names), each kind's builder spelling them out. */
const field = (kind: 'entity' | 'relation') => ({
  sourceCount: {
    description: 'Distinct sources among its reports (as of asOf when it was read under one).',
    resolve: async (record: CorroborationFields & { id: string }, _args: object, ctx: GraphContext) => (await corroborationOf(record, kind, ctx)).sourceCount ?? 0,
  },
  independentSourceCount: {
    description: 'Sources that are not copies of one another: a syndicated story, a wire credit or an admin-made group counts once (as of asOf when read under one).',
    resolve: async (record: CorroborationFields & { id: string }, _args: object, ctx: GraphContext) => (await corroborationOf(record, kind, ctx)).independentSourceCount ?? 0,
  },
  firstReportedAt: {
    type: 'Date',
    nullable: true,
    description: 'Date of its earliest dated report.',
    resolve: async (record: CorroborationFields & { id: string }, _args: object, ctx: GraphContext) => (await corroborationOf(record, kind, ctx)).firstReportedAt ?? null,
  },
  lastReportedAt: {
    type: 'Date',
    nullable: true,
    description: 'Date of its latest dated report (by asOf, when read under one).',
    resolve: async (record: CorroborationFields & { id: string }, _args: object, ctx: GraphContext) => (await corroborationOf(record, kind, ctx)).lastReportedAt ?? null,
  },
  status: {
    type: ClaimStatusEnum,
    description: 'CORROBORATED, SINGLE_SOURCE, DISPUTED or UNSOURCED (as of asOf when read under one).',
    resolve: async (record: CorroborationFields & { id: string }, _args: object, ctx: GraphContext) => ((await corroborationOf(record, kind, ctx)).status ?? 'UNSOURCED') as ClaimStatus,
  },
  disputed: {
    description: 'The properties whose reported values are incompatible (empty unless DISPUTED).',
    resolve: async (record: CorroborationFields & { id: string }, _args: object, ctx: GraphContext) => (await corroborationOf(record, kind, ctx)).disputed ?? [],
  },
}) as const;

const ENTITY_FIELD = field('entity');
const RELATION_FIELD = field('relation');

builder.interfaceFields(EntityRef, (t) => ({
  sourceCount: t.int(ENTITY_FIELD.sourceCount),
  independentSourceCount: t.int(ENTITY_FIELD.independentSourceCount),
  firstReportedAt: t.field(ENTITY_FIELD.firstReportedAt),
  lastReportedAt: t.field(ENTITY_FIELD.lastReportedAt),
  status: t.field(ENTITY_FIELD.status),
  disputed: t.stringList(ENTITY_FIELD.disputed),
  alternatives: t.field({
    type: [AlternativeRef],
    description: 'Every value its reports give for description, title, category and dates, with their sources; the preferred one marked.',
    resolve: async (entity, _args, ctx) => alternativesOf(ENTITY_VALUE_PROPERTIES, countedReports(entity, await ctx.loaders.reportsOfEntity.load(entity.id)), shownUnlessAsOf(entity)),
  }),
}));

builder.objectFields(RelationRef, (t) => ({
  sourceCount: t.int(RELATION_FIELD.sourceCount),
  independentSourceCount: t.int(RELATION_FIELD.independentSourceCount),
  firstReportedAt: t.field(RELATION_FIELD.firstReportedAt),
  lastReportedAt: t.field(RELATION_FIELD.lastReportedAt),
  status: t.field(RELATION_FIELD.status),
  disputed: t.stringList(RELATION_FIELD.disputed),
  alternatives: t.field({
    type: [AlternativeRef],
    description: 'Every value its reports give for role and dates, with their sources; the preferred one marked.',
    resolve: async (relation, _args, ctx) => alternativesOf(RELATION_VALUE_PROPERTIES, countedReports(relation, await reportsOfRelation(relation, ctx)), shownUnlessAsOf(relation)),
  }),
  roles: t.field({
    type: [WordingRef],
    description: 'The wordings its reports give the role, most supported first; `role` is the preferred one.',
    resolve: async (relation, _args, ctx) =>
      alternativesOf(['role'], countedReports(relation, await reportsOfRelation(relation, ctx)), shownUnlessAsOf(relation)),
  }),
}));

builder.objectField(ReportRef, 'origin', (t) =>
  t.string({
    description: 'The independence key: reports with the same origin count as one independent source (a syndicated copy speaks with its original).',
    resolve: originOf,
  }),
);

builder.objectField(SourceRef, 'independenceGroup', (t) =>
  t.string({ nullable: true, description: 'A group an admin put this source in: all sources of a group count as one.', resolve: (source) => source.independenceGroup ?? null }),
);

builder.mutationField('groupSources', (t) =>
  t.field({
    type: [SourceRef],
    authScopes: { admin: true },
    description: 'Puts sources in one independence group (they then count as one source), or takes them out with group: null. Counts are updated at once.',
    args: {
      ids: t.arg.idList({ required: true, description: `The sources, ${LIMITS.groupSourceIds.min} to ${LIMITS.groupSourceIds.max} of them.` }),
      group: t.arg.string({ description: `The group name, ${LIMITS.groupName.min} to ${LIMITS.groupName.max} characters once trimmed; null takes the sources out of their group.` }),
    },
    resolve: (_root, { ids, group }, ctx) => {
      const { groupSourceIds: idRange, groupName: nameRange } = LIMITS;
      if (ids.length < idRange.min || ids.length > idRange.max) throw new InputError('ids', `give between ${idRange.min} and ${idRange.max} source ids`);
      const name = group?.trim() ?? null;
      if (name !== null && (name.length < nameRange.min || name.length > nameRange.max)) {
        throw new InputError('group', `a group name has ${nameRange.min} to ${nameRange.max} characters`);
      }
      return ctx.repos.sourceGroups.group(ids.map(String), name);
    },
  }),
);
