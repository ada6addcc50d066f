import { GraphQLError } from 'graphql';
import { hasRole } from '../auth/authenticate.js';
import type { IngestReport } from '../ingest/batch.js';
import { ingestBundle } from '../ingest/ingest.js';
import { builder } from './builder.js';

const EntityMatchRef = builder.objectRef<IngestReport['matches'][number]>('EntityMatch').implement({
  description: 'A bundle entity resolved to an entity already in the graph.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id in the bundle.' }),
    matchedId: t.exposeID('matchedId'),
    by: t.exposeString('by', { description: 'id, name or alias; merged when the bundle id was merged into matchedId by mergeEntities.' }),
    value: t.exposeString('value', { nullable: true, description: 'The name or alias that matched.' }),
  }),
});

const AmbiguousMatchRef = builder.objectRef<IngestReport['ambiguities'][number]>('AmbiguousMatch').implement({
  description: 'A bundle entity whose name fits several entities: created on its own, never merged silently.',
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), candidates: t.exposeIDList('candidates') }),
});

const CountsRef = builder.objectRef<{ created: number; matched: number; ambiguous?: number }>('IngestCounts').implement({
  fields: (t) => ({ created: t.exposeInt('created'), matched: t.exposeInt('matched'), ambiguous: t.int({ resolve: (c) => c.ambiguous ?? 0 }) }),
});

const IngestReportRef = builder.objectRef<IngestReport>('IngestReport').implement({
  fields: (t) => ({
    documents: t.exposeInt('documents'),
    sources: t.exposeInt('sources'),
    reports: t.exposeInt('reports'),
    entities: t.field({ type: CountsRef, resolve: (report) => report.entities }),
    relations: t.field({ type: CountsRef, resolve: (report) => report.relations }),
    createdEntityIds: t.exposeIDList('createdEntityIds'),
    matches: t.field({ type: [EntityMatchRef], resolve: (report) => report.matches }),
    ambiguities: t.field({ type: [AmbiguousMatchRef], resolve: (report) => report.ambiguities }),
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
      bundle: t.arg({ type: 'JSON', required: true }),
      replaceDocument: t.arg.boolean({
        defaultValue: false,
        description:
          'Admin only: replace the stored document of the same id with this text and the metadata given. Refused (DOCUMENT_CONFLICT) when a stored report\'s quote is not at its offsets in the new text, unless the bundle rewrites that report.',
      }),
    },
    resolve: (_root, { bundle, replaceDocument }, ctx) => {
      // A replacement rewrites what every report of the document points into: an admin's decision, as merge and delete are.
      if (replaceDocument && !hasRole(ctx.viewer, 'admin')) {
        throw new GraphQLError('Only the admin role may replace a stored document (replaceDocument: true).', { extensions: { code: 'FORBIDDEN', argumentName: 'replaceDocument' } });
      }
      return ingestBundle(ctx.repos.executor, bundle, { replaceDocuments: replaceDocument ?? false });
    },
  }),
);
