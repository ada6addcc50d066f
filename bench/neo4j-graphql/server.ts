import { createServer } from 'node:http';
import neo4j from 'neo4j-driver';
import { createNeo4jGraphqlYoga } from './app.js';
import { serveUntilParentEnds } from '../child-server.js';

/**
 * The @neo4j/graphql contender as its own process (so its memory is its own):
 * `node --import tsx bench/neo4j-graphql/server.ts` with NEO4J_URI and PORT.
 * Prints `READY <port>` once it listens; exits when its stdin closes, so it
 * never outlives the benchmark.
 */

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const port = Number(process.env.PORT ?? 4100);
const database = process.env.NEO4J_DATABASE ?? 'neo4j';
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'password'));
const yoga = await createNeo4jGraphqlYoga(driver, database);
const server = createServer(yoga);

serveUntilParentEnds(server, port, driver);
