import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import type { Logger } from '../logger.js';
import { KeyedQueue, Semaphore } from './admission.js';
import { DatabaseError, mapNeo4jError } from './errors.js';
import { isRehearsal, RehearsalRollback } from './rehearsal.js';
import { LOCAL_ACTOR, type ChangeActor } from '../changes/kinds.js';
import { APPEND_CHANGES, appendParams } from '../changes/outbox.js';
import { takeRecordedChanges } from '../changes/record.js';
import { applyNotedSourceCountMoves } from '../claims/source-tally.js';

export type AccessMode = 'READ' | 'WRITE';

const REHEARSAL_TIMEOUT_MS = 60_000;

export interface RunOptions {
  /** Overrides the default transaction timeout (ms). */
  timeoutMs?: number;
  /** A short name for the query, sent as transaction metadata and logged. */
  name?: string;
  /** A child logger carrying the request id. */
  log?: Logger;
  /** Writes with the same key run one after another in this process (e.g. `entity:liu-xiaowu`). */
  serializeOn?: string;
  /** A readiness probe: it reaches the database even while readiness knows it down. */
  probe?: boolean;
  /**
   * false for a write that changes nothing the change feed reports (schema migrations, upkeep of stored
   * counts, the feed's own pruning): it is not reported as a write that recorded no change.
   */
  outbox?: boolean;
}

/**
 * Read-your-writes for one request (docs/change-feed.md, "Bookmarks"): its reads wait until the
 * database has the transactions of `readAfter` (Neo4j bookmarks the client sent back), and each write
 * leaves its bookmark in `written`, for the response and for the request's own later reads.
 */
export interface Consistency {
  readAfter: string[];
  written: string[];
}

/** A committed write transaction, as the change feed's listeners hear of it. */
export interface CommittedWrite {
  /** Its query name (RunOptions.name). */
  name: string;
  /** The sequence number of its last change event, or null when it recorded none. */
  lastSequence: number | null;
  /** Whether it was meant to record changes (RunOptions.outbox is not false). */
  outbox: boolean;
}

interface SharedState {
  roundTrips: number;
  /** Called when a statement finds the database unreachable (readiness checks at once instead of at its next tick). */
  unavailableListeners: Set<() => void>;
  /** Set while readiness finds the database down: statements fail at once instead of waiting out connection timeouts. */
  knownDown: boolean;
  writeSlots: Semaphore;
  keyed: KeyedQueue;
  /** Told of every committed write transaction: the change feed wakes its subscribers; tests check every write path records. */
  commitListeners: Set<(write: CommittedWrite) => void>;
}

export type TransactionWork<T> = (tx: CountingTransaction) => Promise<T>;

/** A transaction handle that counts its round trips, so callers can't bypass the count. */
export interface CountingTransaction {
  run<R extends RecordShape = RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<QueryResult<R>>;
}

/**
 * The database boundary: the only module that opens sessions and runs Cypher.
 * Reads go through executeRead (routed to secondaries on a cluster), writes
 * through executeWrite; both retry transient errors inside the driver, carry
 * metadata and a timeout, close the session in `finally`, and turn driver
 * errors into typed GraphQL errors.
 */
export class Executor {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly log: Logger,
    private readonly defaultTimeoutMs: number,
    maxConcurrentWrites = 16,
    /** Shared by every view of this executor. */
    private readonly shared: SharedState = {
      roundTrips: 0,
      unavailableListeners: new Set(),
      knownDown: false,
      writeSlots: new Semaphore(maxConcurrentWrites),
      keyed: new KeyedQueue(),
      commitListeners: new Set(),
    },
    /** Who the change events of this view's writes name. */
    private readonly actor: ChangeActor = LOCAL_ACTOR,
    private readonly consistency?: Consistency,
    /** false only where the outbox's cost is measured (withoutChangeFeed). */
    private readonly changeFeed = true,
  ) {}

  /** Cypher statements sent since start, across every request; tests read it to catch N+1 patterns. */
  get roundTrips(): number {
    return this.shared.roundTrips;
  }

  /** The same boundary, logging with a request's logger (and so its request id). */
  withLogger(log: Logger): Executor {
    return new Executor(this.driver, this.database, log, this.defaultTimeoutMs, 0, this.shared, this.actor, this.consistency, this.changeFeed);
  }

  /** The same boundary, naming this actor in the change events of its writes. */
  withActor(actor: ChangeActor): Executor {
    return new Executor(this.driver, this.database, this.log, this.defaultTimeoutMs, 0, this.shared, actor, this.consistency, this.changeFeed);
  }

  /** The same boundary, reading after the given bookmarks and keeping those of its writes. */
  withConsistency(consistency: Consistency): Executor {
    return new Executor(this.driver, this.database, this.log, this.defaultTimeoutMs, 0, this.shared, this.actor, consistency, this.changeFeed);
  }

  /**
   * The same boundary, appending no change events: the benchmark's baseline for what the outbox
   * costs the bulk ingest (bench/outbox-cost.ts). The service never uses it: a write without its
   * events would be a gap in every subscriber's feed.
   */
  withoutChangeFeed(): Executor {
    return new Executor(this.driver, this.database, this.log, this.defaultTimeoutMs, 0, this.shared, this.actor, this.consistency, false);
  }

  /** Calls the listener after each committed write transaction of this process (every view of this executor). */
  onCommit(listener: (write: CommittedWrite) => void): () => void {
    this.shared.commitListeners.add(listener);
    return () => this.shared.commitListeners.delete(listener);
  }

  read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}, options: RunOptions = {}) {
    return this.transaction('READ', (tx) => tx.run<R>(cypher, params), { name: firstLine(cypher), ...options }).then((result) =>
      result.records.map((record) => record.toObject() as R),
    );
  }

  write<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}, options: RunOptions = {}) {
    return this.transaction('WRITE', (tx) => tx.run<R>(cypher, params), { name: firstLine(cypher), ...options }).then((result) =>
      result.records.map((record) => record.toObject() as R),
    );
  }

  /** Several statements in one transaction: all of them or none. */
  transaction<T>(mode: AccessMode, work: TransactionWork<T>, options: RunOptions = {}): Promise<T> {
    if (mode === 'READ') return this.run(mode, work, options);
    const admitted = () => this.shared.writeSlots.use(() => this.run(mode, work, options));
    return options.serializeOn ? this.shared.keyed.run(options.serializeOn, admitted) : admitted();
  }

  private async run<T>(mode: AccessMode, work: TransactionWork<T>, options: RunOptions): Promise<T> {
    if (this.shared.knownDown && !options.probe) throw new DatabaseError('unavailable');
    const log = options.log ?? this.log;
    const readAfter = this.consistency?.readAfter ?? [];
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(readAfter.length > 0 ? { bookmarks: readAfter } : {}),
    });
    const rehearsal = isRehearsal();
    const config = {
      // A warm-up compiles cold statements, which can take seconds on a loaded machine: not the requests' budget.
      timeout: rehearsal ? REHEARSAL_TIMEOUT_MS : (options.timeoutMs ?? this.defaultTimeoutMs),
      metadata: { app: 'newsgraph', query: options.name ?? 'transaction' },
    };
    // Set by the attempt that commits (the driver may run the work again after a transient error).
    let lastSequence: number | null = null;
    const counted = async (tx: ManagedTransaction): Promise<T> => {
      const counting = this.counting(tx, log, config.metadata.query);
      const result = await work(counting);
      if (mode === 'WRITE') {
        await applyNotedSourceCountMoves(counting);
        lastSequence = await this.appendChanges(counting);
      }
      if (rehearsal && mode === 'WRITE') throw new RehearsalRollback(result);
      return result;
    };
    try {
      if (mode === 'READ') return await session.executeRead(counted, config);
      const result = await session.executeWrite(counted, config);
      if (this.consistency) {
        // Later statements of the same request read after this write too.
        this.consistency.written = session.lastBookmarks();
        this.consistency.readAfter = this.consistency.written;
      }
      this.committed({ name: config.metadata.query, lastSequence, outbox: options.outbox !== false });
      return result;
    } catch (error) {
      if (error instanceof RehearsalRollback) return error.result as T;
      // Errors the work itself raised for the caller (validation, not found) pass through unchanged.
      if (error instanceof GraphQLError) throw error;
      const mapped = mapNeo4jError(error);
      if (mapped.kind === 'unavailable') for (const listener of this.shared.unavailableListeners) listener();
      log.warn(
        { err: { code: (error as { code?: string }).code, message: (error as Error).message }, mappedTo: mapped.extensions.code, query: options.name },
        'cypher failed',
      );
      throw mapped;
    } finally {
      await session.close();
    }
  }

  /** The changes the work recorded, appended as the transaction's last statement (src/changes/outbox.ts). */
  private async appendChanges(tx: CountingTransaction): Promise<number | null> {
    const drafts = takeRecordedChanges(tx);
    if (drafts.length === 0 || !this.changeFeed) return null;
    const result = await tx.run<{ last: unknown }>(APPEND_CHANGES, appendParams(drafts, this.actor));
    return Number(result.records[0]?.get('last'));
  }

  private committed(write: CommittedWrite): void {
    for (const listener of this.shared.commitListeners) {
      try {
        listener(write);
      } catch (error) {
        // A listener's failure must not turn a committed write into an error for its caller.
        this.log.warn({ err: error }, 'commit listener failed');
      }
    }
  }

  onUnavailable(listener: () => void): void {
    this.shared.unavailableListeners.add(listener);
  }

  /** Readiness says whether the database is known to be down; only pings reach it then. */
  setKnownDown(down: boolean): void {
    this.shared.knownDown = down;
  }

  /** Cheap connectivity probe used by /ready. */
  async ping(timeoutMs = 2000): Promise<boolean> {
    try {
      await this.read('RETURN 1 AS ok', {}, { timeoutMs, name: 'ping', probe: true });
      return true;
    } catch {
      return false;
    }
  }

  private counting(tx: ManagedTransaction, log: Logger, name: string): CountingTransaction {
    return {
      run: async <R extends RecordShape>(cypher: string, params: Record<string, unknown> = {}) => {
        this.shared.roundTrips += 1;
        const started = performance.now();
        const result = await tx.run<R>(cypher, params);
        if (log.isLevelEnabled('debug')) {
          // Parameter names only: values may be user data or secrets.
          log.debug({ query: name, cypher, paramNames: Object.keys(params), ms: Math.round(performance.now() - started) }, 'cypher');
        }
        return result;
      },
    };
  }
}

function firstLine(cypher: string): string {
  return cypher.trim().split('\n', 1)[0]!.slice(0, 80);
}
