import type { Executor } from '../db/executor.js';
import type { BundleEntity } from '../model/bundle-schema.js';
import { validateBundle } from '../model/validate-bundle.js';
import type { EntityType } from '../model/types.js';
import type { EntityMatch } from './batch.js';
import { decideEntity, lookupEntities, type EntityCandidate } from './resolve.js';

export const RESOLUTION_OUTCOMES = ['NEW', 'MATCHED', 'AMBIGUOUS', 'CONFLICT'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

/** How one bundle entity would resolve if the bundle were ingested now. */
export interface EntityResolutionPreview {
  /** The id in the bundle. */
  id: string;
  type: EntityType;
  name: string;
  outcome: ResolutionOutcome;
  /** For MATCHED and CONFLICT: the entity in the graph that ingest would write to (or that holds the id). */
  matchedId?: string;
  matchedName?: string;
  by?: EntityMatch['by'];
  /** For a match by name or alias: the bundle's name or alias that matched. */
  value?: string;
  /** The existing entities of the same type that one of its names or aliases names. */
  candidates: EntityCandidate[];
  /** For CONFLICT: why ingest would refuse the bundle. */
  message?: string;
}

export const PREVIEW_TIMEOUT_MS = 30_000;

/**
 * Which of a bundle's entities match entities in the graph, which are new,
 * which ambiguous and which in conflict, decided by the same lookup and the
 * same rules ingest uses (resolve.ts), without writing anything: one read
 * transaction.
 *
 * Ingest first claims the entities' name keys under write locks (locks.ts)
 * so that two concurrent ingests of one new name give one entity. The
 * preview takes no locks: it answers for the graph as it is when it reads,
 * and an ingest committed between the preview and the user's own may turn a
 * NEW into a MATCHED.
 */
export async function previewResolution(executor: Executor, bundle: { entities: readonly BundleEntity[] }): Promise<EntityResolutionPreview[]> {
  const { entities } = bundle;
  if (entities.length === 0) return [];
  const found = await executor.transaction('READ', (tx) => lookupEntities(tx, entities), { name: 'preview entity resolution', timeoutMs: PREVIEW_TIMEOUT_MS });
  return entities.map((entity) => {
    const decision = decideEntity(entity, found.get(entity.id)!);
    const preview: EntityResolutionPreview = {
      id: entity.id,
      type: entity.type,
      name: entity.name,
      outcome: decision.outcome,
      candidates: decision.candidates,
    };
    if (decision.outcome === 'MATCHED' || decision.outcome === 'CONFLICT') {
      Object.assign(preview, { matchedId: decision.matchedId, matchedName: decision.matchedName, by: decision.by });
    }
    if (decision.outcome === 'MATCHED' && decision.value !== undefined) preview.value = decision.value;
    if (decision.outcome === 'CONFLICT') preview.message = decision.issue.message;
    return preview;
  });
}

/** Validates a bundle as ingest does (throwing the same BundleValidationError), then previews its resolution. */
export async function previewBundleResolution(executor: Executor, input: unknown): Promise<EntityResolutionPreview[]> {
  return previewResolution(executor, validateBundle(input));
}
