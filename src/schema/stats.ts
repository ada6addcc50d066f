import type { GraphStats } from '../repositories/stats-repository.js';
import { builder } from './builder.js';
import { EntityTypeEnum, RelationTypeEnum } from './enums.js';

const EntityTypeCount = builder.objectRef<{ type: string; count: number }>('EntityTypeCount').implement({
  description: 'How many entities of one type the graph holds.',
  fields: (t) => ({
    type: t.field({ type: EntityTypeEnum, description: 'The entity type.', resolve: (row) => row.type as never }),
    count: t.exposeInt('count', { description: 'How many entities of that type.' }),
  }),
});

const RelationTypeCount = builder.objectRef<{ type: string; count: number }>('RelationTypeCount').implement({
  description: 'How many relations of one type the graph holds.',
  fields: (t) => ({
    type: t.field({ type: RelationTypeEnum, description: 'The relation type.', resolve: (row) => row.type as never }),
    count: t.exposeInt('count', { description: 'How many relations of that type.' }),
  }),
});

const GraphStatsRef = builder.objectRef<GraphStats>('GraphStats').implement({
  description: 'Entity and relation counts, overall and by type.',
  fields: (t) => ({
    entities: t.exposeInt('entities', { description: 'How many entities, of every type.' }),
    relations: t.exposeInt('relations', { description: 'How many relations, of every type.' }),
    sources: t.exposeInt('sources', { description: 'How many sources (outlets, officials, agencies, ...).' }),
    documents: t.exposeInt('documents', { description: 'How many documents (articles, statements) reports quote.' }),
    entitiesByType: t.field({
      type: [EntityTypeCount],
      description: 'Entity counts by type.',
      resolve: (stats) => Object.entries(stats.entitiesByType).map(([type, count]) => ({ type, count })),
    }),
    relationsByType: t.field({
      type: [RelationTypeCount],
      description: 'Relation counts by type.',
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
