import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { loadNdjsonFile } from '../src/ingest/ndjson.js';
import { EntityRepository } from '../src/repositories/entity-repository.js';
import { createLogger } from '../src/logger.js';
import { createNewsgraphYoga } from '../src/server/yoga.js';
import { SCALES } from './config.js';
import { generatedFile, openBenchDatabase } from './db.js';
import { interleavedLatency, type Asker } from './measure.js';
import { searchCypher } from './neo4j-graphql/type-defs.js';

/**
 * npx tsx bench/q4-layers.ts
 *
 * Where q4's time goes, all in one process on the S graph, so HTTP is out of
 * the picture: raw Cypher's statement, newsgraph's search repository (with the
 * narrowed read it uses, and with the full record per candidate for
 * comparison), and newsgraph's GraphQL request through `yoga.fetch`, beside
 * `{ __typename }` for the cost of a GraphQL request as such. Interleaved as
 * the benchmark is; prints p50 and mean in ms.
 */
const QUERY = 'query Q4($query: String!) { search(query: $query, first: 10) { score entity { id name type } } }';
const ROUNDS = 600;
const WARMUP = 100;

const db = await openBenchDatabase(SCALES.S);
try {
  await loadNdjsonFile(db.executor, await generatedFile(10_000, 42));
  const names = (await db.executor.read<{ name: string }>('MATCH (n:Entity) RETURN n.name AS name ORDER BY n.id SKIP 17 LIMIT 40', {})).map((row) => row.name);
  const entities = new EntityRepository(db.executor);
  const config = loadConfig({ ...process.env, NEO4J_URI: db.uri, LOG_LEVEL: 'warn' });
  const yoga = createNewsgraphYoga({ executor: db.executor, log: createLogger('warn'), security: config.security });
  const post = async (body: object) =>
    (await yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const rawCypher = searchCypher('RETURN node {.id, .name, .type} AS entity, ranked AS score');
  const layers: Asker<string>[] = [
    ['raw Cypher statement', (name) => db.executor.read(rawCypher, { query: name, first: neo4j.int(10) })],
    ['search repository, narrowed read', (name) => entities.search(name, null, 10, new Set(['name'] as const))],
    ['search repository, full read', (name) => entities.search(name, null, 10)],
    ['GraphQL { __typename }', () => post({ query: '{ __typename }' })],
    ['GraphQL q4', (name) => post({ query: QUERY, variables: { query: name } })],
  ];
  const latency = await interleavedLatency(layers, names, WARMUP, ROUNDS - WARMUP);
  for (const [label, { p50, mean }] of Object.entries(latency)) console.log(`${label.padEnd(34)} p50 ${p50.toFixed(2)} ms, mean ${mean.toFixed(2)} ms`);
} finally {
  await db.close();
}
