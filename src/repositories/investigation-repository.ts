import { randomBytes } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import type { CountingTransaction, Executor } from '../db/executor.js';
import { echoed } from '../model/echo.js';
import type { InvestigationView } from '../model/investigation-rules.js';
import { toPage, type Page } from './support/cursor.js';
import { NotFoundError } from '../model/input-error.js';

export interface InvestigationRecord {
  id: string;
  name: string;
  notes: string;
  view: InvestigationView;
  owner: string;
  shared: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Who asks: the principal that owns what it saves, and whether it is an admin (who reads every investigation). */
export interface InvestigationCaller {
  /** Null for a token without a subject: it reads shared investigations only, and owns none. */
  principal: string | null;
  admin: boolean;
}

/** A change to an investigation: what is given is replaced, the rest kept. `view` is the checked view's JSON. */
export interface InvestigationChange {
  name?: string;
  notes?: string;
  viewJson?: string;
  shared?: boolean;
}

interface StoredInvestigation extends Omit<InvestigationRecord, 'view'> {
  view: string;
}

// Each investigation is readable by its owner, by everyone when shared, and by admins.
const READABLE = '(i.owner = $principal OR i.shared = true OR $admin)';

const PAGE = `
MATCH (i:Investigation)
WHERE ${READABLE} AND ($after IS NULL OR i.id < $after)
WITH i ORDER BY i.id DESC LIMIT $limit
RETURN i {.*} AS investigation`;

const COUNT = `MATCH (i:Investigation) WHERE ${READABLE} RETURN count(i) AS total`;

const BY_ID = `MATCH (i:Investigation {id: $id}) RETURN i {.*} AS investigation`;

const CREATE = `
CREATE (i:Investigation {id: $id, name: $name, notes: $notes, view: $view, owner: $owner, shared: $shared, createdAt: $now, updatedAt: $now, version: 1})
RETURN i {.*} AS investigation`;

/**
 * Takes the node's write lock before its version is read: two saves of one
 * version then run one after the other, and the second sees the first's
 * version instead of both reading the old one and both writing.
 */
const LOCK = `MATCH (i:Investigation {id: $id}) SET i._lock = true REMOVE i._lock`;

const UPDATE = `
MATCH (i:Investigation {id: $id})
SET i += $change, i.version = i.version + 1, i.updatedAt = $now
RETURN i {.*} AS investigation`;

const DELETE = `MATCH (i:Investigation {id: $id}) DETACH DELETE i`;

let lastMillis = 0;

/**
 * New ids sort by creation time (12 hex digits of milliseconds, then 16
 * random ones), so a keyset page in id order lists the newest first and
 * stays stable through renames and updates. Within this process the
 * milliseconds only grow, so two saves in one millisecond keep their order.
 */
export function newInvestigationId(now = Date.now()): string {
  lastMillis = Math.max(now, lastMillis + 1);
  return `${lastMillis.toString(16).padStart(12, '0')}-${randomBytes(8).toString('hex')}`;
}

function decode(stored: StoredInvestigation): InvestigationRecord {
  return { ...stored, view: JSON.parse(stored.view) as InvestigationView };
}

const canRead = (investigation: StoredInvestigation, caller: InvestigationCaller) =>
  investigation.owner === caller.principal || investigation.shared || caller.admin;

export class VersionConflictError extends GraphQLError {
  constructor(id: string, expected: number, current: number) {
    super(
      `Investigation ${echoed(id)} is at version ${current}, not ${expected}: it was saved elsewhere since you opened it. Reload it, or save again with expectedVersion: ${current} to overwrite.`,
      {
        extensions: { code: 'CONFLICT', currentVersion: current, http: { status: 409 } },
      },
    );
  }
}

/**
 * Saved investigations. Reads answer only what the caller may read; writes
 * only the owner's. One that the caller may not read is NOT_FOUND, as if it
 * were not there, so ids of others' private investigations do not leak;
 * one it may read but not change (shared by another) is FORBIDDEN.
 */
export class InvestigationRepository {
  constructor(private readonly db: Executor) {}

  async page(caller: InvestigationCaller, first: number, after: string | null): Promise<Page<InvestigationRecord>> {
    const rows = await this.db.read<{ investigation: StoredInvestigation }>(
      PAGE,
      { ...visibility(caller), after, limit: neo4j.int(first + 1) },
      { name: 'investigations page' },
    );
    return toPage(
      rows.map((row) => decode(row.investigation)),
      first,
      (investigation) => investigation.id,
    );
  }

  async count(caller: InvestigationCaller): Promise<number> {
    const [row] = await this.db.read<{ total: number }>(COUNT, visibility(caller), { name: 'investigations count' });
    return row?.total ?? 0;
  }

  /** The investigation, or null when there is none the caller may read. */
  async get(caller: InvestigationCaller, id: string): Promise<InvestigationRecord | null> {
    const [row] = await this.db.read<{ investigation: StoredInvestigation }>(BY_ID, { id }, { name: 'investigation by id' });
    return row && canRead(row.investigation, caller) ? decode(row.investigation) : null;
  }

  async create(owner: string, fields: Required<InvestigationChange>): Promise<InvestigationRecord> {
    const params = {
      id: newInvestigationId(),
      name: fields.name,
      notes: fields.notes,
      view: fields.viewJson,
      shared: fields.shared,
      owner,
      now: new Date().toISOString(),
    };
    const [row] = await this.db.write<{ investigation: StoredInvestigation }>(CREATE, params, { name: 'create investigation' });
    return decode(row!.investigation);
  }

  /** Applies the change to one of the caller's own investigations; with expectedVersion, only if it is still at that version. */
  update(caller: InvestigationCaller, id: string, change: InvestigationChange, expectedVersion: number | null): Promise<InvestigationRecord> {
    return this.db.transaction(
      'WRITE',
      async (tx) => {
        await ownedAt(tx, caller, id, expectedVersion);
        const result = await tx.run<{ investigation: StoredInvestigation }>(UPDATE, { id, change: stored(change), now: new Date().toISOString() });
        return decode(result.records[0]!.get('investigation'));
      },
      { name: 'update investigation' },
    );
  }

  delete(caller: InvestigationCaller, id: string, expectedVersion: number | null): Promise<void> {
    return this.db.transaction(
      'WRITE',
      async (tx) => {
        await ownedAt(tx, caller, id, expectedVersion);
        await tx.run(DELETE, { id });
      },
      { name: 'delete investigation' },
    );
  }
}

/** The change as stored properties: the view is kept as its JSON text. */
function stored({ viewJson, ...rest }: InvestigationChange): Record<string, unknown> {
  return viewJson === undefined ? rest : { ...rest, view: viewJson };
}

const visibility = (caller: InvestigationCaller) => ({ principal: caller.principal, admin: caller.admin });

/** Locks the investigation and checks, on what is stored once the lock is held, that the caller owns it at the expected version. */
async function ownedAt(tx: CountingTransaction, caller: InvestigationCaller, id: string, expectedVersion: number | null): Promise<StoredInvestigation> {
  await tx.run(LOCK, { id });
  const stored = (await tx.run<{ investigation: StoredInvestigation }>(BY_ID, { id })).records[0]?.get('investigation');
  if (!stored || !canRead(stored, caller)) throw new NotFoundError('investigation', id, 'id');
  if (stored.owner !== caller.principal) {
    throw new GraphQLError(`Investigation ${echoed(id)} belongs to another key: only its owner may change it. Import its export to keep a copy of your own.`, {
      extensions: { code: 'FORBIDDEN', field: 'id' },
    });
  }
  if (expectedVersion !== null && stored.version !== expectedVersion) throw new VersionConflictError(id, expectedVersion, stored.version);
  return stored;
}
