import type { ReadFilters } from './state.js';
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

/** How well a fact is sourced: drives edge width, the disputed marks and the time slider's range. */
export const CORROBORATION_FIELDS = `sourceCount independentSourceCount status disputed firstReportedAt lastReportedAt`;
// A person's title is on the node for the canvas's hover card (hover-card.ts).
const DRAWN_NODE_FIELDS = `${NODE_FIELDS} ... on Person { title } ${CORROBORATION_FIELDS}`;
const DRAWN_EDGE_FIELDS = `${EDGE_FIELDS} ${CORROBORATION_FIELDS}`;

// The detail panel asks for more than the bundle export's fields: the origins and the alternatives.
// They stay out of ENTITY_DETAIL_FIELDS so the export's ten-entity requests keep within the cost budget.
const PANEL_REPORT_FIELDS = `${REPORT_FIELDS} origin`;
const ALTERNATIVES = `alternatives { property value preferred sources { id name } }`;
const ENTITY_PANEL_FIELDS = `${NODE_FIELDS} description ... on Person { title } ... on Organization { category }
  ${CORROBORATION_FIELDS} ${ALTERNATIVES} reportedBy { ${PANEL_REPORT_FIELDS} }`;

export const SEARCH = `query Search($q: String!) { search(query: $q, first: 10) { score entity { ${NODE_FIELDS} } } }`;
export const STATS = `query Stats { stats { entities relations } }`;
export const RELATION_PANEL = `query Relation($id: ID!) { relation(id: $id) { id type role startDate endDate from { ${REF} } to { ${REF} }
  ${CORROBORATION_FIELDS} ${ALTERNATIVES} roles { value reportCount independentSourceCount } reportedBy { ${PANEL_REPORT_FIELDS} } } }`;
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

/**
 * Declares `$asOf`/`$minSources` and returns the arguments to splice into each field, only for
 * the filters that are set: with neither, the request is the one sent before they existed.
 */
function filterArguments(filters: ReadFilters | undefined, variables: Record<string, unknown>, params: string[]): string {
  let args = '';
  if (filters?.asOf) {
    variables.asOf = filters.asOf;
    params.push('$asOf: Date');
    args += ', asOf: $asOf';
  }
  if (filters?.minSources != null) {
    variables.minSources = filters.minSources;
    params.push('$minSources: Int');
    args += ', minSources: $minSources';
  }
  return args;
}

/** The neighbourhoods of several entities as aliased fields n0, n1, ...: one round trip. */
export function neighborhoodsQuery(ids: string[], types: RelationType[], filters?: ReadFilters): GraphQLRequest {
  const variables: Record<string, unknown> = { types: typesVariable(types) };
  const params = ['$types: [RelationType!]'];
  const filter = filterArguments(filters, variables, params);
  const fields = ids.map((id, i) => {
    variables[`id${i}`] = id;
    params.push(`$id${i}: ID!`);
    return `n${i}: neighborhood(id: $id${i}, depth: 1, limit: 200, relationTypes: $types${filter}) { truncated nodes { ${DRAWN_NODE_FIELDS} } relations { ${DRAWN_EDGE_FIELDS} } }`;
  });
  return { query: `query Neighborhoods(${params.join(', ')}) { ${fields.join('\n')} }`, variables };
}

/** The shortest path, with both ends (so a missing path can still name them); the ends pass the same filters. */
export function pathQuery(from: string, to: string, types: RelationType[], filters?: ReadFilters): GraphQLRequest {
  const variables: Record<string, unknown> = { from, to, types: typesVariable(types) };
  const params = ['$from: ID!', '$to: ID!', '$types: [RelationType!]'];
  const filter = filterArguments(filters, variables, params);
  return {
    query: `query Path(${params.join(', ')}) {
      path: shortestPath(from: $from, to: $to, maxHops: 6, relationTypes: $types${filter}) { length nodes { ${DRAWN_NODE_FIELDS} } relations { ${DRAWN_EDGE_FIELDS} } }
      fromEntity: entity(id: $from${filter}) { ${DRAWN_NODE_FIELDS} }
      toEntity: entity(id: $to${filter}) { ${DRAWN_NODE_FIELDS} }
    }`,
    variables,
  };
}

/** Search as filtered as the view, so a result is never an entity the view would not show. */
export function searchQuery(q: string, filters?: ReadFilters): GraphQLRequest {
  const variables: Record<string, unknown> = { q };
  const params = ['$q: String!'];
  const filter = filterArguments(filters, variables, params);
  return {
    query: filter ? `query Search(${params.join(', ')}) { search(query: $q, first: 10${filter}) { score entity { ${NODE_FIELDS} } } }` : SEARCH,
    variables,
  };
}

/** The selected entity for the detail panel; null when it does not pass the filters. */
/**
 * The panel reads the entity as it is today, with every report: under the time slider it greys the reports after
 * the date and counts those before it itself, so the reader sees both what was known then and what came later.
 */
export function entityPanelQuery(id: string, filters?: ReadFilters): GraphQLRequest {
  const variables: Record<string, unknown> = { id };
  const params = ['$id: ID!'];
  const filter = filterArguments(filters ? { ...filters, asOf: null } : filters, variables, params);
  return { query: `query Entity(${params.join(', ')}) { entity(id: $id${filter}) { ${ENTITY_PANEL_FIELDS} } }`, variables };
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
