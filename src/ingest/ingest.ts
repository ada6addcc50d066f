import type { CountingTransaction, Executor } from '../db/executor.js';
import { BundleValidationError, validateBundle } from '../model/validate-bundle.js';
import { bundleToBatch, type Batch, type IngestReport } from './batch.js';
import { resolveEntities, resolveRelations } from './resolve.js';
import { writeDocumentsAndSources, writeEntities, writeRelations, writeReports } from './write.js';

export const INGEST_TIMEOUT_MS = 120_000;

/**
 * What a stream carries from batch to batch: the ids resolution changed
 * (identity mappings are not stored, to keep memory flat) and each
 * document's date, the default date of its reports.
 */
export interface IngestState {
  renamedEntities: Map<string, string>;
  renamedRelations: Map<string, string>;
  publishedAt: Map<string, string | null>;
}

export function newIngestState(): IngestState {
  return { renamedEntities: new Map(), renamedRelations: new Map(), publishedAt: new Map() };
}

function withChanges(base: ReadonlyMap<string, string>, resolved: ReadonlyMap<string, string>): Map<string, string> {
  const merged = new Map(base);
  for (const [from, to] of resolved) if (from !== to) merged.set(from, to);
  return merged;
}

const mapId = (ids: ReadonlyMap<string, string>, id: string) => ids.get(id) ?? id;

/**
 * Resolves and writes one batch inside the caller's transaction. It may run
 * again when the driver retries a transient error, so it only reads `state`
 * and returns the next state rather than changing it.
 */
export async function writeBatch(tx: CountingTransaction, batch: Batch, state: IngestState): Promise<{ report: IngestReport; state: IngestState }> {
  const entities = await resolveEntities(tx, batch.entities);
  const entityIds = withChanges(state.renamedEntities, entities.ids);
  const relations = batch.relations.map((relation) => ({ ...relation, from: mapId(entityIds, relation.from), to: mapId(entityIds, relation.to) }));
  const relationResolution = await resolveRelations(tx, relations);
  const conflicts = [...entities.conflicts, ...relationResolution.conflicts];
  if (conflicts.length > 0) throw new BundleValidationError(conflicts);
  const relationIds = withChanges(state.renamedRelations, relationResolution.ids);
  const publishedAt = new Map(state.publishedAt);
  for (const document of batch.documents) publishedAt.set(document.id, document.publishedAt ?? null);

  await writeDocumentsAndSources(tx, batch, entityIds);
  await writeEntities(tx, batch.entities, entityIds);
  await writeRelations(tx, relations, relationIds);
  await writeReports(tx, batch, entityIds, relationIds, publishedAt);

  const matched = entities.matches.length;
  return {
    report: {
      documents: batch.documents.length,
      sources: batch.sources.length,
      entities: { created: entities.created.length, matched, ambiguous: entities.ambiguities.length },
      relations: { created: relationResolution.created, matched: relationResolution.matched },
      reports: batch.reports.length,
      createdEntityIds: entities.created,
      matches: entities.matches,
      ambiguities: entities.ambiguities,
    },
    state: { renamedEntities: entityIds, renamedRelations: relationIds, publishedAt },
  };
}

/** Validates a bundle and writes all of it in one transaction, or nothing. */
export async function ingestBundle(executor: Executor, input: unknown): Promise<IngestReport> {
  const batch = bundleToBatch(validateBundle(input));
  const { report } = await executor.transaction('WRITE', (tx) => writeBatch(tx, batch, newIngestState()), {
    name: 'ingest bundle',
    timeoutMs: INGEST_TIMEOUT_MS,
  });
  return report;
}
