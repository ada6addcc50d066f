import { readSeedBundle } from '../../src/ingest/seed.js';

/**
 * The mixed workload: about 80% reads (an entity with its relations and
 * reports, search, neighbourhoods, pages of entities, timelines, paths) and
 * 20% writes (upsertEntity and upsertRelation, both with reports) over the
 * seed graph plus a fixed pool of load-test people. Writes update a bounded
 * set of ids, so the graph stops growing once the pool is written and a
 * steady state is reached.
 */

interface SeedBundle {
  document: { id: string; text: string };
  sources: Array<{ id: string }>;
  entities: Array<{ id: string; type: string; name: string }>;
  reports: Array<{ source: string; quote: string; start: number; end: number }>;
}

const seed = readSeedBundle() as SeedBundle;

export const POOL_SIZE = 200;
export const poolId = (k: number) => `load-person-${k}`;

const ENTITY_IDS = seed.entities.map((entity) => entity.id);
const ORGANIZATIONS = seed.entities.filter((entity) => entity.type === 'ORGANIZATION').map((entity) => entity.id);
const SOURCES = seed.sources.map((source) => source.id);
const SEARCHES = [
  'zapad',
  'Zapad/Interaction-2021',
  'liu',
  'china',
  'russia',
  'army',
  'qingtongxia',
  'shanghai',
  'taliban',
  'wu qian',
  'load person',
  'defense ministry',
  'afghanistan',
];
const TYPES = ['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT', null];
const ROLES = ['member', 'officer', 'spokesperson', 'analyst', 'delegate'];
const TITLES = ['Colonel', 'Spokesperson', 'Analyst', null];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const cursorOf = (key: string) => Buffer.from(JSON.stringify({ k: key }), 'utf8').toString('base64url');

export type Kind = 'entity' | 'search' | 'neighborhood' | 'entities' | 'timeline' | 'shortestPath' | 'upsertEntity' | 'upsertRelation';

export interface Operation {
  kind: Kind;
  write: boolean;
  query: string;
  variables: Record<string, unknown>;
}

const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    id type name aliases description
    ... on Person { title } ... on Event { startDate endDate }
    relations(first: 10) { totalCount edges { node { id type role from { id name } to { id name } reportedBy { quote source { name } } } } }
    reportedBy { quote reportedAt source { id name kind } document { title } attributedTo { id name } }
  }
}`;
const SEARCH = 'query Search($q: String!) { search(query: $q, first: 10) { score entity { id type name aliases } } }';
const NEIGHBORHOOD =
  'query Neighborhood($id: ID!) { neighborhood(id: $id, depth: 2, limit: 100) { truncated nodes { id type name } relations { id type from { id } to { id } } } }';
const ENTITIES = `query Entities($type: EntityType, $after: String) {
  entities(type: $type, first: 20, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id type name } } }
}`;
const TIMELINE = 'query Timeline($id: ID) { timeline(entityId: $id) { id name startDate endDate } }';
const SHORTEST_PATH = 'query Path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { length nodes { id name } relations { type } } }';
const UPSERT_ENTITY = 'mutation Upsert($input: EntityInput!) { upsertEntity(input: $input) { id name aliases reportedBy { quote source { id } } } }';
const UPSERT_RELATION =
  'mutation Relate($input: RelationInput!) { upsertRelation(input: $input) { id type role from { id } to { id } reportedBy { source { id } attributedTo { id } } } }';

/** The pool's entity as first written, before the run: endpoints for relations exist from the start. */
export function poolEntity(k: number): Operation {
  return { kind: 'upsertEntity', write: true, query: UPSERT_ENTITY, variables: { input: { id: poolId(k), type: 'PERSON', name: `Load Person ${k}` } } };
}

function upsertEntity(): Operation {
  const k = Math.floor(Math.random() * POOL_SIZE);
  const report = pick(seed.reports);
  // Half with a quote checked against the seed article at its offsets, half with a bare source.
  const reports =
    Math.random() < 0.5
      ? [{ sourceId: report.source, documentId: seed.document.id, quote: report.quote, start: report.start, end: report.end }]
      : [{ sourceId: pick(SOURCES), quote: `Load person ${k} was mentioned.` }];
  const input = {
    id: poolId(k),
    type: 'PERSON',
    name: `Load Person ${k}`,
    aliases: [`L. Person ${k}`, `Person ${k} (load)`],
    description: `A person written by the load test, revision ${Math.floor(Math.random() * 1000)}.`,
    title: pick(TITLES),
    reports,
  };
  return { kind: 'upsertEntity', write: true, query: UPSERT_ENTITY, variables: { input } };
}

function upsertRelation(): Operation {
  const input = {
    type: 'MEMBER_OF',
    from: poolId(Math.floor(Math.random() * POOL_SIZE)),
    to: pick(ORGANIZATIONS),
    role: pick(ROLES),
    reports: [{ sourceId: pick(SOURCES), attributedTo: 'wu-qian' }],
  };
  return { kind: 'upsertRelation', write: true, query: UPSERT_RELATION, variables: { input } };
}

const someEntity = () => (Math.random() < 0.8 ? pick(ENTITY_IDS) : poolId(Math.floor(Math.random() * POOL_SIZE)));

/** Cumulative weights out of 100: reads 80, writes 20. */
const MIX: Array<[number, () => Operation]> = [
  [25, () => ({ kind: 'entity', write: false, query: ENTITY, variables: { id: someEntity() } })],
  [45, () => ({ kind: 'search', write: false, query: SEARCH, variables: { q: pick(SEARCHES) } })],
  [60, () => ({ kind: 'neighborhood', write: false, query: NEIGHBORHOOD, variables: { id: pick(ENTITY_IDS) } })],
  [
    72,
    () => ({ kind: 'entities', write: false, query: ENTITIES, variables: { type: pick(TYPES), after: Math.random() < 0.5 ? null : cursorOf(someEntity()) } }),
  ],
  [76, () => ({ kind: 'timeline', write: false, query: TIMELINE, variables: { id: Math.random() < 0.5 ? null : pick(ENTITY_IDS) } })],
  [80, () => ({ kind: 'shortestPath', write: false, query: SHORTEST_PATH, variables: { from: pick(ENTITY_IDS), to: pick(ENTITY_IDS) } })],
  [92, upsertEntity],
  [100, upsertRelation],
];

export function nextOperation(): Operation {
  const roll = Math.random() * 100;
  return MIX.find(([upTo]) => roll < upTo)![1]();
}

export const KINDS: readonly Kind[] = ['entity', 'search', 'neighborhood', 'entities', 'timeline', 'shortestPath', 'upsertEntity', 'upsertRelation'];
