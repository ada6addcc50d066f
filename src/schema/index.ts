import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './enums.js';
import './entity.js';
import './relation.js';
import './provenance.js';
import './graph.js';
import './stats.js';
import './ingest.js';
import './resolution.js';
import './extraction.js';
import './corroboration.js';
import './change-feed.js';
import './investigation.js';

export const schema: GraphQLSchema = builder.toSchema();

/** The SDL as committed in schema/schema.graphql. */
export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
