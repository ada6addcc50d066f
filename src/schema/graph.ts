import type { GraphStats } from '../repositories/stats-repository.js';
import { builder } from './builder.js';
import { EntityTypeEnum, RelationTypeEnum } from './enums.js';

const EntityTypeCount = builder.objectRef<{ type: string; count: number }>('EntityTypeCount').implement({
  fields: (t) => ({ type: t.field({ type: EntityTypeEnum, resolve: (row) => row.type as never }), count: t.exposeInt('count') }),
});

const RelationTypeCount = builder.objectRef<{ type: string; count: number }>('RelationTypeCount').implement({
  fields: (t) => ({ type: t.field({ type: RelationTypeEnum, resolve: (row) => row.type as never }), count: t.exposeInt('count') }),
});

const GraphStatsRef = builder.objectRef<GraphStats>('GraphStats').implement({
  description: 'Entity and relation counts, overall and by type.',
  fields: (t) => ({
    entities: t.exposeInt('entities'),
    relations: t.exposeInt('relations'),
    sources: t.exposeInt('sources'),
    documents: t.exposeInt('documents'),
    entitiesByType: t.field({
      type: [EntityTypeCount],
      resolve: (stats) => Object.entries(stats.entitiesByType).map(([type, count]) => ({ type, count })),
    }),
    relationsByType: t.field({
      type: [RelationTypeCount],
      resolve: (stats) => Object.entries(stats.relationsByType).map(([type, count]) => ({ type, count })),
    }),
  }),
});

builder.queryField('stats', (t) =>
  t.field({
    type: GraphStatsRef,
    description: 'Entity and relation counts, by type.',
    resolve: (_root, _args, ctx) => ctx.repos.stats.stats(),
  }),
);
