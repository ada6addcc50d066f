import type { CountingTransaction } from '../db/executor.js';
import type { BundleDocument } from '../model/bundle-schema.js';
import { bands, COPY_SIMILARITY, signature, similarity } from './minhash.js';
import { voiceOrigin, type VoiceFacts } from './origins.js';
import { wireCredit } from './wire-credits.js';

/**
 * Files each document of a batch by its text, finds the stored documents it
 * copies or that copy it (near-duplicate texts: MinHash), and gives every
 * member of such a group the group's original (the earliest published, then
 * the earliest stored) and the voice origin its reports speak with.
 *
 * The band nodes are claimed under write locks, in sorted order, like name
 * keys: two ingests of near-identical texts run one after the other, so the
 * second sees the first, from any API process.
 */

const CLAIM_BANDS = `
UNWIND $keys AS key
MERGE (b:TextBand {key: key})
SET b._lock = true
REMOVE b._lock`;

const FILE_DOCUMENT = `
MATCH (d:Document {id: $id})
SET d.minhash = $signature, d.wire = $wire
WITH d
CALL (d) {
  MATCH (d)-[old:FILED_UNDER]->(b:TextBand)
  WHERE NOT b.key IN $keys
  DELETE old
  WITH b
  WHERE NOT (b)<-[:FILED_UNDER]-()
  DELETE b
}
WITH d
UNWIND $keys AS key
MATCH (b:TextBand {key: key})
MERGE (d)-[:FILED_UNDER]->(b)`;

/** The documents sharing a band with the given one, with what deciding a group needs, and the members of their groups. */
const CANDIDATES = `
MATCH (d:Document {id: $id})-[:FILED_UNDER]->(:TextBand)<-[:FILED_UNDER]-(other:Document)
WITH DISTINCT other
OPTIONAL MATCH (original:Document {id: other.copyOf})
RETURN other.id AS id, other.minhash AS minhash, coalesce(original.id, other.id) AS originalId`;

const GROUP_MEMBERS = `
UNWIND $originals AS originalId
CALL (originalId) {
  MATCH (m:Document {id: originalId}) RETURN m
  UNION
  MATCH (m:Document {copyOf: originalId}) RETURN m
}
OPTIONAL MATCH (p:Source {id: m.publisher})
RETURN DISTINCT m.id AS id, m.publishedAt AS publishedAt, toString(m.ingestedAt) AS ingestedAt, m.wire AS wire, p.key AS publisherKey,
  m.copyOf AS copyOf, m.voiceOrigin AS voiceOrigin`;

/** The stored copies of a document, to let go those its new text no longer resembles. */
const COPIES = `
MATCH (m:Document {copyOf: $id})
RETURN m.id AS id, m.minhash AS minhash, m.text AS text`;

const RELEASE = `
UNWIND $ids AS id
MATCH (m:Document {id: id})
SET m.copyOf = null`;

const SET_GROUP = `
UNWIND $rows AS row
MATCH (m:Document {id: row.id})
SET m.copyOf = row.copyOf, m.voiceOrigin = row.voiceOrigin`;

interface Member extends VoiceFacts {
  publishedAt: string | null;
  ingestedAt: string | null;
  copyOf: string | null;
  voiceOrigin: string | null;
}

const order = (m: Member) => [m.publishedAt ?? '\uffff', m.ingestedAt ?? '\uffff', m.id] as const;
function earlier(a: Member, b: Member): Member {
  const [x, y] = [order(a), order(b)];
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i]! < y[i]! ? a : b;
  return a;
}

/** Returns the ids of stored documents whose voice origin changed: their reports' origins must be set again. */
export async function fileDocuments(tx: CountingTransaction, documents: ReadonlyArray<Pick<BundleDocument, 'id' | 'text'>>): Promise<string[]> {
  const changed = new Set<string>();
  // Copies an original's new text no longer resembles (an admin replaced it) are let go and filed again, after it.
  const queue: Array<Pick<BundleDocument, 'id' | 'text'>> = [...documents];
  for (let next = 0; next < queue.length; next += 1) {
    const document = queue[next]!;
    const sig = signature(document.text);
    const keys = sig ? bands(sig).sort() : [];
    if (keys.length > 0) await tx.run(CLAIM_BANDS, { keys });
    await tx.run(FILE_DOCUMENT, { id: document.id, signature: sig, wire: wireCredit(document.text), keys });
    const copies = (await tx.run<{ id: string; minhash: number[] | null; text: string | null }>(COPIES, { id: document.id })).records.map((record) =>
      record.toObject(),
    );
    const released = copies.filter((copy) => !(sig && copy.minhash && similarity(sig, copy.minhash.map(Number)) >= COPY_SIMILARITY));
    if (released.length > 0) {
      await tx.run(RELEASE, { ids: released.map((copy) => copy.id) });
      for (const copy of released) if (!queue.some((queued, i) => i > next && queued.id === copy.id)) queue.push({ id: copy.id, text: copy.text ?? '' });
    }
    const originals = new Set([document.id]);
    if (sig) {
      const candidates = await tx.run<{ id: string; minhash: number[] | null; originalId: string }>(CANDIDATES, { id: document.id });
      for (const record of candidates.records) {
        const candidate = record.toObject();
        if (candidate.minhash && similarity(sig, candidate.minhash.map(Number)) >= COPY_SIMILARITY) originals.add(candidate.originalId);
      }
    }
    const members = (await tx.run<Member>(GROUP_MEMBERS, { originals: [...originals] })).records.map((record) => record.toObject());
    const original = members.reduce(earlier);
    const rows = members.map((member) => ({
      id: member.id,
      copyOf: member.id === original.id ? null : original.id,
      voiceOrigin: voiceOrigin(member, original),
    }));
    await tx.run(SET_GROUP, { rows });
    for (const row of rows) {
      const before = members.find((member) => member.id === row.id)!;
      if (before.voiceOrigin !== row.voiceOrigin || before.copyOf !== row.copyOf) changed.add(row.id);
    }
  }
  return [...changed];
}

// Filed while its publisher's source was not yet written, a document spoke with its own voice ('voice:<id>').
const FILED_WITHOUT_PUBLISHER = `
UNWIND $ids AS id
MATCH (d:Document {publisher: id})
WHERE d.voiceOrigin STARTS WITH 'voice:'
RETURN d.id AS id, d.text AS text`;

/** Files again the documents that name one of these newly written sources as publisher; returns those whose voice changed. */
export async function refileForPublishers(tx: CountingTransaction, sourceIds: readonly string[]): Promise<string[]> {
  if (sourceIds.length === 0) return [];
  const documents = (await tx.run<{ id: string; text: string }>(FILED_WITHOUT_PUBLISHER, { ids: sourceIds })).records.map((record) => record.toObject());
  return documents.length === 0 ? [] : fileDocuments(tx, documents);
}
