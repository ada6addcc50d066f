import type { RelationType } from './types.js';

/** Fields of a node: enough to draw it, and dates for the timeline. */
export const NODE_FIELDS = `id name type aliases ... on Event { startDate endDate }`;
export const EDGE_FIELDS = `id type role startDate endDate from { id } to { id }`;

const REF = `id name type`;
export const REPORT_FIELDS = `quote start end reportedAt method rule confidence
  source { id name kind url entity { ${REF} } }
  document { id title publishedAt url }
  attributedTo { ${REF} }`;

export const ENTITY_DETAIL_FIELDS = `${NODE_FIELDS} description
  ... on Person { title }
  ... on Organization { category }
  reportedBy { ${REPORT_FIELDS} }`;

export const RELATION_DETAIL_FIELDS = `id type role startDate endDate from { ${REF} } to { ${REF} } reportedBy { ${REPORT_FIELDS} }`;

export const SEARCH = `query Search($q: String!) { search(query: $q, first: 10) { score entity { ${NODE_FIELDS} } } }`;
export const STATS = `query Stats { stats { entities relations } }`;
export const ENTITY = `query Entity($id: ID!) { entity(id: $id) { ${ENTITY_DETAIL_FIELDS} } }`;
export const RELATION = `query Relation($id: ID!) { relation(id: $id) { ${RELATION_DETAIL_FIELDS} } }`;
export const DOCUMENT_TEXT = `query DocumentText($id: ID!) { document(id: $id) { id text } }`;

/** Fields per request stay few (at most 10 aliases), should an alias limit be put on the API. */
export const MAX_ALIASES = 10;

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

function typesVariable(types: RelationType[]): RelationType[] | null {
  return types.length > 0 ? types : null;
}

/** The neighbourhoods of several entities as aliased fields n0, n1, ...: one round trip. */
export function neighborhoodsQuery(ids: string[], types: RelationType[]): GraphQLRequest {
  const variables: Record<string, unknown> = { types: typesVariable(types) };
  const params = ['$types: [RelationType!]'];
  const fields = ids.map((id, i) => {
    variables[`id${i}`] = id;
    params.push(`$id${i}: ID!`);
    return `n${i}: neighborhood(id: $id${i}, depth: 1, limit: 200, relationTypes: $types) { truncated nodes { ${NODE_FIELDS} } relations { ${EDGE_FIELDS} } }`;
  });
  return { query: `query Neighborhoods(${params.join(', ')}) { ${fields.join('\n')} }`, variables };
}

/** The shortest path, with both ends (so a missing path can still name them). */
export function pathQuery(from: string, to: string, types: RelationType[]): GraphQLRequest {
  return {
    query: `query Path($from: ID!, $to: ID!, $types: [RelationType!]) {
      path: shortestPath(from: $from, to: $to, maxHops: 6, relationTypes: $types) { length nodes { ${NODE_FIELDS} } relations { ${EDGE_FIELDS} } }
      fromEntity: entity(id: $from) { ${NODE_FIELDS} }
      toEntity: entity(id: $to) { ${NODE_FIELDS} }
    }`,
    variables: { from, to, types: typesVariable(types) },
  };
}

/** Full records of entities (e0, ...) and relations (r0, ...), for the JSON bundle. */
export function detailsQuery(entityIds: string[], relationIds: string[]): GraphQLRequest {
  const variables: Record<string, unknown> = {};
  const params: string[] = [];
  const fields: string[] = [];
  entityIds.forEach((id, i) => {
    variables[`e${i}`] = id;
    params.push(`$e${i}: ID!`);
    fields.push(`e${i}: entity(id: $e${i}) { ${ENTITY_DETAIL_FIELDS} }`);
  });
  relationIds.forEach((id, i) => {
    variables[`r${i}`] = id;
    params.push(`$r${i}: ID!`);
    fields.push(`r${i}: relation(id: $r${i}) { ${RELATION_DETAIL_FIELDS} }`);
  });
  return { query: `query Details(${params.join(', ')}) { ${fields.join('\n')} }`, variables };
}

export function chunks<T>(items: readonly T[], size = MAX_ALIASES): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
