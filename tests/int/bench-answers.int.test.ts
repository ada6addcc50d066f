import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlContender, inProcessPost, rawContender, rawHttpContender, type Contender } from '../../bench/contenders.js';
import { generatedFile } from '../../bench/db.js';
import { graphDigest } from '../../bench/ingest/digest.js';
import { neo4jGraphqlIngestBatches } from '../../bench/ingest/neo4j-graphql-ingest.js';
import { rawIngest } from '../../bench/ingest/raw-ingest.js';
import { createNeo4jGraphqlYoga } from '../../bench/neo4j-graphql/app.js';
import { drawParams, type WorkloadParams } from '../../bench/params.js';
import { checkAnswers } from '../../bench/run-workloads.js';
import { startRawHttp, type ServerProcess } from '../../bench/servers.js';
import { WORKLOADS } from '../../bench/workloads.js';
import { loadNdjsonFile } from '../../src/ingest/ndjson.js';
import { createNewsgraphYoga } from '../../src/server/yoga.js';
import { openTestDatabase, wipe } from '../helpers/neo4j.js';

/**
 * The benchmark's correctness check, on a small generated graph: newsgraph,
 * @neo4j/graphql (with the benchmark's type definitions) and the raw Cypher
 * floor, in-process and behind its HTTP server, give the same answers to q1..q5 for every drawn parameter, and the
 * three ingest paths write the same graph. Timing is never checked here.
 */

const db = openTestDatabase();
const library = neo4j.driver(db.target.uri, neo4j.auth.basic(db.target.username, db.target.password));
let contenders: Contender[];
let params: WorkloadParams;
let rawHttp: ServerProcess | undefined;

afterAll(async () => {
  await rawHttp?.stop();
  await library.close();
  await db.close();
});

beforeAll(async () => {
  await wipe(db.executor);
  await loadNdjsonFile(db.executor, await generatedFile(600, 42));
  rawHttp = await startRawHttp({ ...db.target, database: db.target.database });
  contenders = [
    graphqlContender('newsgraph', inProcessPost(createNewsgraphYoga({ executor: db.executor, log: db.log, security: db.config.security }))),
    graphqlContender('neo4j-graphql', inProcessPost(await createNeo4jGraphqlYoga(library, db.target.database))),
    rawHttpContender(rawHttp.url),
    rawContender(db.driver, db.target.database),
  ];
  ({ params } = await drawParams(db.driver, db.target.database, 4, 20_250));
}, 120_000);

describe('benchmark contenders answer alike', () => {
  for (const workload of WORKLOADS) {
    it(`${workload.id}: ${workload.title}`, async () => {
      expect(await checkAnswers(contenders, workload, params[workload.id])).toEqual({ newsgraph: null, 'neo4j-graphql': null, 'raw-http': null, raw: null });
    });
  }

  it('q4 asks names that are not plain ASCII, so tokenizing and accent folding are compared', () => {
    // eslint-disable-next-line no-control-regex
    expect(params.q4.filter((p) => /[^\x00-\x7f]|['-]/.test(p.query!)).length).toBeGreaterThan(0);
  });

  it('q2 and q3 exercise truncation and real paths', async () => {
    const [hub] = params.q2;
    const neighbourhood = (await contenders[3]!.ask(WORKLOADS[1]!, hub!)) as { nodes: string[] };
    expect(neighbourhood.nodes.length).toBeGreaterThan(1);
    const paths = await Promise.all(params.q3.map((p) => contenders[0]!.ask(WORKLOADS[2]!, p)));
    expect(paths.some((path) => (path as { valid?: boolean }).valid === true)).toBe(true);
  });
});

describe('benchmark ingest paths', () => {
  it('write the same graph from the same records', async () => {
    const stream = await generatedFile(300, 7, 150);
    const digests = [];
    await wipe(db.executor);
    await loadNdjsonFile(db.executor, stream, { batchSize: 75 });
    digests.push(await graphDigest(db.driver, db.target.database));
    await wipe(db.executor);
    await rawIngest(db.driver, db.target.database, stream, 75);
    digests.push(await graphDigest(db.driver, db.target.database));
    await wipe(db.executor);
    const yoga = await createNeo4jGraphqlYoga(library, db.target.database);
    await neo4jGraphqlIngestBatches(inProcessPost(yoga), stream, 75);
    digests.push(await graphDigest(db.driver, db.target.database));
    expect(digests[0]!.nodes).toBeGreaterThan(50);
    expect(digests[1]).toEqual(digests[0]);
    expect(digests[2]).toEqual(digests[0]);
  });
});
