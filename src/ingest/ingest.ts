import type { CountingTransaction, Executor } from '../db/executor.js';
import { nameKeys } from '../model/names.js';
import { BundleValidationError, validateBundle } from '../model/validate-bundle.js';
import { bundleToBatch, type Batch, type IngestReport } from './batch.js';
import { claimDocuments, type DocumentOptions } from './documents.js';
import { claimNameKeys } from './locks.js';
import { lockReferencedEntities } from './referenced.js';
import { resolveEntities, resolveRelations } from './resolve.js';
import { storedReportId, subjectValues, writeEntities, writeRelations, writeReports, writeSources, type SubjectValues } from './write.js';
import { fileDocuments, refileForPublishers } from '../claims/syndication.js';
import { refreshCorroboration, resetOrigins, subjectsOf, type Subjects } from '../claims/refresh.js';
import { batchChanges } from '../changes/ingest-changes.js';
import { recordChanges } from '../changes/record.js';

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
  /**
   * What the stream's records said of their subjects, for reports in later batches (a bundle's reports say what its
   * records say). Only records that say something are kept, at most VALUES_KEPT of them; a report further on than
   * that from its subject's record says nothing unless it carries its own values, as every export's reports do.
   */
  subjectValues: Map<string, SubjectValues>;
}

const VALUES_KEPT = 200_000;

export function newIngestState(): IngestState {
  return { renamedEntities: new Map(), renamedRelations: new Map(), publishedAt: new Map(), subjectValues: new Map() };
}

function withChanges(base: ReadonlyMap<string, string>, resolved: ReadonlyMap<string, string>): Map<string, string> {
  const merged = new Map(base);
  for (const [from, to] of resolved) if (from !== to) merged.set(from, to);
  return merged;
}

const mapId = (ids: ReadonlyMap<string, string>, id: string) => ids.get(id) ?? id;

export type IngestOptions = DocumentOptions;

/** The values of earlier batches and this one's, a new map (a retried batch must not see its own), bounded. */
function keptValues(earlier: ReadonlyMap<string, SubjectValues>, batch: ReadonlyMap<string, SubjectValues>): Map<string, SubjectValues> {
  const kept = new Map(earlier);
  for (const [key, values] of batch) {
    if (kept.size >= VALUES_KEPT) break;
    if (Object.values(values).some((value) => value !== null)) kept.set(key, values);
  }
  return kept;
}

/** Everything whose reports the batch may have changed: its entities, relations and report subjects, and those of documents whose voice changed. */
function batchSubjects(batch: Batch, entityIds: ReadonlyMap<string, string>, relationIds: ReadonlyMap<string, string>, revoiced: Subjects): Subjects {
  return {
    entities: [
      ...batch.entities.map((entity) => mapId(entityIds, entity.id)),
      ...batch.reports.flatMap((report) => ('entity' in report.subject ? [mapId(entityIds, report.subject.entity)] : [])),
      ...revoiced.entities,
    ],
    relations: [
      ...batch.relations.map((relation) => mapId(relationIds, relation.id)),
      ...batch.reports.flatMap((report) => ('relation' in report.subject ? [mapId(relationIds, report.subject.relation)] : [])),
      ...revoiced.relations,
    ],
  };
}

/**
 * Resolves and writes one batch inside the caller's transaction. It may run
 * again when the driver retries a transient error (a deadlock between two
 * ingests' locks, say), so it only reads `state` and returns the next state
 * rather than changing it.
 *
 * The order is what makes concurrent writers safe, in the database rather
 * than in this process: the documents are claimed first (a conflict stops
 * here), then the names (a concurrent ingest of the same new name waits for
 * this one and then matches its entity), then every existing entity the
 * batch refers to is locked (a concurrent merge runs before or after it).
 */
export async function writeBatch(
  tx: CountingTransaction,
  batch: Batch,
  state: IngestState,
  options: IngestOptions = {},
): Promise<{ report: IngestReport; state: IngestState }> {
  const rewritten = options.rewrittenReports ?? new Set(batch.reports.map((report) => storedReportId(report.document, report.id)));
  const stored = await claimDocuments(tx, batch.documents, options, rewritten);
  await claimNameKeys(
    tx,
    batch.entities.flatMap((entity) => nameKeys(entity.type, [entity.name, ...entity.aliases])),
  );
  const entities = await resolveEntities(tx, batch.entities);
  const entityIds = await lockReferencedEntities(tx, batch, withChanges(state.renamedEntities, entities.ids), new Set(entities.created));
  const relations = batch.relations.map((relation) => ({ ...relation, from: mapId(entityIds, relation.from), to: mapId(entityIds, relation.to) }));
  const relationResolution = await resolveRelations(tx, relations);
  const conflicts = [...entities.conflicts, ...relationResolution.conflicts];
  if (conflicts.length > 0) throw new BundleValidationError(conflicts);
  const relationIds = withChanges(state.renamedRelations, relationResolution.ids);
  const publishedAt = new Map([...state.publishedAt, ...stored]);

  await writeSources(tx, batch, entityIds);
  const revoicedDocuments = [
    ...(await fileDocuments(tx, batch.documents)),
    ...(await refileForPublishers(
      tx,
      batch.sources.map((source) => source.id),
    )),
  ];
  await resetOrigins(tx, revoicedDocuments);
  await writeEntities(tx, batch.entities, entityIds);
  await writeRelations(tx, relations, relationIds);
  const batchValues = subjectValues(batch);
  await writeReports(tx, batch, entityIds, relationIds, publishedAt, batchValues, state.subjectValues);
  await refreshCorroboration(tx, batchSubjects(batch, entityIds, relationIds, await subjectsOf(tx, revoicedDocuments)));
  // The feed's events, appended at the end of this same transaction by the executor.
  recordChanges(tx, batchChanges(batch, entityIds, relationIds));

  const matched = entities.matches.length;
  return {
    report: {
      documents: batch.documents.length,
      sources: batch.sources.length,
      entities: { created: entities.created.length, matched, ambiguous: entities.ambiguities.length },
      relations: { created: relationResolution.created, matched: relationResolution.matched },
      reports: batch.reports.length,
      createdEntityIds: entities.created,
      // A match followed to the entity it was merged into while this ran names where it went.
      matches: entities.matches.map((match) => ({ ...match, matchedId: mapId(entityIds, match.id) })),
      ambiguities: entities.ambiguities,
    },
    state: { renamedEntities: entityIds, renamedRelations: relationIds, publishedAt, subjectValues: keptValues(state.subjectValues, batchValues) },
  };
}

/** Validates a bundle and writes all of it in one transaction, or nothing. */
export async function ingestBundle(executor: Executor, input: unknown, options: IngestOptions = {}): Promise<IngestReport> {
  const batch = bundleToBatch(validateBundle(input));
  const { report } = await executor.transaction('WRITE', (tx) => writeBatch(tx, batch, newIngestState(), options), {
    name: 'ingest bundle',
    timeoutMs: INGEST_TIMEOUT_MS,
  });
  return report;
}
