import neo4j from 'neo4j-driver';
import { ENTITY_LABEL, type EntityType } from '../src/model/types.js';
import { NEIGHBORHOOD_CYPHER, SHORTEST_PATH_CYPHER, searchCypher } from './neo4j-graphql/type-defs.js';
import { answerOf, type Answer } from './answers.js';

/**
 * The five read workloads, each as the three contenders ask it: newsgraph's
 * GraphQL, @neo4j/graphql's GraphQL for the same data, and the hand-written
 * Cypher floor. Each side turns its response into the same canonical answer
 * (answers.ts), so "same answer" is checked, not assumed.
 */

export type WorkloadId = 'q0' | 'q1' | 'q2' | 'q3' | 'q4' | 'q5';
export type Params = Record<string, string>;
type Data = Record<string, unknown>;

export interface GraphqlSide {
  query(params: Params): string;
  variables(params: Params): Record<string, unknown>;
  answer(data: Data, params: Params): Answer;
}

export interface RawSide {
  cypher(params: Params): string;
  params(params: Params): Record<string, unknown>;
  answer(rows: Data[], params: Params): Answer;
}

export interface Workload {
  id: WorkloadId;
  title: string;
  /** A reference point, not one of the workloads: latency only, no targets. */
  baseline?: boolean;
  newsgraph: GraphqlSide;
  neo4jGraphql: GraphqlSide;
  raw: RawSide;
}

const RELATION_TYPES = 'PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN';

const RAW_Q1 = `
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[r:${RELATION_TYPES}]-(:Entity)
  WITH DISTINCT r ORDER BY r.id LIMIT 20
  WITH r, startNode(r) AS a, endNode(r) AS b
  MATCH (c:Claim {relationId: r.id})
  RETURN collect({id: r.id, type: type(r), from: a {.id, .name}, to: b {.id, .name},
    reports: [(c)-[rb:REPORTED_BY]->(s:Source) | {quote: rb.quote, reportedAt: rb.reportedAt, source: s {.id, .name}}]}) AS relations
}
RETURN n {.id, .name, .type} AS entity, relations`;

const rawQ5 = (type: EntityType) => `
CALL () { MATCH (n:${ENTITY_LABEL[type]}) RETURN count(n) AS total }
CALL () {
  MATCH (n:Entity) WHERE n.type = $type AND n.id IS NOT NULL
  // Ordering by both properties of the (type, id) index lets the index give the order: 21 rows read, not all of the type.
  WITH n ORDER BY n.type, n.id LIMIT 21
  RETURN collect(n {.id, .name, .type}) AS page
}
RETURN total, page`;

const NEO4J_GRAPHQL_CONNECTION: Record<EntityType, string> = {
  PERSON: 'peopleConnection',
  ORGANIZATION: 'organizationsConnection',
  COUNTRY: 'countriesConnection',
  LOCATION: 'locationsConnection',
  EVENT: 'eventsConnection',
};

const fixed = (query: string) => () => query;

/**
 * newsgraph's read filters (issue 16), for its filtered variants of q1..q5:
 * the variable a query declares and the argument it passes to its root field.
 * Each q's root field takes them (entity, neighborhood, shortestPath, search,
 * entities), and q1's `relations` inherit the entity's. Without a filter the
 * query text is the unfiltered workload's, character for character.
 */
export type FilterName = 'minSources' | 'asOf';
interface FilterSyntax {
  declare: string;
  pass: string;
}
const NO_FILTER: FilterSyntax = { declare: '', pass: '' };
const FILTER_SYNTAX: Record<FilterName, FilterSyntax> = {
  minSources: { declare: ', $minSources: Int', pass: ', minSources: $minSources' },
  asOf: { declare: ', $asOf: Date', pass: ', asOf: $asOf' },
};

const Q1 = ({ declare, pass }: FilterSyntax) => `query Q1($id: ID!${declare}) { entity(id: $id${pass}) { id name type relations(first: 20) { edges { node {
        id type from { id name } to { id name } reportedBy { quote reportedAt source { id name } } } } } } }`;
const Q2 = ({ declare, pass }: FilterSyntax) =>
  `query Q2($id: ID!${declare}) { neighborhood(id: $id, depth: 2, limit: 200${pass}) { truncated nodes { id name type } relations { id type from { id } to { id } } } }`;
const Q3 = ({ declare, pass }: FilterSyntax) =>
  `query Q3($from: ID!, $to: ID!${declare}) { shortestPath(from: $from, to: $to, maxHops: 6${pass}) { length nodes { id name type } relations { id type from { id } to { id } } } }`;
const Q4 = ({ declare, pass }: FilterSyntax) =>
  `query Q4($query: String!${declare}) { search(query: $query, first: 10${pass}) { score entity { id name type } } }`;
const Q5 = ({ declare, pass }: FilterSyntax) =>
  `query Q5($type: EntityType!${declare}) { entities(type: $type, first: 20${pass}) { totalCount edges { cursor node { id name type } } pageInfo { hasNextPage endCursor } } }`;

const FILTERED_QUERY: Partial<Record<WorkloadId, (syntax: FilterSyntax) => string>> = { q1: Q1, q2: Q2, q3: Q3, q4: Q4, q5: Q5 };

/** What the answer of each q holds, for the filtered variants' answer sizes: how much a filter left. */
export const ANSWER_SIZE: Partial<Record<WorkloadId, { unit: string; of(answer: Answer): { found: boolean; size: number } }>> = {
  q1: { unit: 'relations', of: (a) => ({ found: a !== null, size: a === null ? 0 : (a as { relations: unknown[] }).relations.length }) },
  q2: { unit: 'nodes', of: (a) => ({ found: a !== null, size: a === null ? 0 : (a as { nodes: unknown[] }).nodes.length }) },
  q3: { unit: 'hops', of: (a) => ({ found: (a as { length: number | null }).length !== null, size: (a as { length: number | null }).length ?? 0 }) },
  q4: { unit: 'hits', of: (a) => ({ found: (a as unknown[]).length > 0, size: (a as unknown[]).length }) },
  q5: { unit: 'totalCount', of: (a) => ({ found: (a as { ids: unknown[] }).ids.length > 0, size: (a as { totalCount: number }).totalCount }) },
};

/**
 * The workload with newsgraph asked under one filter (the other contenders,
 * which have no such filters, keep their sides but are never asked it), or
 * null for a workload whose fields take no filter (q0).
 */
export function filteredWorkload(workload: Workload, filter: FilterName, value: string | number): Workload | null {
  const query = FILTERED_QUERY[workload.id];
  if (!query) return null;
  const text = query(FILTER_SYNTAX[filter]);
  return {
    ...workload,
    title: `${workload.title}, ${filter}: ${value}`,
    newsgraph: { ...workload.newsgraph, query: () => text, variables: (p) => ({ ...workload.newsgraph.variables(p), [filter]: value }) },
  };
}

/** The cost of asking at all: HTTP, GraphQL parsing, validation and execution with no database work (raw: one trivial statement). */
export const BASELINE: Workload = {
  id: 'q0',
  title: 'baseline: `{ __typename }` (raw Cypher: `RETURN 1`)',
  baseline: true,
  newsgraph: { query: fixed('{ __typename }'), variables: () => ({}), answer: (data) => data.__typename },
  neo4jGraphql: { query: fixed('{ __typename }'), variables: () => ({}), answer: (data) => data.__typename },
  raw: { cypher: () => 'RETURN "Query" AS typename', params: () => ({}), answer: (rows) => rows[0]?.typename },
};

export const WORKLOADS: Workload[] = [
  {
    id: 'q1',
    title: 'one entity by id, its first 20 relations and their reports',
    newsgraph: {
      query: fixed(Q1(NO_FILTER)),
      variables: (p) => ({ id: p.id }),
      answer: (data) => answerOf.q1FromNewsgraph(data),
    },
    neo4jGraphql: {
      // Its best query: the entity, and its first relations through one @cypher field (type-defs.ts), not a filter over all Claims.
      query: fixed(`query Q1($id: ID!) {
        entities(where: { id: { eq: $id } }) { id name type }
        claims: entityRelations(id: $id, first: 20) {
          relationId type fromEntity { id name } toEntity { id name }
          reportedByConnection { edges { properties { quote reportedAt } node { id name } } } } }`),
      variables: (p) => ({ id: p.id }),
      answer: (data) => answerOf.q1FromNeo4jGraphql(data),
    },
    raw: { cypher: () => RAW_Q1, params: (p) => ({ id: p.id }), answer: (rows) => answerOf.q1FromRaw(rows) },
  },
  {
    id: 'q2',
    title: 'neighbourhood of depth 2 around a hub, limit 200',
    newsgraph: {
      query: fixed(Q2(NO_FILTER)),
      variables: (p) => ({ id: p.id }),
      answer: (data) => answerOf.subgraph(data.neighborhood as Data, true),
    },
    neo4jGraphql: {
      query: fixed('query Q2($id: ID!) { neighborhood(id: $id, limit: 200) { truncated nodes { id name type } relations { id type from to } } }'),
      variables: (p) => ({ id: p.id }),
      answer: (data) => answerOf.subgraph(data.neighborhood as Data, false),
    },
    raw: {
      cypher: () => NEIGHBORHOOD_CYPHER,
      params: (p) => ({ id: p.id, limit: neo4j.int(200) }),
      answer: (rows) => answerOf.subgraph(rows[0]?.subgraph as Data, false),
    },
  },
  {
    id: 'q3',
    title: 'shortest path between two random entities, up to 6 hops',
    newsgraph: {
      query: fixed(Q3(NO_FILTER)),
      variables: (p) => ({ from: p.from, to: p.to }),
      answer: (data, p) => answerOf.path(data.shortestPath as Data | null, true, p),
    },
    neo4jGraphql: {
      query: fixed('query Q3($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id name type } relations { id type from to } } }'),
      variables: (p) => ({ from: p.from, to: p.to }),
      answer: (data, p) => answerOf.path(data.shortestPath as Data | null, false, p),
    },
    raw: {
      cypher: () => SHORTEST_PATH_CYPHER,
      params: (p) => ({ from: p.from, to: p.to }),
      answer: (rows, p) => answerOf.path((rows[0]?.path as Data) ?? null, false, p),
    },
  },
  {
    id: 'q4',
    title: 'full-text search, top 10',
    newsgraph: {
      query: fixed(Q4(NO_FILTER)),
      variables: (p) => ({ query: p.query }),
      answer: (data) => (data.search as Array<{ entity: { id: string } }>).map((hit) => hit.entity.id),
    },
    neo4jGraphql: {
      query: fixed('query Q4($query: String!) { searchEntities(query: $query, first: 10) { id name type } }'),
      variables: (p) => ({ query: p.query }),
      answer: (data) => (data.searchEntities as Array<{ id: string }>).map((entity) => entity.id),
    },
    raw: {
      cypher: () => searchCypher('RETURN node {.id, .name, .type} AS entity, ranked AS score'),
      params: (p) => ({ query: p.query, first: neo4j.int(10) }),
      answer: (rows) => rows.map((row) => (row.entity as { id: string }).id),
    },
  },
  {
    id: 'q5',
    title: 'first page of 20 of a type, with totalCount',
    newsgraph: {
      query: fixed(Q5(NO_FILTER)),
      variables: (p) => ({ type: p.type }),
      answer: (data) => answerOf.page(data.entities as Data),
    },
    neo4jGraphql: {
      query: (p) =>
        `query Q5 { page: ${NEO4J_GRAPHQL_CONNECTION[p.type as EntityType]}(first: 20, sort: [{ id: ASC }]) { totalCount edges { cursor node { id name type } } pageInfo { hasNextPage endCursor } } }`,
      variables: () => ({}),
      answer: (data) => answerOf.page(data.page as Data),
    },
    raw: {
      cypher: (p) => rawQ5(p.type as EntityType),
      params: (p) => ({ type: p.type }),
      answer: (rows) => {
        const page = rows[0]!.page as Array<{ id: string }>;
        return { totalCount: Number(rows[0]!.total), ids: page.slice(0, 20).map((n) => n.id), hasNextPage: page.length > 20 };
      },
    },
  },
];

export function workload(id: WorkloadId): Workload {
  return WORKLOADS.find((w) => w.id === id)!;
}
