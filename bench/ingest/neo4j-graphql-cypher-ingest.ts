import { httpPost } from '../contenders.js';
import { recordBatches } from './stream.js';
import { unwindBatches, type UnwindBatch } from './unwind-batches.js';

/**
 * @neo4j/graphql's best write: each batch as one GraphQL request whose root
 * fields are the library's `@cypher` UNWIND mutations
 * (bench/neo4j-graphql/ingest-type-defs.ts), in the floor's order. Root
 * mutation fields run one after another, each in its own transaction.
 */

const INPUT_OF_PART: Array<[suffix: string, input: string]> = [
  ['Documents', 'IngestDocumentRow'],
  ['Sources', 'IngestSourceRow'],
  ['Entities', 'IngestEntityRow'],
  ['Relations', 'IngestRelationRow'],
  ['Reports', 'IngestReportRow'],
];

function inputOf(part: UnwindBatch['part']): string {
  const found = INPUT_OF_PART.find(([suffix]) => part.endsWith(suffix));
  if (!found) throw new Error(`no input type for the ingest part ${part}`);
  return found[1];
}

/** Loads the stream through the library's `@cypher` mutations at `url`; returns how many records it sent. */
export async function neo4jGraphqlCypherIngest(url: string, path: string, batchSize: number): Promise<number> {
  const post = httpPost(url);
  const publishedAt = new Map<string, string | null>();
  let records = 0;
  for await (const batch of recordBatches(path, batchSize)) {
    const parts = unwindBatches(batch, publishedAt);
    const query = `mutation Batch(${parts.map((part, i) => `$p${i}: [${inputOf(part.part)}!]!`).join(', ')}) {\n${parts.map((part, i) => `  p${i}: ingest${part.part}(rows: $p${i})`).join('\n')}\n}`;
    const response = await post(JSON.stringify({ query, variables: Object.fromEntries(parts.map((part, i) => [`p${i}`, part.rows])) }));
    const json = (await response.json()) as { errors?: unknown[] };
    if (json.errors?.length) throw new Error(`@neo4j/graphql @cypher ingest failed: ${JSON.stringify(json.errors).slice(0, 800)}`);
    records += batch.length;
  }
  return records;
}
