/** What a change event says happened; the GraphQL enum ChangeKind lists the same values with their meaning. */
export const CHANGE_KINDS = [
  'ENTITY_UPSERTED',
  'ENTITY_DELETED',
  'ENTITIES_MERGED',
  'RELATION_UPSERTED',
  'RELATION_DELETED',
  'REPORT_ADDED',
  'DOCUMENT_INGESTED',
  'SOURCE_UPSERTED',
  'SOURCE_GROUPED',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change as a write path describes it; the outbox adds its sequence, time and actor. */
export interface ChangeDraft {
  kind: ChangeKind;
  /** The id of what changed: the entity (the kept one for a merge), relation, report, document or source. */
  subjectId: string;
  /** Every entity the change touches, for subscribers that follow some entities. */
  entityIds: readonly string[];
  relationId?: string | null;
  documentId?: string | null;
  /** ENTITIES_MERGED: the id merged away into subjectId. */
  mergedId?: string | null;
}

/** Who made a change: the caller's role and how it authenticated, with its principal when one is known. */
export interface ChangeActor {
  role: string | null;
  via: string;
  principal: string | null;
}

/** Writes made without a GraphQL caller: the CLI, the seed loader, scripts using the library. */
export const LOCAL_ACTOR: ChangeActor = { role: null, via: 'local', principal: null };

/** A stored event, as the feed reads it back. */
export interface ChangeEvent {
  sequence: number;
  kind: ChangeKind;
  at: string;
  subjectId: string;
  entityIds: string[];
  relationId: string | null;
  documentId: string | null;
  mergedId: string | null;
  actor: ChangeActor;
}
