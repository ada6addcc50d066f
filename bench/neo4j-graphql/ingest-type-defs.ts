import { ENTITY_TYPES, RELATION_TYPES } from '../../src/model/types.js';
import { CLAIM_REPORTS, DOCUMENTS, ENTITY_REPORTS, SOURCES, capitalized, entitiesOf, relationsOf } from '../ingest/unwind-batches.js';

/**
 * @neo4j/graphql's best write, as its users would write a bulk load: one
 * `@cypher` mutation field per UNWIND statement of the floor
 * (bench/ingest/unwind-batches.ts), named `ingest` + the statement's part.
 * The generated nested creates (neo4j-graphql-ingest.ts) are measured beside it.
 */

const statement = (cypher: string) => `"""${cypher}\nRETURN count(*) AS written"""`;
const field = (part: string, input: string, cypher: string) =>
  `  ingest${part}(rows: [${input}!]!): Int! @cypher(statement: ${statement(cypher)}, columnName: "written")`;

export const INGEST_TYPE_DEFS = `#graphql
input IngestDocumentRow {
  id: ID!
  title: String
  publishedAt: String
  url: String
  text: String!
}

input IngestSourceRow {
  id: ID!
  name: String!
  kind: String!
  url: String
  entityId: String
}

input IngestEntityRow {
  id: ID!
  type: String!
  name: String!
  aliases: [String!]!
  aliasText: String!
  description: String
  title: String
  category: String
  startDate: String
  endDate: String
  keys: [String!]!
}

input IngestRelationRow {
  id: ID!
  type: String!
  from: ID!
  to: ID!
  role: String
  startDate: String
  endDate: String
}

input IngestReportRow {
  id: ID!
  aboutEntity: Boolean!
  subject: ID!
  source: ID!
  quote: String!
  start: Int!
  end: Int!
  reportedAt: String
  documentId: ID!
  attributedToId: ID
  method: String!
  rule: String
  confidence: Float
}

type Mutation {
${field('Documents', 'IngestDocumentRow', DOCUMENTS)}
${field('Sources', 'IngestSourceRow', SOURCES)}
${ENTITY_TYPES.map((type) => field(`${capitalized(type)}Entities`, 'IngestEntityRow', entitiesOf(type))).join('\n')}
${RELATION_TYPES.map((type) => field(`${capitalized(type)}Relations`, 'IngestRelationRow', relationsOf(type))).join('\n')}
${field('EntityReports', 'IngestReportRow', ENTITY_REPORTS)}
${field('ClaimReports', 'IngestReportRow', CLAIM_REPORTS)}
}
`;
