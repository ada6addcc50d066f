import { GraphQLError } from 'graphql';
import type { GraphContext } from '../context.js';
import type { ChangeFeed } from '../changes/feed.js';
import { decodeChangeCursor, encodeChangeCursor } from '../changes/cursor.js';
import { CHANGE_KINDS, type ChangeActor, type ChangeEvent, type ChangeKind } from '../changes/kinds.js';
import { builder } from './builder.js';
import { PageInfo } from './support/connection.js';
import { LIMITS } from '../model/limits.js';
import { checkRange } from './support/limits.js';

const KIND_DESCRIPTIONS: Record<ChangeKind, string> = {
  ENTITY_UPSERTED: 'An entity was created or changed (upsertEntity, or an ingest naming it). subjectId is the entity.',
  ENTITY_DELETED: 'An entity was deleted (deleteEntity), with its relations (each also gets a RELATION_DELETED event). subjectId is the entity.',
  ENTITIES_MERGED: 'mergeEntities moved mergedId onto subjectId and deleted it; mergedId now leads to subjectId. Both are in entityIds.',
  RELATION_UPSERTED: 'A relation was created or changed (upsertRelation, or an ingest). subjectId is the relation; entityIds are its two ends.',
  RELATION_DELETED: 'A relation was deleted with one of its ends. subjectId is the relation; entityIds are its two ends.',
  REPORT_ADDED: 'An ingest added or replaced a report. subjectId is the report, documentId its document, relationId its relation (if it reports one); entityIds its entity, or its relation\'s ends when the same ingest wrote the relation.',
  DOCUMENT_INGESTED: 'An ingest wrote a document. subjectId is the document; entityIds the entities its reports in that ingest speak of.',
  SOURCE_UPSERTED: 'An ingest wrote a source. subjectId is the source; entityIds its person or organization, if it names one.',
  SOURCE_GROUPED: 'groupSources put a source into an independence group or took it out. subjectId is the source; entityIds the entities whose counts it changed.',
};

export const ChangeKindEnum = builder.enumType('ChangeKind', {
  description: 'What a change event says happened.',
  values: Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, { value: kind, description: KIND_DESCRIPTIONS[kind] }])) as Record<ChangeKind, { value: ChangeKind; description: string }>,
});

const ChangeActorRef = builder.objectRef<ChangeActor>('ChangeActor').implement({
  description: 'Who made a change.',
  fields: (t) => ({
    role: t.exposeString('role', { nullable: true, description: 'The caller\'s role (reader, editor or admin); null for writes made without a GraphQL caller (the CLI, the seed loader).' }),
    via: t.exposeString('via', { description: 'How the caller authenticated: api-key, jwt or anonymous; local for writes made without a GraphQL caller.' }),
    principal: t.exposeString('principal', { nullable: true, description: 'A stable, non-secret name of the credential (key: and a digest prefix, or jwt: and the token subject); null when none is known.' }),
  }),
});

export const ChangeRef = builder.objectRef<ChangeEvent>('Change').implement({
  description: 'One committed change, as the outbox recorded it in the same transaction (docs/change-feed.md).',
  fields: (t) => ({
    sequence: t.float({
      description: 'The event\'s place in the feed: a whole number, strictly increasing in commit order, with no gaps between committed events (Float only because it may pass 2^31; exact up to 2^53).',
      resolve: (event) => event.sequence,
    }),
    kind: t.field({ type: ChangeKindEnum, description: 'What happened.', resolve: (event) => event.kind }),
    at: t.exposeString('at', { description: 'When the change was appended, as an ISO 8601 date-time (the database clock).' }),
    subjectId: t.exposeID('subjectId', { description: 'The id of what changed: the entity (the kept one of a merge), relation, report, document or source; see the kind.' }),
    entityIds: t.exposeIDList('entityIds', { description: 'Every entity id the change touches (both ids of a merge, both ends of a relation); the entityIds filter matches these.' }),
    relationId: t.exposeID('relationId', { nullable: true, description: 'The relation a report is about; null otherwise.' }),
    documentId: t.exposeID('documentId', { nullable: true, description: 'The document of a report; null otherwise.' }),
    mergedId: t.exposeID('mergedId', { nullable: true, description: 'ENTITIES_MERGED: the id merged away into subjectId; null otherwise.' }),
    actor: t.field({ type: ChangeActorRef, description: 'Who made the change.', resolve: (event) => event.actor }),
  }),
});

interface ChangeEdgeShape {
  cursor: string;
  node: ChangeEvent;
}

const edgeOf = (event: ChangeEvent): ChangeEdgeShape => ({ cursor: encodeChangeCursor(event.sequence), node: event });

const ChangeEdgeRef = builder.objectRef<ChangeEdgeShape>('ChangeEdge').implement({
  description: 'A change with its cursor.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Pass it as after (to changes or changed) to continue with the events after this one.' }),
    node: t.field({ type: ChangeRef, description: 'The change.', resolve: (edge) => edge.node }),
  }),
});

interface ChangeConnectionShape {
  edges: ChangeEdgeShape[];
  hasNextPage: boolean;
  endCursor: string | null;
}

const ChangeConnectionRef = builder.objectRef<ChangeConnectionShape>('ChangeConnection').implement({
  description: 'A page of the change feed, oldest first.',
  fields: (t) => ({
    edges: t.field({ type: [ChangeEdgeRef], description: 'The events of this page, in sequence order.', resolve: (page) => page.edges }),
    pageInfo: t.field({
      type: PageInfo,
      description: 'endCursor is where to continue: the last edge\'s cursor, or, when the page is not full, the feed\'s newest position this read saw (events the filters skipped are not read again). It is null only for an empty feed read without after.',
      resolve: (page) => ({ hasNextPage: page.hasNextPage, endCursor: page.endCursor, startCursor: page.edges[0]?.cursor ?? null }),
    }),
  }),
});

function feedOf(ctx: GraphContext): ChangeFeed {
  if (!ctx.changeFeed) throw new GraphQLError('The change feed is not running on this instance.', { extensions: { code: 'FEED_UNAVAILABLE' } });
  return ctx.changeFeed;
}

function filterOf(args: { kinds?: ChangeKind[] | null; entityIds?: Array<string | number> | null }) {
  if (args.entityIds) checkRange('entityIds (count)', args.entityIds.length, LIMITS.changeEntityIds);
  return { kinds: args.kinds ?? null, entityIds: args.entityIds?.map(String) ?? null };
}

const KINDS_DESCRIPTION = 'Only events of these kinds. Absent or null: every kind.';
const ENTITY_IDS_DESCRIPTION = `Only events that touch one of these entity ids (Change.entityIds), ${LIMITS.changeEntityIds.min} to ${LIMITS.changeEntityIds.max} of them. Absent or null: every event.`;

builder.queryField('changes', (t) =>
  t.field({
    type: ChangeConnectionRef,
    description:
      'Every committed change after a cursor, oldest first, for scripts and for catching up (docs/change-feed.md). Follows the read rules. ' +
      'Events older than the retention (NEWSGRAPH_CHANGES_RETENTION, 7 days by default) are pruned: an older cursor fails with CURSOR_EXPIRED.',
    args: {
      after: t.arg.string({ description: 'A cursor from an earlier answer (ChangeEdge.cursor or pageInfo.endCursor): the events after it. Absent or null: from the oldest event kept.' }),
      first: t.arg.int({ defaultValue: LIMITS.changesPage.default, description: `How many events at most, ${LIMITS.changesPage.min} to ${LIMITS.changesPage.max}; default ${LIMITS.changesPage.default}.` }),
      kinds: t.arg({ type: [ChangeKindEnum], description: KINDS_DESCRIPTION }),
      entityIds: t.arg.idList({ description: ENTITY_IDS_DESCRIPTION }),
    },
    resolve: async (_root, args, ctx) => {
      const first = checkRange('first', args.first ?? LIMITS.changesPage.default, LIMITS.changesPage);
      const after = decodeChangeCursor(args.after);
      // Read through the request's executor: held to its time budget, and after the bookmarks it sent.
      const pulled = await feedOf(ctx).pull(after, first, filterOf(args), ctx.repos.changeFeed);
      const endCursor = pulled.end === 0 && after === null ? null : encodeChangeCursor(pulled.end);
      return { edges: pulled.events.map(edgeOf), hasNextPage: pulled.hasNextPage, endCursor };
    },
  }),
);

builder.subscriptionType({ authScopes: { read: true }, description: 'Live answers, over Server-Sent Events (GraphQL over SSE: POST or GET /graphql with accept: text/event-stream).' });

builder.subscriptionField('changed', (t) =>
  t.field({
    type: ChangeEdgeRef,
    description:
      'The change feed, live: with after, first every event after that cursor from the outbox, then each new one as it commits (on any instance), ' +
      'with no gap and no repeat between the two; without after, only events committed from now on. Resume after a disconnection with the last cursor received. ' +
      'A cursor older than the retention fails with CURSOR_EXPIRED. Follows the read rules.',
    args: {
      after: t.arg.string({ description: 'A cursor (ChangeEdge.cursor or pageInfo.endCursor): replay the events after it first. Absent or null: live events only.' }),
      kinds: t.arg({ type: [ChangeKindEnum], description: KINDS_DESCRIPTION }),
      entityIds: t.arg.idList({ description: ENTITY_IDS_DESCRIPTION }),
    },
    subscribe: (_root, args, ctx) => feedOf(ctx).subscribe(decodeChangeCursor(args.after), filterOf(args)),
    resolve: (event: ChangeEvent) => edgeOf(event),
  }),
);
