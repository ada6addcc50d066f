import neo4j from 'neo4j-driver';
import type { Executor } from '../db/executor.js';
import type { ChangeEvent, ChangeKind } from '../changes/kinds.js';

/** Which events a reader wants; absent lists mean every kind, every entity. */
export interface ChangeFilter {
  kinds?: readonly ChangeKind[] | null;
  entityIds?: readonly string[] | null;
}

/** Where the feed stands: its newest sequence number, and the newest one pruned (0 when none was). */
export interface FeedPosition {
  head: number;
  prunedThrough: number;
}

export interface ChangePage {
  /** Up to `limit` events that pass the filter, in sequence order. */
  events: ChangeEvent[];
  /** Where the next read continues after: the last event read, or what the filter skipped up to. */
  through: number;
  /** Whether more may follow at once: the page or the scan was full, or a hole stopped it. */
  more: boolean;
  /** A number not yet visible while later ones are: a transaction still being applied. Its first number after, if so. */
  holeBefore: number | null;
  prunedThrough: number;
}

const POSITION = `
OPTIONAL MATCH (counter:ChangeCounter {id: 'feed'})
RETURN coalesce(counter.sequence, 0) AS head, coalesce(counter.prunedThrough, 0) AS prunedThrough`;

/**
 * Numbers have no gaps, but Neo4j does not make a commit visible all at
 * once: a reader may see an event before an earlier one. So a read keeps
 * only the unbroken run of numbers after the cursor (the scan), and the
 * filters apply within that run; a reader waits for a hole to fill rather
 * than stepping over it.
 */
const EVENTS_AFTER = `
MATCH (e:Change) WHERE e.sequence > $after
WITH e ORDER BY e.sequence LIMIT $scan
WITH collect(e) AS scanned
WITH scanned, [i IN range(0, size(scanned) - 1) WHERE scanned[i].sequence <> $after + i + 1] AS breaks
WITH scanned, CASE WHEN size(breaks) = 0 THEN size(scanned) ELSE breaks[0] END AS unbroken
WITH scanned, unbroken,
     [e IN scanned[0..unbroken] WHERE ($kinds IS NULL OR e.kind IN $kinds) AND ($entityIds IS NULL OR any(id IN e.entityIds WHERE id IN $entityIds))][0..$limit + 1] AS matching
RETURN size(scanned) AS scanned,
       CASE WHEN unbroken = 0 THEN $after ELSE scanned[unbroken - 1].sequence END AS through,
       CASE WHEN unbroken < size(scanned) THEN scanned[unbroken].sequence ELSE null END AS holeBefore,
       [e IN matching | {sequence: e.sequence, kind: e.kind, at: toString(e.at), subjectId: e.subjectId, entityIds: coalesce(e.entityIds, []),
         relationId: e.relationId, documentId: e.documentId, mergedId: e.mergedId,
         actor: {role: e.actorRole, via: coalesce(e.actorVia, 'local'), principal: e.actorPrincipal}}] AS events`;

/** Events a filtered read looks at, at most, to fill its page. */
const FILTERED_SCAN = 1000;

// The newest event older than the cutoff; every event up to it goes (sequence order, not time order, decides).
const PRUNE_BOUND = `
MATCH (e:Change) WHERE e.at < datetime($cutoff)
RETURN max(e.sequence) AS bound`;

const PRUNE_BATCH = `
MATCH (e:Change) WHERE e.sequence <= $bound
WITH e ORDER BY e.sequence LIMIT $batch
DELETE e
RETURN count(*) AS deleted`;

// Not the counter's lock for long: writers queue on it. Only ever raised.
const MARK_PRUNED = `
MERGE (counter:ChangeCounter {id: 'feed'})
ON CREATE SET counter.sequence = 0, counter.prunedThrough = 0
SET counter.prunedThrough = CASE WHEN coalesce(counter.prunedThrough, 0) < $bound THEN $bound ELSE counter.prunedThrough END`;

const PRUNE_BATCH_SIZE = 10_000;

/** The outbox as the feed reads it: pages of events after a sequence number, and pruning. */
export class ChangeFeedRepository {
  constructor(private readonly db: Executor) {}

  async position(): Promise<FeedPosition> {
    const [row] = await this.db.read<FeedPosition>(POSITION, {}, { name: 'change feed position' });
    return row ?? { head: 0, prunedThrough: 0 };
  }

  /**
   * Up to `limit` events after `after` (null: after the oldest pruned) that pass the filter. The pruning mark is
   * read after the events: a page read while pruning passed its cursor is known to be incomplete.
   */
  page(after: number | null, limit: number, filter: ChangeFilter = {}): Promise<ChangePage> {
    return this.db.transaction(
      'READ',
      async (tx) => {
        const position = async () => (await tx.run<FeedPosition>(POSITION)).records[0]?.toObject() ?? { head: 0, prunedThrough: 0 };
        const from = after ?? (await position()).prunedThrough;
        const filtered = Boolean(filter.kinds?.length || filter.entityIds?.length);
        const scan = filtered ? Math.max(limit + 1, FILTERED_SCAN) : limit + 1;
        const params = {
          after: neo4j.int(from),
          limit: neo4j.int(limit),
          scan: neo4j.int(scan),
          kinds: filter.kinds?.length ? filter.kinds : null,
          entityIds: filter.entityIds?.length ? filter.entityIds : null,
        };
        const row = (await tx.run(EVENTS_AFTER, params)).records[0]!.toObject() as {
          scanned: number;
          through: number;
          holeBefore: number | null;
          events: ChangeEvent[];
        };
        const { prunedThrough } = await position();
        if (row.events.length > limit) {
          const events = row.events.slice(0, limit);
          return { events, through: events.at(-1)!.sequence, more: true, holeBefore: null, prunedThrough };
        }
        const more = row.holeBefore !== null || row.scanned === scan;
        return { events: row.events, through: row.through, more, holeBefore: row.holeBefore, prunedThrough };
      },
      { name: 'change feed page' },
    );
  }

  /** Deletes every event older than the cutoff (and every earlier-numbered one); returns how many went. */
  async prune(cutoff: Date): Promise<number> {
    const [row] = await this.db.read<{ bound: number | null }>(PRUNE_BOUND, { cutoff: cutoff.toISOString() }, { name: 'change feed prune bound' });
    const bound = row?.bound ?? null;
    if (bound === null) return 0;
    // Marked first: a reader between two batches is told its cursor expired rather than handed a gap.
    await this.db.write(MARK_PRUNED, { bound: neo4j.int(bound) }, { name: 'change feed mark pruned', outbox: false });
    let deleted = 0;
    for (;;) {
      const [batch] = await this.db.write<{ deleted: number }>(
        PRUNE_BATCH,
        { bound: neo4j.int(bound), batch: neo4j.int(PRUNE_BATCH_SIZE) },
        { name: 'change feed prune', outbox: false, timeoutMs: 60_000 },
      );
      deleted += batch?.deleted ?? 0;
      if ((batch?.deleted ?? 0) < PRUNE_BATCH_SIZE) return deleted;
    }
  }
}
