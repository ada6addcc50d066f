import { decodeCursor, toPage } from '../repositories/support/cursor.js';
import type { DocumentRecord, ReportRecord, SourceRecord } from '../repositories/support/records.js';
import { builder } from './builder.js';
import { countedReports, markReadUnder, readUnder } from './support/claim-filter-args.js';
import { isFiltered } from '../repositories/support/claim-filter-cypher.js';
import { connectionOf } from './support/connection.js';
import { EntityRef } from './entity.js';
import { ReportMethodEnum } from './enums.js';
import { pageSizeOf, pageArgs } from './support/limits.js';
import { RelationRef } from './relation.js';
import { selectsField } from './support/selection.js';

export const DocumentRef = builder.objectRef<DocumentRecord>('Document').implement({
  description: 'An ingested text: the article a report quotes.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The slug the bundle gave the document.' }),
    title: t.exposeString('title', { nullable: true, description: 'The headline; null when none was given.' }),
    publishedAt: t.field({ type: 'Date', nullable: true, description: "When it was published, as precisely as known; its reports' reportedAt defaults to it.", resolve: (document) => document.publishedAt }),
    url: t.exposeString('url', { nullable: true, description: 'Where it was published; null when unknown.' }),
    text: t.string({
      nullable: true,
      description: 'The full text, which report offsets point into (code points).',
      resolve: (document, _args, ctx) => ctx.loaders.documentText.load(document.id),
    }),
  }),
});

// Source's and Report's fields are here, except Source.independenceGroup and Report.origin (corroboration.ts).
// Entity.reportedBy and Relation.reportedBy are defined here too: provenance is this domain.
export const SourceRef = builder.objectRef<SourceRecord>('Source');

export const ReportRef = builder.objectRef<ReportRecord>('Report').implement({
  description: 'Says who: one source reporting an entity or a relation, with the verbatim quote.',
  fields: (t) => ({
    source: t.field({ type: SourceRef, description: 'The source that reported it.', resolve: async (report, _args, ctx) => report.source ?? (await ctx.loaders.source.load(report.sourceId))! }),
    document: t.field({
      type: DocumentRef,
      nullable: true,
      description: 'The document the quote is from; null for a report without one.',
      resolve: (report, _args, ctx) => (report.document !== undefined ? report.document : report.documentId ? ctx.loaders.document.load(report.documentId) : null),
    }),
    quote: t.exposeString('quote', { nullable: true, description: "The source's words, verbatim from the document text between start and end; null when none was given." }),
    start: t.exposeInt('start', { nullable: true, description: 'Offset of the quote in the document text, in code points.' }),
    end: t.exposeInt('end', { nullable: true, description: 'Offset just after the quote in the document text (exclusive), in code points.' }),
    reportedAt: t.field({ type: 'Date', nullable: true, description: "When the source reported it: given with the report, or the document's date; null when neither is known.", resolve: (report) => report.reportedAt }),
    attributedTo: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The person (or organization) the text attributes the statement to, e.g. a spokesperson.',
      resolve: (report, _args, ctx) => {
        if (!report.attributedToId) return null;
        // A report read under a filter names its person only if the filter shows them.
        const filter = readUnder(report);
        if (isFiltered(filter)) return ctx.loaders.entityUnder(filter).load(report.attributedToId).then((entity) => markReadUnder(entity, filter));
        return report.attributedTo !== undefined ? report.attributedTo : ctx.loaders.entity.load(report.attributedToId);
      },
    }),
    method: t.field({ type: ReportMethodEnum, description: 'How the report was made: by hand, or by an extraction rule (then perhaps reviewed).', resolve: (report) => report.method }),
    rule: t.exposeString('rule', { nullable: true, description: 'The extraction rule that proposed the report; null for a manual report.' }),
    confidence: t.exposeFloat('confidence', { nullable: true, description: "The extraction rule's confidence, from 0 to 1; null for a manual report." }),
  }),
});

const ReportConnection = connectionOf('Report', ReportRef);

builder.objectType(SourceRef, {
  description: 'Who reported: an outlet, a quoted official, or the document itself.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'A stable slug, e.g. global-times.' }),
    name: t.exposeString('name', { description: 'The name it is known by, e.g. Global Times.' }),
    kind: t.exposeString('kind', { description: 'outlet, official, document, agency, organization or other.' }),
    url: t.exposeString('url', { nullable: true, description: 'Its home page; null when unknown.' }),
    entity: t.field({
      type: EntityRef,
      nullable: true,
      description: 'For an official: the person entity.',
      resolve: (source, _args, ctx) => (source.entityId ? ctx.loaders.entity.load(source.entityId) : null),
    }),
    reports: t.field({
      type: ReportConnection,
      description: 'Everything this source reported.',
      args: {
        ...pageArgs(t.arg, 'reports'),
      },
      resolve: async (source, args, ctx, info) => {
        const first = pageSizeOf(args.first);
        const request = { first, after: decodeCursor(args.after), withTotal: selectsField(info, 'totalCount') };
        const { reports, total } = await ctx.loaders.reportsBySource(request).load(source.id);
        return { page: toPage(reports, first, (report) => report.id), totalCount: () => Promise.resolve(total) };
      },
    }),
  }),
});

const SourceConnection = connectionOf('Source', SourceRef);

builder.interfaceField(EntityRef, 'reportedBy', (t) =>
  t.field({
    type: [ReportRef],
    description: 'Which sources reported this entity (by asOf, when it was read under one).',
    resolve: async (entity, _args, ctx) => countedReports(entity, await ctx.loaders.reportsOfEntity.load(entity.id)),
  }),
);

builder.objectField(RelationRef, 'reportedBy', (t) =>
  t.field({
    type: [ReportRef],
    description: 'Which sources reported this relation (by asOf, when it was read under one).',
    resolve: async (relation, _args, ctx) => countedReports(relation, relation.reports ?? (await ctx.loaders.reportsOfRelation.load(relation.id))),
  }),
);

builder.queryFields((t) => ({
  source: t.field({
    type: SourceRef,
    nullable: true,
    description: 'The source with this id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The source id (slug), e.g. global-times.' }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.source.load(String(id)),
  }),
  sources: t.field({
    type: SourceConnection,
    description: 'Every source, in id order. Keyset paging: `after` takes an edge cursor.',
    args: {
      ...pageArgs(t.arg, 'sources'),
    },
    resolve: async (_root, args, ctx) => {
      const first = pageSizeOf(args.first);
      return { page: await ctx.repos.provenance.sourcesPage(first, decodeCursor(args.after)), totalCount: () => ctx.repos.provenance.countSources() };
    },
  }),
  document: t.field({
    type: DocumentRef,
    nullable: true,
    description: 'The document with this id; null when there is none.',
    args: { id: t.arg.id({ required: true, description: 'The document id (slug).' }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.document.load(String(id)),
  }),
}));
