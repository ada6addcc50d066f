import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import { INGEST_TYPE_DEFS } from './ingest-type-defs.js';
import { TYPE_DEFS } from './type-defs.js';

export type Neo4jGraphqlYoga = YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;

/**
 * @neo4j/graphql as its documentation sets it up: the library's schema from
 * the type definitions and a driver, served by graphql-yoga. Nothing else:
 * no cache, no custom resolvers.
 */
export async function createNeo4jGraphqlYoga(driver: Driver, database = 'neo4j'): Promise<Neo4jGraphqlYoga> {
  const schema = await new Neo4jGraphQL({ typeDefs: [TYPE_DEFS, INGEST_TYPE_DEFS], driver }).getSchema();
  return createYoga<Record<string, unknown>, Record<string, unknown>>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: 'warn',
    // The library reads its session configuration from the context.
    context: () => ({ sessionConfig: { database } }),
  });
}
