/**
 * The @neo4j/graphql contender's type definitions: the same Neo4j data as
 * newsgraph (docs/model.md), mapped with @node, @relationship and
 * @relationshipProperties. Where the library cannot express a read (a
 * neighbourhood, a shortest path, a ranked search over all entity types),
 * a @cypher field does it, as the library's users do.
 */

const RELATION_TYPES = 'PARTICIPATES_IN|COMMANDS|MEMBER_OF|LOCATED_IN';

/**
 * A name's key, as newsgraph's normalizeName makes it: compatibility
 * decomposition (accents become marks), lower case, letters and digits of
 * any script only (the marks, punctuation and spaces go).
 */
const norm = (x: string) => `reduce(s = '', c IN split(toLower(normalize(${x}, NFKD)), '') | s + CASE WHEN c =~ '[\\\\p{L}\\\\p{N}]' THEN c ELSE '' END)`;
/** The search ranking of newsgraph (exact name or alias +100, prefix +50, then score, then name), in Cypher. */
export const searchCypher = (returnClause: string) => `
// The tokens of newsgraph's luceneQueryFor: runs of letters and digits of any script, at most 16.
WITH [t IN split(reduce(s = '', c IN split(toLower($query), '') | s + CASE WHEN c =~ '[\\\\p{L}\\\\p{N}]' THEN c ELSE ' ' END), ' ') WHERE t <> ''][0..16] AS tokens
WITH reduce(q = '', t IN tokens | q + CASE q WHEN '' THEN '' ELSE ' OR ' END + t + '*') + ' OR "' + reduce(p = '', t IN tokens | p + CASE p WHEN '' THEN '' ELSE ' ' END + t) + '"^4' AS lucene,
     ${norm('$query')} AS wanted
CALL db.index.fulltext.queryNodes('entity_names', lucene, {limit: 100}) YIELD node, score
WITH node, wanted, score, [x IN [node.name] + coalesce(node.aliases, []) | ${norm('x')}] AS names
WITH node, score + CASE WHEN wanted IN names THEN 100 WHEN wanted <> '' AND any(x IN names WHERE x STARTS WITH wanted) THEN 50 ELSE 0 END AS ranked
ORDER BY ranked DESC, node.name ASC
LIMIT $first
${returnClause}`;

/** Breadth-first, level by level, stopping at the limit: the same strategy as newsgraph's neighborhood. */
export const NEIGHBORHOOD_CYPHER = `
MATCH (start:Entity {id: $id})
CALL (start) {
  MATCH (start)-[:${RELATION_TYPES}]-(n:Entity)
  WHERE n <> start
  WITH DISTINCT n LIMIT $limit
  RETURN collect(n) AS level1
}
CALL (start, level1) {
  UNWIND CASE WHEN size(level1) < $limit THEN level1 ELSE [] END AS n1
  MATCH (n1)-[:${RELATION_TYPES}]-(n:Entity)
  WHERE n <> start AND NOT n IN level1
  WITH DISTINCT n LIMIT $limit
  RETURN collect(n) AS level2
}
WITH start, level1, level2, $limit - 1 - size(level1) AS budget2
WITH size(level1) > $limit - 1 OR size(level2) > budget2 AS truncated,
     [start] + level1[0..$limit - 1] + CASE WHEN budget2 > 0 THEN level2[0..budget2] ELSE [] END AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:${RELATION_TYPES}]->(b:Entity)
  WHERE b IN nodes
  RETURN collect({id: r.id, type: type(r), from: a.id, to: b.id}) AS relations
}
RETURN {truncated: truncated, nodes: [n IN nodes | n {.id, .name, .type}], relations: relations} AS subgraph`;

/** The first relations of an entity by id, as q1 asks them, as Claims (the provenance anchors). */
export const ENTITY_RELATIONS_CYPHER = `
MATCH (n:Entity {id: $id})-[r:${RELATION_TYPES}]-(:Entity)
WITH DISTINCT r ORDER BY r.id LIMIT $first
MATCH (c:Claim {relationId: r.id})
RETURN c ORDER BY c.relationId`;

export const SHORTEST_PATH_CYPHER = `
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 1 (a)-[:${RELATION_TYPES}]-{1,6}(b)
RETURN {length: length(p), nodes: [n IN nodes(p) | n {.id, .name, .type}],
        relations: [r IN relationships(p) | {id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id}]} AS path`;

const ENTITY_FIELDS = `
  id: ID!
  type: String!
  name: String!
  aliases: [String!]
  aliasText: String
  description: String`;

interface EntityDef {
  name: string;
  label: string;
  extra: string;
  out: Array<[field: string, type: string, target: string]>;
}

type RelationField = EntityDef['out'][number];
const PARTICIPATES_IN: RelationField = ['participatesIn', 'PARTICIPATES_IN', 'Event'];
const COMMANDS: RelationField = ['commands', 'COMMANDS', 'Entity'];
const MEMBER_OF: RelationField = ['memberOf', 'MEMBER_OF', 'Organization'];
const LOCATED_IN: RelationField = ['locatedIn', 'LOCATED_IN', 'Entity'];

const ENTITY_DEFS: EntityDef[] = [
  { name: 'Person', label: 'Person', extra: 'title: String', out: [PARTICIPATES_IN, COMMANDS, MEMBER_OF] },
  { name: 'Organization', label: 'Organization', extra: 'category: String', out: [PARTICIPATES_IN, MEMBER_OF] },
  { name: 'Country', label: 'Country', extra: '', out: [PARTICIPATES_IN, MEMBER_OF] },
  { name: 'Location', label: 'Location', extra: '', out: [LOCATED_IN] },
  { name: 'Event', label: 'Event', extra: 'startDate: String\n  endDate: String', out: [LOCATED_IN] },
];

function entityType(def: EntityDef): string {
  const relations = def.out.map(
    ([field, type, target]) => `  ${field}: [${target}!]! @relationship(type: "${type}", direction: OUT, properties: "RelationProperties")`,
  );
  return `
type ${def.name} implements Entity @node(labels: ["${def.label}", "Entity"]) {${ENTITY_FIELDS}
  createdAt: DateTime @timestamp(operations: [CREATE])
  ${def.extra}
  reportedBy: [Source!]! @relationship(type: "REPORTED_BY", direction: OUT, properties: "Report")
  nameKeys: [NameKey!]! @relationship(type: "NAMES", direction: IN)
${relations.join('\n')}
}`;
}

export const TYPE_DEFS = `#graphql
interface Entity {${ENTITY_FIELDS}
  reportedBy: [Source!]! @declareRelationship
}
${ENTITY_DEFS.map(entityType).join('\n')}

type RelationProperties @relationshipProperties {
  id: ID!
  role: String
  startDate: String
  endDate: String
}

type Report @relationshipProperties {
  id: ID!
  quote: String
  start: Int
  end: Int
  reportedAt: String
  documentId: String
  attributedToId: String
  method: String
  rule: String
  confidence: Float
}

type Source @node {
  id: ID!
  name: String!
  kind: String!
  url: String
  entityId: String
}

type Document @node {
  id: ID!
  title: String
  publishedAt: String
  url: String
  text: String
  ingestedAt: DateTime @timestamp(operations: [CREATE])
}

"One per relation: its provenance anchor, keyed by the relation's id."
type Claim @node {
  relationId: ID!
  type: String!
  from: ID!
  to: ID!
  fromEntity: Entity @cypher(statement: "MATCH (e:Entity {id: this.from}) RETURN e", columnName: "e")
  toEntity: Entity @cypher(statement: "MATCH (e:Entity {id: this.to}) RETURN e", columnName: "e")
  reportedBy: [Source!]! @relationship(type: "REPORTED_BY", direction: OUT, properties: "Report")
}

type NameKey @node {
  key: String!
  names: [Entity!]! @relationship(type: "NAMES", direction: OUT)
}

type PathNode {
  id: ID!
  name: String!
  type: String!
}

type PathRelation {
  id: ID!
  type: String!
  from: ID!
  to: ID!
}

type Subgraph {
  truncated: Boolean!
  nodes: [PathNode!]!
  relations: [PathRelation!]!
}

type Path {
  length: Int!
  nodes: [PathNode!]!
  relations: [PathRelation!]!
}

type Query {
  "q1's relations, as the library's users would write them: one @cypher field, the same traversal as the floor's, Claims out (their reports through the generated relationship field)."
  entityRelations(id: ID!, first: Int! = 20): [Claim!]! @cypher(statement: """${ENTITY_RELATIONS_CYPHER}""", columnName: "c")
  neighborhood(id: ID!, limit: Int! = 200): Subgraph @cypher(statement: """${NEIGHBORHOOD_CYPHER}""", columnName: "subgraph")
  shortestPath(from: ID!, to: ID!): Path @cypher(statement: """${SHORTEST_PATH_CYPHER}""", columnName: "path")
  searchEntities(query: String!, first: Int! = 10): [Entity!]! @cypher(statement: """${searchCypher('RETURN node')}""", columnName: "node")
}
`;
