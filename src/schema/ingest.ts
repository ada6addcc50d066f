import { GraphQLError } from 'graphql';
import { hasRole } from '../auth/authenticate.js';
import type { IngestReport } from '../ingest/batch.js';
import { builder } from './builder.js';

const EntityMatchRef = builder.objectRef<IngestReport['matches'][number]>('EntityMatch').implement({
  description: 'A bundle entity resolved to an entity already in the graph.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id in the bundle.' }),
    matchedId: t.exposeID('matchedId', { description: 'The id of the entity in the graph it was resolved to.' }),
    by: t.exposeString('by', { description: 'id, name or alias; merged when the bundle id was merged into matchedId by mergeEntities.' }),
    value: t.exposeString('value', { nullable: true, description: 'The name or alias that matched.' }),
  }),
});

const AmbiguousMatchRef = builder.objectRef<IngestReport['ambiguities'][number]>('AmbiguousMatch').implement({
  description: 'A bundle entity whose name fits several entities: created on its own, never merged silently.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id in the bundle (and of the entity created for it).' }),
    name: t.exposeString('name', { description: 'The name that fits several entities.' }),
    candidates: t.exposeIDList('candidates', { description: 'The ids of the entities already in the graph that the name fits; merge by hand with mergeEntities if one is right.' }),
  }),
});

const CountsRef = builder.objectRef<{ created: number; matched: number; ambiguous?: number }>('IngestCounts').implement({
  description: "What became of a bundle's entities or relations.",
  fields: (t) => ({
    created: t.exposeInt('created', { description: 'How many were new to the graph.' }),
    matched: t.exposeInt('matched', { description: 'How many were resolved to ones already in the graph.' }),
    ambiguous: t.int({ description: 'How many fit several existing entities and were created on their own (0 for relations).', resolve: (c) => c.ambiguous ?? 0 }),
  }),
});

const IngestReportRef = builder.objectRef<IngestReport>('IngestReport').implement({
  description: 'What an ingested bundle wrote.',
  fields: (t) => ({
    documents: t.exposeInt('documents', { description: 'How many documents the bundle held.' }),
    sources: t.exposeInt('sources', { description: 'How many sources the bundle held.' }),
    reports: t.exposeInt('reports', { description: 'How many reports (quotes that state an entity or relation) the bundle held.' }),
    entities: t.field({ type: CountsRef, description: "What became of the bundle's entities.", resolve: (report) => report.entities }),
    relations: t.field({ type: CountsRef, description: "What became of the bundle's relations.", resolve: (report) => report.relations }),
    createdEntityIds: t.exposeIDList('createdEntityIds', { description: 'The ids of the entities created.' }),
    matches: t.field({ type: [EntityMatchRef], description: 'The bundle entities resolved to entities already in the graph, and how.', resolve: (report) => report.matches }),
    ambiguities: t.field({ type: [AmbiguousMatchRef], description: 'The bundle entities whose names fit several existing entities.', resolve: (report) => report.ambiguities }),
  }),
});

builder.mutationField('ingestBundle', (t) =>
  t.field({
    type: IngestReportRef,
    authScopes: { edit: true },
    description:
      'Validates a bundle (docs/bundle-format.md) and writes all of it in one transaction, or nothing. The same path as `newsgraph ingest`. ' +
      'A document id already stored is accepted again only with the same text and metadata (it is then left unchanged); otherwise the bundle is refused with DOCUMENT_CONFLICT.',
    args: {
      bundle: t.arg({ type: 'JSON', required: true, description: 'The bundle, as a variable (JSON literals inline are refused): document, sources, entities, relations and reports, as in docs/bundle-format.md.' }),
      replaceDocument: t.arg.boolean({
        defaultValue: false,
        description:
          'Admin only: replace the stored document of the same id with this text and the metadata given. Refused (DOCUMENT_CONFLICT) when a stored report\'s quote is not at its offsets in the new text, unless the bundle rewrites that report. Default false: a stored document is never replaced.',
      }),
    },
    resolve: (_root, { bundle, replaceDocument }, ctx) => {
      // A replacement rewrites what every report of the document points into: an admin's decision, as merge and delete are.
      if (replaceDocument && !hasRole(ctx.viewer, 'admin')) {
        throw new GraphQLError('Only the admin role may replace a stored document (replaceDocument: true).', { extensions: { code: 'FORBIDDEN', argumentName: 'replaceDocument' } });
      }
      return ctx.repos.bundles.ingest(bundle, { replaceDocuments: replaceDocument ?? false });
    },
  }),
);
