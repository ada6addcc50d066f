import type { GraphQLResolveInfo } from 'graphql';
import type { PathRecord, Subgraph, SubgraphReads } from '../repositories/graph-repository.js';
import { ENTITY_PROPERTIES, RELATION_PROPERTIES } from '../repositories/support/records.js';
import { builder } from './builder.js';
import { claimFilterArgs, claimFilterOf, markReadUnder } from './support/claim-filter-args.js';
import { EntityRef, EventRef } from './entity.js';
import { RelationTypeEnum } from './enums.js';
import { checkRange, rangeText } from './support/limits.js';
import { LIMITS } from '../model/limits.js';
import { RelationRef } from './relation.js';
import { propertiesToRead, selectedFieldNames } from './support/selection.js';
import { ENTITY_VALUE_PROPERTIES, RELATION_VALUE_PROPERTIES } from '../claims/values.js';

/**
 * A neighbourhood or path reads only the properties its selection names
 * (anywhere below it: its records are not shared with other fields), so a
 * graph of hundreds of nodes asked for `id name` does not carry every property.
 */
function readsOf(info: GraphQLResolveInfo): SubgraphReads {
  const names = selectedFieldNames(info);
  return { entity: propertiesToRead(ENTITY_PROPERTIES, ENTITY_VALUE_PROPERTIES, names), relation: propertiesToRead(RELATION_PROPERTIES, RELATION_VALUE_PROPERTIES, names) };
}

const SubgraphRef = builder.objectRef<Subgraph>('Subgraph').implement({
  description: 'A part of the graph: some entities and the relations among them.',
  fields: (t) => ({
    nodes: t.field({ type: [EntityRef], description: 'The entities, the one asked about included.', resolve: (graph) => graph.nodes }),
    relations: t.field({ type: [RelationRef], description: 'The relations between those entities.', resolve: (graph) => graph.relations }),
    truncated: t.exposeBoolean('truncated', { description: 'True when the limit stopped the expansion.' }),
  }),
});

const PathRef = builder.objectRef<PathRecord>('Path').implement({
  description: 'A chain of relations from one entity to another.',
  fields: (t) => ({
    nodes: t.field({ type: [EntityRef], description: 'The entities along the path, in order, from the first to the last.', resolve: (path) => path.nodes }),
    relations: t.field({ type: [RelationRef], description: 'The relations along the path, in order; relation i joins nodes i and i+1, in either direction.', resolve: (path) => path.relations }),
    length: t.int({ description: 'The number of hops (relations); 0 when from and to are the same entity.', resolve: (path) => path.relations.length }),
  }),
});

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: SubgraphRef,
    nullable: true,
    description:
      'Entities within `depth` hops (at most `limit` of them) and the relations among them. Null when the entity does not exist, or asOf or minSources leave it out; under them the expansion only crosses relations that pass to entities that pass.',
    args: {
      id: t.arg.id({ required: true, description: 'The entity at the centre.' }),
      depth: t.arg.int({
        defaultValue: LIMITS.neighborhoodDepth.default,
        description: `How many hops to go out, ${rangeText(LIMITS.neighborhoodDepth)}.`,
      }),
      relationTypes: t.arg({ type: [RelationTypeEnum], description: 'Only cross relations of these types; all types when omitted or empty.' }),
      limit: t.arg.int({
        defaultValue: LIMITS.neighborhoodLimit.default,
        description: `How many entities at most, ${rangeText(LIMITS.neighborhoodLimit)}; truncated says when it stopped the expansion.`,
      }),
      ...claimFilterArgs(t.arg),
    },
    resolve: async (_root, args, ctx, info) => {
      const depth = checkRange('depth', args.depth ?? LIMITS.neighborhoodDepth.default, LIMITS.neighborhoodDepth);
      const limit = checkRange('limit', args.limit ?? LIMITS.neighborhoodLimit.default, LIMITS.neighborhoodLimit);
      const filter = claimFilterOf(args);
      const graph = await ctx.repos.graph.neighborhood(String(args.id), depth, args.relationTypes ?? [], limit, readsOf(info), filter);
      for (const record of [...(graph?.nodes ?? []), ...(graph?.relations ?? [])]) markReadUnder(record, filter);
      return graph;
    },
  }),
  shortestPath: t.field({
    type: PathRef,
    nullable: true,
    description: 'A shortest path, ignoring direction. Null when none exists within maxHops; under asOf or minSources, a shortest one through entities and relations that pass.',
    args: {
      from: t.arg.id({ required: true, description: 'The id of the entity the path starts at.' }),
      to: t.arg.id({ required: true, description: 'The id of the entity the path ends at.' }),
      maxHops: t.arg.int({
        defaultValue: LIMITS.maxHops.default,
        description: `The longest path to look for, in hops, ${rangeText(LIMITS.maxHops)}.`,
      }),
      relationTypes: t.arg({ type: [RelationTypeEnum], description: 'Only cross relations of these types; all types when omitted or empty.' }),
      ...claimFilterArgs(t.arg),
    },
    resolve: async (_root, args, ctx, info) => {
      const maxHops = checkRange('maxHops', args.maxHops ?? LIMITS.maxHops.default, LIMITS.maxHops);
      const filter = claimFilterOf(args);
      const path = await ctx.repos.graph.shortestPath(String(args.from), String(args.to), maxHops, args.relationTypes ?? [], readsOf(info), filter);
      for (const record of [...(path?.nodes ?? []), ...(path?.relations ?? [])]) markReadUnder(record, filter);
      return path;
    },
  }),
  timeline: t.field({
    type: [EventRef],
    description: `Events in date order (undated last): all of them, or those one hop from an entity; at most ${LIMITS.timeline.max}. Under asOf or minSources, the entity, the relation to each event and the event must pass.`,
    args: {
      entityId: t.arg.id({ description: 'Only events one relation away from this entity; every event when omitted.' }),
      from: t.arg({ type: 'Date', description: 'Only events that end (or, without an end date, start) on or after this date; a month or year counts from its first day. No lower bound when omitted.' }),
      to: t.arg({ type: 'Date', description: 'Only events that start on or before this date; a month or year counts to its last day. No upper bound when omitted.' }),
      ...claimFilterArgs(t.arg),
    },
    resolve: async (_root, args, ctx) => {
      const filter = claimFilterOf(args);
      const entityId = args.entityId === null || args.entityId === undefined ? null : String(args.entityId);
      const events = await ctx.repos.graph.timeline(entityId, args.from ?? null, args.to ?? null, LIMITS.timeline.max, filter);
      for (const event of events) markReadUnder(event, filter);
      return events;
    },
  }),
}));
