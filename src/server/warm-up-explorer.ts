import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../project.js';
import { RELATION_TYPES, type RelationType } from '../model/types.js';
import type { Application } from './readiness.js';

/**
 * The explorer's own requests, for the warm-up. Neo4j plans a statement once
 * per statement text, and the statements a read sends follow from its GraphQL
 * text (the fields selected, the filters given, the relation types chosen), so
 * the warm-up must send the texts the explorer sends: it builds them with the
 * explorer's own builders, explorer/src/queries.ts, rather than a copy that
 * would drift. That module is loaded when the warm-up runs, not imported:
 * src/ compiles alone (tsconfig.src.json, in the typecheck). The service
 * always runs through tsx (bin/, npm start, the Dockerfile), which loads it.
 */
export const EXPLORER_QUERIES_MODULE = join(PROJECT_ROOT, 'explorer', 'src', 'queries.ts');

export interface ExplorerRequest {
  query: string;
  variables: Record<string, unknown>;
}

type Filters = { asOf: string | null; minSources: number | null } | undefined;

/**
 * The builders the warm-up calls, as explorer/src/queries.ts exports them
 * (tests/int/warm-up.int.test.ts checks the real module against this).
 * Properties, not methods, so that the check compares parameter types strictly.
 */
export interface ExplorerQueries {
  STATS: string;
  SEARCH: string;
  RELATION_PANEL: string;
  DOCUMENT_TEXT: string;
  searchQuery: (q: string, filters?: Filters) => ExplorerRequest;
  neighborhoodsQuery: (ids: string[], types: RelationType[], filters?: Filters) => ExplorerRequest;
  pathQuery: (from: string, to: string, types: RelationType[], filters?: Filters) => ExplorerRequest;
  entityPanelQuery: (id: string, filters?: Filters) => ExplorerRequest;
  detailsQuery: (entityIds: string[], relationIds: string[]) => ExplorerRequest;
}

export async function loadExplorerQueries(): Promise<ExplorerQueries> {
  return (await import(pathToFileURL(EXPLORER_QUERIES_MODULE).href)) as ExplorerQueries;
}

/** Ids from the graph, so that each request runs whole (a missing entity skips its panel's reads). */
export interface WarmUpSamples {
  entity: string;
  /** Several entities, for a neighbourhoods request of several aliases (an opened link), run side by side. */
  batch: string[];
  name: string;
  relation: string;
  from: string;
  to: string;
  document: string;
}

/**
 * The filters the explorer sets (asOf from the time slider, minSources from
 * its choice): each combination is its own statement. The values are
 * parameters and do not matter to the plan; their types do, and are the ones
 * the explorer sends (a date string, an integer).
 */
const FILTER_VARIANTS: Filters[] = [undefined, { asOf: '2100-01-01', minSources: null }, { asOf: null, minSources: 1 }, { asOf: '2100-01-01', minSources: 1 }];

/** Relation types are spliced into the statement: all (the default) and each first unchecked box; other choices plan on first use. */
const TYPE_CHOICES: RelationType[][] = RELATION_TYPES.map((unchecked) => RELATION_TYPES.filter((type) => type !== unchecked));

/**
 * For each export of explorer/src/queries.ts that the explorer sends as a
 * request, the requests the warm-up sends with it, in the order an analyst
 * meets them. A new builder there fails tests/int/warm-up.int.test.ts until
 * it is listed here.
 */
export const EXPLORER_OPERATIONS = {
  STATS: (q) => [{ query: q.STATS, variables: {} }],
  SEARCH: (q, s) => [{ query: q.SEARCH, variables: { q: s.name } }],
  neighborhoodsQuery: (q, s) => [
    ...FILTER_VARIANTS.map((filters) => q.neighborhoodsQuery([s.entity], [], filters)),
    ...(s.batch.length > 1 ? FILTER_VARIANTS.map((filters) => q.neighborhoodsQuery(s.batch, [], filters)) : []),
    ...TYPE_CHOICES.map((types) => q.neighborhoodsQuery([s.entity], types)),
  ],
  entityPanelQuery: (q, s) => FILTER_VARIANTS.map((filters) => q.entityPanelQuery(s.entity, filters)),
  RELATION_PANEL: (q, s) => [{ query: q.RELATION_PANEL, variables: { id: s.relation } }],
  searchQuery: (q, s) => FILTER_VARIANTS.map((filters) => q.searchQuery(s.name, filters)),
  pathQuery: (q, s) => FILTER_VARIANTS.map((filters) => q.pathQuery(s.from, s.to, [], filters)),
  detailsQuery: (q, s) => [q.detailsQuery([s.entity], [s.relation])],
  DOCUMENT_TEXT: (q, s) => [{ query: q.DOCUMENT_TEXT, variables: { id: s.document } }],
} satisfies Record<string, (queries: ExplorerQueries, samples: WarmUpSamples) => ExplorerRequest[]>;

/**
 * The requests sent on every sample, not only the first: those that take an
 * id or a text. Neo4j's plan cache keys a statement on its parameters' types,
 * and a string's type carries its length's bucket (0, 1, 2-10, 11-100,
 * 101-1000 characters: SizeBucket in the Cypher planner), so an id of 7
 * characters gets a plan of its own beside one of 11. A path's two ids make
 * four plans; planning one takes 0.1-1.4 s on the seed (SHORTEST under the
 * filters is dear), paid by the first path asked after /ready whose ids'
 * lengths the warm-up did not send. The samples are chosen across the buckets and the
 * paths cover their pairs (samplesFrom).
 */
const PER_SAMPLE: ReadonlySet<string> = new Set(['neighborhoodsQuery', 'pathQuery', 'entityPanelQuery', 'searchQuery', 'SEARCH']);

/**
 * Every request of EXPLORER_OPERATIONS, named by its builder, without
 * duplicates (the entity panel drops asOf): each kind on the first sample,
 * then those of PER_SAMPLE on the others.
 */
export function explorerRequests(queries: ExplorerQueries, samples: WarmUpSamples[]): Array<{ name: string; request: ExplorerRequest }> {
  const seen = new Set<string>();
  const operations = Object.entries(EXPLORER_OPERATIONS);
  const planned = samples.flatMap((sample, index) =>
    operations.filter(([name]) => index === 0 || PER_SAMPLE.has(name)).map(([name, build]) => [name, build, sample] as const),
  );
  return planned.flatMap(([name, build, sample]) =>
    build(queries, sample)
      .filter((request) => {
        const key = `${request.query}\n${JSON.stringify(request.variables)}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((request) => ({ name, request })),
  );
}

/** The bucket of a string's length in Neo4j's plan cache key (SizeBucket.computeBucket): 0 and 1 exact, then powers of ten. */
export function sizeBucket(length: number): number {
  return length <= 1 ? length : 10 ** Math.ceil(Math.log10(length));
}

/** Finds the samples with one small read; on an empty graph, ids that find nothing (the top statements are still planned). */
export const SAMPLES_QUERY = `query WarmUpSamples { entities(first: 20) { edges { node { id name
  relations(first: 1) { edges { node { id from { id } to { id } } } }
  reportedBy { document { id } } } } } }`;

interface SampleNode {
  id: string;
  name: string;
  relations: { edges: Array<{ node: { id: string; from: { id: string }; to: { id: string } } }> };
  reportedBy: Array<{ document: { id: string } | null }>;
}

/** How many samples the walks run on; with up to 4 filter variants each, about 90 requests in all. */
export const SAMPLE_COUNT = 4;
const BATCH_SIZE = 10;

/** Round robin over the groups, in their order: the first of each, then the second of each, ... */
function interleave<T>(groups: T[][]): T[] {
  const out: T[] = [];
  for (let rank = 0; groups.some((group) => rank < group.length); rank += 1) for (const group of groups) if (rank < group.length) out.push(group[rank]!);
  return out;
}

/**
 * Up to SAMPLE_COUNT entities that have relations (one on an empty graph,
 * with ids that find nothing: the top statements are still planned), taken
 * in turn from each bucket of id length (sizeBucket), so that the plans for
 * short ids and long ones are both made. A sample's path goes to another
 * sample, chosen so that the paths cover each pair of buckets (short to
 * short, short to long, ...) as far as the samples allow, else the sample
 * half way round, most often several hops away.
 */
export function samplesFrom(data: Record<string, unknown> | null | undefined): WarmUpSamples[] {
  const nodes = ((data?.entities as { edges?: Array<{ node: SampleNode }> } | undefined)?.edges ?? []).map((edge) => edge.node);
  const connected = nodes.filter((candidate) => candidate.relations.edges.length > 0);
  const pool = connected.length > 0 ? connected : nodes;
  const buckets = new Map<number, SampleNode[]>();
  for (const node of pool) buckets.set(sizeBucket(node.id.length), [...(buckets.get(sizeBucket(node.id.length)) ?? []), node]);
  const chosen = interleave([...buckets.values()]).slice(0, SAMPLE_COUNT);
  const missing = 'newsgraph-warm-up-missing';
  const batch = connected.slice(0, BATCH_SIZE).map((node) => node.id);
  if (chosen.length === 0) return [{ entity: missing, batch: [], name: 'warm up', relation: missing, from: missing, to: missing, document: missing }];
  const covered = new Set<string>();
  const pairOf = (from: SampleNode, to: SampleNode) => `${sizeBucket(from.id.length)}-${sizeBucket(to.id.length)}`;
  return chosen.map((node, index) => {
    const relation = node.relations.edges[0]?.node;
    const far = chosen[(index + Math.ceil(chosen.length / 2)) % chosen.length]!;
    const others = chosen.filter((other) => other.id !== node.id);
    const target = others.find((other) => !covered.has(pairOf(node, other))) ?? (far.id === node.id ? undefined : far);
    if (target) covered.add(pairOf(node, target));
    return {
      entity: node.id,
      batch,
      name: node.name,
      relation: relation?.id ?? missing,
      from: node.id,
      to: target ? target.id : (relation?.to.id ?? missing),
      document: node.reportedBy.find((report) => report.document)?.document?.id ?? missing,
    };
  });
}

export interface WarmUpError {
  message: string;
  extensions?: { code?: string };
}

/**
 * One request through the service's HTTP application, as the explorer sends
 * it (explorer/src/api.ts: a JSON POST), marked as the warm-up's in the
 * request log; the GraphQL errors of its answer.
 */
export async function sendThrough(application: Application, request: ExplorerRequest): Promise<WarmUpError[]> {
  const response = await application(
    new Request('http://warm-up.newsgraph.invalid/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-newsgraph-client': 'warm-up' },
      body: JSON.stringify(request),
    }),
  );
  const body = (await response.json().catch(() => null)) as { errors?: WarmUpError[] } | null;
  if (!body) return [{ message: `HTTP ${response.status} without a GraphQL answer` }];
  return body.errors ?? (response.ok ? [] : [{ message: `HTTP ${response.status}` }]);
}
