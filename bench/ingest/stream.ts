import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { nameKeys } from '../../src/model/names.js';
import type { EntityType } from '../../src/model/types.js';

/**
 * The ingest stream as plain records, in batches of the same size newsgraph's
 * bulk path uses, for the two other ingest contenders. No validation: they
 * are handed a stream the generator made valid.
 */

export interface StreamRecord {
  record: 'document' | 'source' | 'entity' | 'relation' | 'report';
  [field: string]: unknown;
}

export async function* recordBatches(path: string, size: number): AsyncGenerator<StreamRecord[]> {
  let batch: StreamRecord[] = [];
  for await (const line of createInterface({ input: createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line) as StreamRecord | { record: 'header' };
    if (value.record === 'header') continue;
    batch.push(value as StreamRecord);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** An entity's stored properties, as newsgraph's ingest writes them into an empty graph. */
export function entityProperties(record: StreamRecord) {
  const type = record.type as EntityType;
  const name = record.name as string;
  const aliases = [...new Set((record.aliases as string[] | undefined) ?? [])].filter((alias) => alias !== name);
  return {
    id: record.id as string,
    type,
    name,
    aliases,
    aliasText: aliases.join(' | '),
    description: (record.description as string | undefined) ?? null,
    title: type === 'PERSON' ? ((record.title as string | undefined) ?? null) : null,
    category: type === 'ORGANIZATION' ? ((record.category as string | undefined) ?? null) : null,
    startDate: type === 'EVENT' ? ((record.startDate as string | undefined) ?? null) : null,
    endDate: type === 'EVENT' ? ((record.endDate as string | undefined) ?? null) : null,
    keys: nameKeys(type, [name, ...((record.aliases as string[] | undefined) ?? [])]),
  };
}

/** A report's stored properties; its date defaults to its document's. */
export function reportProperties(record: StreamRecord, publishedAt: ReadonlyMap<string, string | null>) {
  const subject = record.subject as { entity?: string; relation?: string };
  return {
    id: `${record.document as string}/${record.id as string}`,
    aboutEntity: subject.entity !== undefined,
    subject: (subject.entity ?? subject.relation)!,
    source: record.source as string,
    quote: record.quote as string,
    start: record.start as number,
    end: record.end as number,
    reportedAt: (record.reportedAt as string | undefined) ?? publishedAt.get(record.document as string) ?? null,
    documentId: record.document as string,
    attributedToId: (record.attributedTo as string | undefined) ?? null,
    // How the report was made, stored as newsgraph's ingest stores it, so every contender writes the same graph.
    method: (record.method as string | undefined) ?? 'manual',
    rule: (record.rule as string | undefined) ?? null,
    confidence: (record.confidence as number | undefined) ?? null,
  };
}
