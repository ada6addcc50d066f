import type { CountingTransaction, Executor } from '../db/executor.js';
import { SET_ORIGIN, sourceKey } from './origins.js';
import { refreshCorroboration } from './refresh.js';
import { fileDocuments } from './syndication.js';
import { ENTITY_VALUE_PROPERTIES, RELATION_VALUE_PROPERTIES, valuesProjection } from './values.js';

/**
 * Gives a graph written before corroboration existed what ingest now stores:
 * sources keyed by name, documents filed by text (copies found), every
 * report's values (what its subject showed: the only word an older graph
 * kept) and origin, then every entity's and relation's counts. Run at each
 * start by migrate, it does its work once: a marker node records that it
 * finished. Each step walks its records once in id order (a range seek on the
 * unique index), a batch a transaction, so an interrupted run redoes at most
 * what it had not finished, and no pass rescans what an earlier one did.
 */
const DONE = `MATCH (m:Migration {id: 'corroboration'}) RETURN count(m) > 0 AS done`;
const MARK_DONE = `MERGE (:Migration {id: 'corroboration'})`;

const SOURCES = `MATCH (s:Source) WHERE s.id > $after RETURN s.id AS id, s.name AS name, s.key IS NULL AS unkeyed ORDER BY s.id LIMIT 1000`;
const SET_KEYS = `UNWIND $rows AS row MATCH (s:Source {id: row.id}) WHERE s.key IS NULL SET s.key = row.key`;
const DOCUMENTS = `MATCH (d:Document) WHERE d.id > $after RETURN d.id AS id, d.text AS text, d.voiceOrigin IS NULL AS unfiled ORDER BY d.id LIMIT 100`;

// An older report says nothing of its subject: it is given what the subject showed, unless it already says something.
const SAYS_NOTHING = (properties: readonly string[]) => properties.map((p) => `rb.${p} IS NULL`).join(' AND ');
const ENTITY_REPORTS = `
MATCH (x:Entity)-[rb:REPORTED_BY]->(s:Source)
WHERE rb.id > $after
WITH x, rb, s ORDER BY rb.id LIMIT 5000
SET rb += CASE WHEN rb.origin IS NULL AND ${SAYS_NOTHING(ENTITY_VALUE_PROPERTIES)}
  THEN ${valuesProjection('x', ENTITY_VALUE_PROPERTIES)} ELSE {} END
WITH rb, s
${SET_ORIGIN}
RETURN max(rb.id) AS last`;
const RELATION_REPORTS = `
MATCH (c:Claim)-[rb:REPORTED_BY]->(s:Source)
WHERE rb.id > $after
WITH c, rb, s ORDER BY rb.id LIMIT 5000
OPTIONAL MATCH (a:Entity {id: c.from})
OPTIONAL MATCH (b:Entity {id: c.to})
CALL (a, b, c) {
  OPTIONAL MATCH (a)-[r {id: c.relationId}]->(b)
  RETURN r
}
SET rb += CASE WHEN r IS NOT NULL AND rb.origin IS NULL AND ${SAYS_NOTHING(RELATION_VALUE_PROPERTIES)}
  THEN ${valuesProjection('r', RELATION_VALUE_PROPERTIES)} ELSE {} END
WITH rb, s
${SET_ORIGIN}
RETURN max(rb.id) AS last`;

const ENTITIES = `MATCH (n:Entity) WHERE n.id > $after RETURN n.id AS id ORDER BY n.id LIMIT 1000`;
const CLAIMS = `MATCH (c:Claim) WHERE c.relationId > $after RETURN c.relationId AS id ORDER BY c.relationId LIMIT 1000`;

const TIMEOUT_MS = 120_000;

/** Walks `find` in id order from the start, handing each page to `work`; returns how many rows it saw. */
async function inIdOrder<R extends { id: string }>(executor: Executor, find: string, name: string, work: (rows: R[]) => Promise<void>): Promise<number> {
  let seen = 0;
  for (let after = ''; ;) {
    const rows = await executor.read<R>(find, { after }, { name });
    if (rows.length === 0) return seen;
    await work(rows);
    seen += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

export async function backfillCorroboration(executor: Executor): Promise<{ documents: number; entities: number; relations: number } | null> {
  const [state] = await executor.read<{ done: boolean }>(DONE, {}, { name: 'corroboration backfill done?' });
  if (state?.done) return null;
  const write = async (name: string, run: (tx: CountingTransaction) => Promise<unknown>) => {
    // Upkeep of stored numbers, not a change anyone made: not in the change feed.
    await executor.transaction('WRITE', run, { name, timeoutMs: TIMEOUT_MS, outbox: false });
  };
  // Without keys a publisher's own story and a report citing it elsewhere would count as two sources.
  await inIdOrder<{ id: string; name: string | null; unkeyed: boolean }>(executor, SOURCES, 'sources to key', async (rows) => {
    const keyed = rows.flatMap((row) => (row.unkeyed && row.name && sourceKey(row.name) ? [{ id: row.id, key: sourceKey(row.name) }] : []));
    if (keyed.length > 0) await write('key sources', (tx) => tx.run(SET_KEYS, { rows: keyed }));
  });
  const documents = await inIdOrder<{ id: string; text: string | null; unfiled: boolean }>(executor, DOCUMENTS, 'documents to file', async (rows) => {
    const unfiled = rows.filter((row) => row.unfiled).map((row) => ({ id: row.id, text: row.text ?? '' }));
    if (unfiled.length > 0) await write('file documents', (tx) => fileDocuments(tx, unfiled));
  });
  for (const [statement, name] of [
    [ENTITY_REPORTS, 'entity report values and origins'],
    [RELATION_REPORTS, 'relation report values and origins'],
  ] as const) {
    for (let after: string | null = ''; after !== null;) {
      const [row]: Array<{ last: string | null }> = await executor.write<{ last: string | null }>(
        statement,
        { after },
        { name, timeoutMs: TIMEOUT_MS, outbox: false },
      );
      after = row?.last ?? null;
    }
  }
  const entities = await inIdOrder<{ id: string }>(executor, ENTITIES, 'entities to count', (rows) =>
    write('count entities', (tx) => refreshCorroboration(tx, { entities: rows.map((row) => row.id), relations: [] })),
  );
  const relations = await inIdOrder<{ id: string }>(executor, CLAIMS, 'relations to count', (rows) =>
    write('count relations', (tx) => refreshCorroboration(tx, { entities: [], relations: rows.map((row) => row.id) })),
  );
  await executor.write(MARK_DONE, {}, { name: 'corroboration backfill done', outbox: false });
  return { documents, entities, relations };
}
