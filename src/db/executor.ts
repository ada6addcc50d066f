import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import type { Logger } from '../logger.js';
import { KeyedQueue, Semaphore } from './admission.js';
import { DatabaseUnavailableError, mapNeo4jError } from './errors.js';
import { isRehearsal, RehearsalRollback } from './rehearsal.js';

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
}

interface SharedState {
  roundTrips: number;
  /** Called when a statement finds the database unreachable (readiness checks at once instead of at its next tick). */
  unavailableListeners: Set<() => void>;
  /** Set while readiness finds the database down: statements fail at once instead of waiting out connection timeouts. */
  knownDown: boolean;
  writeSlots: Semaphore;
  keyed: KeyedQueue;
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
    private readonly shared: SharedState = { roundTrips: 0, unavailableListeners: new Set(), knownDown: false, writeSlots: new Semaphore(maxConcurrentWrites), keyed: new KeyedQueue() },
  ) {}

  /** Cypher statements sent since start, across every request; tests read it to catch N+1 patterns. */
  get roundTrips(): number {
    return this.shared.roundTrips;
  }

  /** The same boundary, logging with a request's logger (and so its request id). */
  withLogger(log: Logger): Executor {
    return new Executor(this.driver, this.database, log, this.defaultTimeoutMs, 0, this.shared);
  }

  read<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}, options: RunOptions = {}) {
    return this.transaction('READ', (tx) => tx.run<R>(cypher, params), { name: firstLine(cypher), ...options }).then(
      (result) => result.records.map((record) => record.toObject() as R),
    );
  }

  write<R extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}, options: RunOptions = {}) {
    return this.transaction('WRITE', (tx) => tx.run<R>(cypher, params), { name: firstLine(cypher), ...options }).then(
      (result) => result.records.map((record) => record.toObject() as R),
    );
  }

  /** Several statements in one transaction: all of them or none. */
  transaction<T>(mode: AccessMode, work: TransactionWork<T>, options: RunOptions = {}): Promise<T> {
    if (mode === 'READ') return this.run(mode, work, options);
    const admitted = () => this.shared.writeSlots.use(() => this.run(mode, work, options));
    return options.serializeOn ? this.shared.keyed.run(options.serializeOn, admitted) : admitted();
  }

  private async run<T>(mode: AccessMode, work: TransactionWork<T>, options: RunOptions): Promise<T> {
    if (this.shared.knownDown && !options.probe) throw new DatabaseUnavailableError();
    const log = options.log ?? this.log;
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const rehearsal = isRehearsal();
    const config = {
      // A warm-up compiles cold statements, which can take seconds on a loaded machine: not the requests' budget.
      timeout: rehearsal ? REHEARSAL_TIMEOUT_MS : (options.timeoutMs ?? this.defaultTimeoutMs),
      metadata: { app: 'newsgraph', query: options.name ?? 'transaction' },
    };
    const counted = async (tx: ManagedTransaction): Promise<T> => {
      const result = await work(this.counting(tx, log, config.metadata.query));
      if (rehearsal && mode === 'WRITE') throw new RehearsalRollback(result);
      return result;
    };
    try {
      return mode === 'READ' ? await session.executeRead(counted, config) : await session.executeWrite(counted, config);
    } catch (error) {
      if (error instanceof RehearsalRollback) return error.result as T;
      // Errors the work itself raised for the caller (validation, not found) pass through unchanged.
      if (error instanceof GraphQLError) throw error;
      const mapped = mapNeo4jError(error);
      if (mapped instanceof DatabaseUnavailableError) for (const listener of this.shared.unavailableListeners) listener();
      log.warn({ err: { code: (error as { code?: string }).code, message: (error as Error).message }, mappedTo: mapped.extensions.code, query: options.name }, 'cypher failed');
      throw mapped;
    } finally {
      await session.close();
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
