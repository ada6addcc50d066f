import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { recordBatches, type StreamRecord } from './stream.js';
import { unwindBatches, withIntegerOffsets } from './unwind-batches.js';

/** The ingest floor: the stream as UNWIND batches of hand-written Cypher (unwind-batches.ts), one transaction per batch. */

async function writeBatch(tx: ManagedTransaction, batch: StreamRecord[], publishedAt: Map<string, string | null>): Promise<void> {
  for (const part of unwindBatches(batch, publishedAt)) await tx.run(part.cypher, { rows: withIntegerOffsets(part.rows) });
}

/** Loads the stream; returns how many records it wrote. */
export async function rawIngest(driver: Driver, database: string, path: string, batchSize: number): Promise<number> {
  const publishedAt = new Map<string, string | null>();
  let records = 0;
  for await (const batch of recordBatches(path, batchSize)) {
    const session = driver.session({ database });
    try {
      // A retried transaction recomputes the same rows: publishedAt only ever gains the batch's own documents.
      await session.executeWrite((tx) => writeBatch(tx, batch, publishedAt), { timeout: 120_000 });
    } finally {
      await session.close();
    }
    records += batch.length;
  }
  return records;
}
