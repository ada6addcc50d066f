import { readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';

/**
 * Who is using the embedded Neo4j's store or port, found before a command
 * starts its own (a start takes tens of seconds and then fails with "Address
 * already in use"). Three clues, cheapest first: the claim file a newsgraph
 * process writes while it runs on the embedded store (it knows its API
 * address), the store's lock in /proc/locks (Linux), and the Bolt port.
 */

const CLAIM_FILE = 'embedded-in-use.json';

export interface EmbeddedClaim {
  pid: number;
  /** The newsgraph command that runs it: serve, db start, ingest… */
  command: string;
  bolt: string;
  /** The HTTP API of a `newsgraph serve`, for `--api`. */
  api?: string;
}

export interface EmbeddedUser {
  claim?: EmbeddedClaim;
  /** The process holding the store's lock (the Java launcher). */
  lockHolderPid?: number;
  /** The Bolt port, when it already answers. */
  portTaken?: number;
  store: string;
}

export class EmbeddedBusyError extends Error {
  override name = 'EmbeddedBusyError';
}

const dataDirOf = (config: Config) => resolve(config.embedded.dataDir);
const claimPath = (config: Config) => join(dataDirOf(config), CLAIM_FILE);
const storeOf = (config: Config) => join(dataDirOf(config), 'neo4j');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the claim's pid is still a newsgraph process, not a pid the system gave to another program since (Linux; elsewhere: alive is enough). */
function stillNewsgraph(pid: number): boolean {
  if (!alive(pid)) return false;
  try {
    return /newsgraph|cli\/main|node|tsx/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true;
  }
}

/** Records that this process runs on the embedded store; the returned function (also run at exit) removes the record. */
export function claimEmbedded(config: Config, claim: Omit<EmbeddedClaim, 'pid'>): () => void {
  const path = claimPath(config);
  mkdirSync(dataDirOf(config), { recursive: true });
  writeFileSync(path, JSON.stringify({ pid: process.pid, ...claim }));
  const release = () => {
    // Only our own record: a later process may have claimed the store since.
    if (readClaim(path)?.pid === process.pid) rmSync(path, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}

function readClaim(path: string): EmbeddedClaim | undefined {
  try {
    const claim = JSON.parse(readFileSync(path, 'utf8')) as EmbeddedClaim;
    return typeof claim.pid === 'number' ? claim : undefined;
  } catch {
    return undefined;
  }
}

/** The pid holding a POSIX lock on `file`, from /proc/locks (Linux only; undefined elsewhere or when unlocked). */
export function lockHolder(file: string, locks = '/proc/locks'): number | undefined {
  let inode: number;
  let table: string;
  try {
    inode = statSync(file).ino;
    table = readFileSync(locks, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of table.split('\n')) {
    // "17: POSIX  ADVISORY  WRITE 2961 fe:00:9978223 0 EOF"
    const fields = line.trim().split(/\s+/);
    const at = fields.findIndex((field) => /^[0-9a-f]+:[0-9a-f]+:\d+$/i.test(field));
    if (at > 0 && Number(fields[at]!.split(':')[2]) === inode) {
      const pid = Number(fields[at - 1]);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) return pid;
    }
  }
  return undefined;
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (answered: boolean) => {
      socket.destroy();
      done(answered);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** Who uses the embedded store or port now, or undefined when a start would find both free. */
export async function findEmbeddedUser(config: Config): Promise<EmbeddedUser | undefined> {
  const store = storeOf(config);
  const recorded = readClaim(claimPath(config));
  const claim = recorded && recorded.pid !== process.pid && stillNewsgraph(recorded.pid) ? recorded : undefined;
  const lockHolderPid = lockHolder(join(store, 'data', 'databases', 'store_lock'));
  // Port 0 means "any free port": nothing to collide with.
  const portTaken = config.embedded.port !== 0 && (await portAnswers(config.embedded.port)) ? config.embedded.port : undefined;
  if (!claim && lockHolderPid === undefined && portTaken === undefined) return undefined;
  return { claim, lockHolderPid, portTaken, store };
}

/** What to do about it, in one message; `apiHint` adds the `--api` way for commands that have it. */
export function embeddedBusyMessage(user: EmbeddedUser, apiHint: boolean): string {
  const { claim } = user;
  const bolt = claim?.bolt ?? (user.portTaken ? `bolt://127.0.0.1:${user.portTaken}` : undefined);
  const who = claim
    ? `a running newsgraph ${claim.command} (pid ${claim.pid}${claim.api ? `, API ${claim.api}` : ''}, Bolt ${claim.bolt})`
    : user.lockHolderPid !== undefined
      ? `another process (pid ${user.lockHolderPid} holds the store's lock${user.portTaken ? `, port ${user.portTaken} answers` : ''})`
      : `another process listening on its port ${user.portTaken} (a newsgraph service or another Neo4j)`;
  const ways = ['stop it'];
  if (apiHint) ways.push(`load through it with --api ${claim?.api ?? 'http://localhost:4000'} --key <editor key>`);
  if (bolt) ways.push(`set NEO4J_URI=${bolt} to use its database directly`);
  if (!claim && user.lockHolderPid === undefined) ways.push('set NEWSGRAPH_EMBEDDED_PORT to a free port');
  const list = ways.length > 1 ? `${ways.slice(0, -1).join(', ')}, or ${ways.at(-1)!}` : ways[0]!;
  return `the embedded database (${user.store}) is in use by ${who}: ${list}.`;
}

/** Throws EmbeddedBusyError when the embedded Neo4j this command would start is already taken. */
export async function assertEmbeddedFree(config: Config, apiHint = false): Promise<void> {
  if (config.neo4j.uri) return;
  const user = await findEmbeddedUser(config);
  if (user) throw new EmbeddedBusyError(embeddedBusyMessage(user, apiHint));
}
