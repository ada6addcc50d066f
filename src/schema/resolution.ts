import type { EntityCandidate } from '../ingest/resolve.js';
import { RESOLUTION_OUTCOMES, type EntityResolutionPreview } from '../ingest/resolution-preview.js';
import { builder } from './builder.js';
import { EntityTypeEnum } from './enums.js';

/**
 * The resolution preview: how a bundle's entities would resolve against the
 * graph, by ingest's own rules, without writing. The object type is exported
 * for other results that carry a preview (extractDraft's).
 */

const OUTCOME_DESCRIPTIONS: Record<(typeof RESOLUTION_OUTCOMES)[number], string> = {
  NEW: 'No entity in the graph has its id or, in its type, any of its names: ingest would create it.',
  MATCHED: 'Ingest would write to an existing entity: the one of its id, the one its id was merged into, or the one entity of its type with one of its names.',
  AMBIGUOUS: 'Several entities of its type have one of its names: ingest would create it apart, never merging it silently into one of them.',
  CONFLICT: 'Its id belongs to (or was merged into) an entity of another type: ingest would refuse the bundle.',
};

export const ResolutionOutcomeEnum = builder.enumType('ResolutionOutcome', {
  description: 'How a bundle entity would resolve against the graph.',
  values: Object.fromEntries(RESOLUTION_OUTCOMES.map((outcome) => [outcome, { description: OUTCOME_DESCRIPTIONS[outcome] }])) as Record<
    (typeof RESOLUTION_OUTCOMES)[number],
    { description: string }
  >,
});

export const ResolvedByEnum = builder.enumType('ResolvedBy', {
  description: 'What a match was made on.',
  values: {
    ID: { value: 'id' as const, description: 'The bundle id is the id of an entity in the graph.' },
    MERGED: { value: 'merged' as const, description: 'The bundle id was merged (mergeEntities) into the matched entity.' },
    NAME: { value: 'name' as const, description: 'The bundle name is a name or alias of the matched entity.' },
    ALIAS: { value: 'alias' as const, description: 'A bundle alias is a name or alias of the matched entity.' },
  } as const,
});

const ResolutionCandidateRef = builder.objectRef<EntityCandidate>('ResolutionCandidate').implement({
  description: "An existing entity that one of a bundle entity's names or aliases names.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id of the entity in the graph.' }),
    name: t.exposeString('name', { description: 'Its name in the graph.' }),
  }),
});

export const EntityResolutionPreviewRef = builder.objectRef<EntityResolutionPreview>('EntityResolutionPreview').implement({
  description: 'How one bundle entity would resolve if the bundle were ingested now (read without locks, so a concurrent ingest may change the answer).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The id in the bundle.' }),
    type: t.field({ type: EntityTypeEnum, description: 'The type in the bundle.', resolve: (preview) => preview.type }),
    name: t.exposeString('name', { description: 'The name in the bundle.' }),
    outcome: t.field({ type: ResolutionOutcomeEnum, description: 'New, matched, ambiguous or in conflict.', resolve: (preview) => preview.outcome }),
    matchedId: t.id({ nullable: true, description: 'For MATCHED and CONFLICT: the id of the entity in the graph.', resolve: (preview) => preview.matchedId ?? null }),
    matchedName: t.string({ nullable: true, description: 'For MATCHED and CONFLICT: the name of that entity in the graph.', resolve: (preview) => preview.matchedName ?? null }),
    by: t.field({ type: ResolvedByEnum, nullable: true, description: 'For MATCHED and CONFLICT: what the match was made on.', resolve: (preview) => preview.by ?? null }),
    value: t.string({ nullable: true, description: 'For a match by NAME or ALIAS: the bundle name or alias that matched.', resolve: (preview) => preview.value ?? null }),
    candidates: t.field({
      type: [ResolutionCandidateRef],
      description: 'The existing entities of its type that one of its names or aliases names, by id; several make it AMBIGUOUS.',
      resolve: (preview) => preview.candidates,
    }),
    message: t.string({ nullable: true, description: 'For CONFLICT: why ingest would refuse the bundle.', resolve: (preview) => preview.message ?? null }),
  }),
});

builder.queryField('bundleResolution', (t) =>
  t.field({
    type: [EntityResolutionPreviewRef],
    authScopes: { edit: true },
    description:
      'How the entities of a bundle would resolve against the graph (new, matched, ambiguous or in conflict), by the rules ingestBundle uses, without writing anything. ' +
      'The bundle is validated first: an invalid one gets the BAD_USER_INPUT error ingestBundle would give.',
    args: { bundle: t.arg({ type: 'JSON', required: true, description: 'A bundle (docs/bundle-format.md), as ingestBundle takes it.' }) },
    resolve: (_root, { bundle }, ctx) => ctx.repos.bundles.previewResolution(bundle),
  }),
);
