import type { CountingTransaction, Executor } from '../db/executor.js';
import { SET_ORIGIN, sourceKey } from './origins.js';
import { refreshCorroboration } from './refresh.js';
import { fileDocuments } from './syndication.js';

/**
 * Gives a graph written before corroboration existed what ingest now stores:
 * documents filed by text (copies found), then every entity's and relation's
 * counts. Run at each start by migrate, it does its work once: a marker node
 * records that it finished, and an interrupted run resumes where it stopped,
 * since each batch commits what it filled in.
 */
const DONE = `MATCH (m:Migration {id: 'corroboration'}) RETURN count(m) > 0 AS done`;
const MARK_DONE = `MERGE (:Migration {id: 'corroboration'})`;
// Sources are keyed by name (origins.ts) when ingest writes them; an older graph's sources have no key, and without
// one a publisher's own story and a report citing it elsewhere would count as two sources.
const UNKEYED_SOURCES = `MATCH (s:Source) WHERE s.key IS NULL AND s.id > $after RETURN s.id AS id, s.name AS name ORDER BY s.id LIMIT 1000`;
const SET_KEYS = `UNWIND $rows AS row MATCH (s:Source {id: row.id}) WHERE s.key IS NULL SET s.key = row.key`;
const UNFILED_DOCUMENTS = `MATCH (d:Document) WHERE d.voiceOrigin IS NULL RETURN d.id AS id, d.text AS text LIMIT 100`;
const REPORTS_WITHOUT_ORIGIN = `
MATCH ()-[rb:REPORTED_BY]->(s:Source)
WHERE rb.origin IS NULL
WITH rb, s
LIMIT 5000
${SET_ORIGIN}
RETURN count(*) AS set`;
const UNCOUNTED_ENTITIES = `MATCH (n:Entity) WHERE n.sourceCount IS NULL RETURN n.id AS id LIMIT 1000`;
const MARK_CLAIMS_SEEN = `UNWIND $ids AS id MATCH (c:Claim {relationId: id}) WHERE c.refreshed IS NULL SET c.refreshed = false`;
const UNCOUNTED_RELATIONS = `MATCH (c:Claim) WHERE c.refreshed IS NULL RETURN c.relationId AS id LIMIT 1000`;

const TIMEOUT_MS = 120_000;

async function untilNone(executor: Executor, find: string, name: string, work: (rows: Array<Record<string, string>>) => Promise<void>): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await executor.read<Record<string, string>>(find, {}, { name: `find ${name}` });
    if (rows.length === 0) return done;
    await work(rows);
    done += rows.length;
  }
}

export async function backfillCorroboration(executor: Executor): Promise<{ documents: number; entities: number; relations: number } | null> {
  const [state] = await executor.read<{ done: boolean }>(DONE, {}, { name: 'corroboration backfill done?' });
  if (state?.done) return null;
  const write = async (name: string, run: (tx: CountingTransaction) => Promise<unknown>) => {
    await executor.transaction('WRITE', run, { name, timeoutMs: TIMEOUT_MS });
  };
  // Keyed in id order, once: a name without letters has no key (ingest leaves it null too), so "until none" would not end.
  for (let after = ''; ; ) {
    const rows = await executor.read<{ id: string; name: string | null }>(UNKEYED_SOURCES, { after }, { name: 'unkeyed sources' });
    if (rows.length === 0) break;
    const keyed = rows.flatMap((row) => (row.name && sourceKey(row.name) ? [{ id: row.id, key: sourceKey(row.name) }] : []));
    if (keyed.length > 0) await write('key sources', (tx) => tx.run(SET_KEYS, { rows: keyed }));
    after = rows[rows.length - 1]!.id;
  }
  const documents = await untilNone(executor, UNFILED_DOCUMENTS, 'unfiled documents', (rows) =>
    write('file documents', (tx) => fileDocuments(tx, rows.map((row) => ({ id: row.id!, text: row.text ?? '' })))),
  );
  for (;;) {
    const [row] = await executor.write<{ set: number }>(REPORTS_WITHOUT_ORIGIN, {}, { name: 'set report origins', timeoutMs: TIMEOUT_MS });
    if (!row || row.set === 0) break;
  }
  const entities = await untilNone(executor, UNCOUNTED_ENTITIES, 'uncounted entities', (rows) =>
    write('count entities', (tx) => refreshCorroboration(tx, { entities: rows.map((row) => row.id!), relations: [] })),
  );
  const relations = await untilNone(executor, UNCOUNTED_RELATIONS, 'uncounted relations', (rows) =>
    write('count relations', async (tx) => {
      const ids = rows.map((row) => row.id!);
      await refreshCorroboration(tx, { entities: [], relations: ids });
      // A claim whose relationship is gone has nothing to count; marked as seen, or it would be found again forever.
      await tx.run(MARK_CLAIMS_SEEN, { ids });
    }),
  );
  await executor.write(MARK_DONE, {}, { name: 'corroboration backfill done' });
  return { documents, entities, relations };
}
