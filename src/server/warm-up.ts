import { execute, parse, validate, type DocumentNode } from 'graphql';
import type { Viewer } from '../auth/authenticate.js';
import { createContext, type AppServices } from '../context.js';
import { rehearse } from '../db/rehearsal.js';
import { ENTITY_TYPES } from '../model/types.js';
import { schema } from '../schema/index.js';
import { GRAPHIQL_DEFAULT_QUERY } from './graphiql.js';
import type { Application } from './readiness.js';
import { explorerRequests, loadExplorerQueries, SAMPLES_QUERY, samplesFrom, sendThrough, type ExplorerRequest, type WarmUpError } from './warm-up-explorer.js';

/**
 * Runs the operations analysts send most, before the service says ready:
 * the first run of each statement after a database start plans and compiles
 * it, 2-7 s per statement here: long enough for the first write to time out.
 * Writes run as a rehearsal (rolled back), so the graph is not changed.
 * The explorer's requests run as the explorer sends them (./warm-up-explorer.ts),
 * anonymous and validated, with and without its filters.
 */

const EXAMPLES = parse(GRAPHIQL_DEFAULT_QUERY);
const EXAMPLE_NAMES = EXAMPLES.definitions.flatMap((definition) => ('name' in definition && definition.name ? [definition.name.value] : []));

const ENDPOINTS = parse(`{
  people: entities(type: PERSON, first: 1) { edges { node { id } } }
  organizations: entities(type: ORGANIZATION, first: 1) { edges { node { id } } }
}`);
const WRITES = parse(`
  query Entity($a: ID!) { entity(id: $a) { id name relations(first: 20) { totalCount edges { node { id type role from { id } to { id } reportedBy { quote } } } } reportedBy { quote source { name } document { title } } } }
  mutation UpsertEntity($id: ID!, $type: EntityType!, $aliases: [String!]) { upsertEntity(input: { id: $id, type: $type, name: "Warm Up", aliases: $aliases }) { id name } }
  mutation UpsertRelation($a: ID!, $b: ID!) { upsertRelation(input: { type: MEMBER_OF, from: $a, to: $b, role: "warm-up" }) { id type } }
  mutation Merge($a: ID!, $b: ID!) { mergeEntities(keepId: $a, mergeId: $b) { id } }
  mutation Delete($id: ID!) { deleteEntity(id: $id) }
  mutation Ingest($bundle: JSON!) { ingestBundle(bundle: $bundle) { documents } }
`);

const SAMPLES = parse(SAMPLES_QUERY);
const ADMIN: Viewer = { role: 'admin', via: 'api-key' };
const ANONYMOUS: Viewer = { role: null, via: 'anonymous' };
/** The explorer's lane stops sending after this long (a slow database): the service serves anyway, and plans the rest on first use. */
export const EXPLORER_WARM_UP_BUDGET_MS = 60_000;

const WARM_UP_ID = 'newsgraph-warm-up';
const WARM_UP_TEXT = 'Warm Up Person joined the Warm Up Organization in Warm Up Place.';
const BUNDLE = {
  format: 'newsgraph.bundle',
  version: 1,
  document: { id: `${WARM_UP_ID}-document`, title: 'Warm-up', publishedAt: '2021-08-03', text: WARM_UP_TEXT },
  sources: [{ id: `${WARM_UP_ID}-source`, name: 'Warm Up Wire', kind: 'outlet' }],
  entities: [
    { id: `${WARM_UP_ID}-person`, type: 'PERSON', name: 'Warm Up Person', aliases: [] },
    { id: `${WARM_UP_ID}-organization`, type: 'ORGANIZATION', name: 'Warm Up Organization', aliases: [], category: 'other' },
  ],
  relations: [{ id: `${WARM_UP_ID}-relation`, type: 'MEMBER_OF', from: `${WARM_UP_ID}-person`, to: `${WARM_UP_ID}-organization` }],
  reports: [
    { id: 'r1', source: `${WARM_UP_ID}-source`, subject: { entity: `${WARM_UP_ID}-person` }, quote: 'Warm Up Person', start: 0, end: 14 },
    { id: 'r2', source: `${WARM_UP_ID}-source`, subject: { relation: `${WARM_UP_ID}-relation` }, quote: WARM_UP_TEXT, start: 0, end: WARM_UP_TEXT.length },
  ],
};

export interface WarmUpReport {
  ms: number;
  operations: number;
  failed: string[];
  /** The slowest operations, for the log. */
  slowest: string[];
  /** The explorer's request builders whose requests were sent (explorer/src/queries.ts export names). */
  explorer?: string[];
  /** The explorer's requests not sent because its lane ran out of time (EXPLORER_WARM_UP_BUDGET_MS): planned on first use instead. */
  skipped?: number;
}

/** `application`: the service's HTTP application, when there is one; the explorer's requests then go through it. */
export async function warmUp(services: AppServices, application?: Application): Promise<WarmUpReport> {
  const started = performance.now();
  const failed: string[] = [];
  let operations = 0;
  const timings: Array<[string, number]> = [];
  const run = async (document: DocumentNode, operationName?: string, variableValues: Record<string, unknown> = {}, viewer = ADMIN) => {
    operations += 1;
    const opStarted = performance.now();
    const contextValue = createContext(services, `warm-up-${operations}`, viewer);
    // Validated as a request is, so that the first real one finds that code warm too.
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      failed.push(`${operationName ?? 'query'}: ${invalid[0]!.message}`);
      return { data: null };
    }
    const result = await execute({ schema, document, operationName, variableValues, contextValue });
    // An id that is not there still planned the statements before the refusal; any other failure means the warm-up is wrong.
    const unexpected = (result.errors ?? []).filter((error) => error.extensions?.code !== 'NOT_FOUND');
    if (unexpected.length > 0) failed.push(`${operationName ?? 'query'}: ${unexpected[0]!.message}`);
    timings.push([operationName ?? 'query', Math.round(performance.now() - opStarted)]);
    return result;
  };
  // Three lanes, reads, writes and the explorer's reads, so that both cores of a small machine plan statements.
  const reads = async () => {
    for (const name of EXAMPLE_NAMES) await run(EXAMPLES, name);
  };
  const writes = async () => {
    const found = await run(ENDPOINTS);
    const firstId = (field: string) => (found.data?.[field] as { edges?: Array<{ node: { id: string } }> } | undefined)?.edges?.[0]?.node.id;
    // A real person and organization, so that the relation write runs whole (rolled back); a graph without them has none to plan for.
    const a = firstId('people');
    const b = firstId('organizations');
    await run(WRITES, 'Entity', { a: a ?? `${WARM_UP_ID}-person` });
    // Each type has its own statement (its label), and Neo4j plans a statement again for other parameter types.
    for (const type of ENTITY_TYPES) {
      for (const aliases of [null, ['Warm']]) await run(WRITES, 'UpsertEntity', { id: `${WARM_UP_ID}-${type.toLowerCase()}`, type, aliases });
    }
    if (a && b) await run(WRITES, 'UpsertRelation', { a, b });
    // A merge locks both entities and every neighbour of the merged one: rehearsed on ids that do not exist, never on real ones.
    await run(WRITES, 'Merge', { a: `${WARM_UP_ID}-kept`, b: `${WARM_UP_ID}-merged` });
    await run(WRITES, 'Delete', { id: `${WARM_UP_ID}-entity` });
    await run(WRITES, 'Ingest', { bundle: BUNDLE });
  };
  const explorer: string[] = [];
  let skipped = 0;
  const operationOf = (request: ExplorerRequest) => /^\s*query\s+(\w+)/.exec(request.query)?.[1] ?? 'query';
  const runParsed = (request: ExplorerRequest) => run(parse(request.query), operationOf(request), request.variables, ANONYMOUS);
  // Through the HTTP application, so that Yoga's parse and validation cache and the plugins are warm for the same texts.
  const send = async (through: Application, request: ExplorerRequest) => {
    operations += 1;
    const opStarted = performance.now();
    const errors = await sendThrough(through, request).catch((error: unknown): WarmUpError[] => [
      { message: error instanceof Error ? error.message : String(error) },
    ]);
    const unexpected = errors.filter((error) => error.extensions?.code !== 'NOT_FOUND');
    if (unexpected.length > 0) failed.push(`${operationOf(request)}: ${unexpected[0]!.message}`);
    timings.push([operationOf(request), Math.round(performance.now() - opStarted)]);
  };
  // The explorer's lane: its requests as it sends them, anonymous, with each filter it sets.
  const explorerReads = async () => {
    const queries = await loadExplorerQueries().catch((error: unknown) => {
      failed.push(`explorer queries: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (!queries) return;
    const samples = samplesFrom((await run(SAMPLES, 'WarmUpSamples', {}, ANONYMOUS)).data);
    const requests = explorerRequests(queries, samples);
    const laneStarted = performance.now();
    for (const [index, { name, request }] of requests.entries()) {
      if (performance.now() - laneStarted > EXPLORER_WARM_UP_BUDGET_MS) {
        skipped = requests.length - index;
        return;
      }
      await (application ? send(application, request) : runParsed(request));
      if (!explorer.includes(name)) explorer.push(name);
    }
  };
  // allSettled: a lane that fails must not end the rehearsal while the writes lane still runs (its writes would commit).
  const lanes = await rehearse(() => Promise.allSettled([reads(), writes(), explorerReads()]));
  for (const lane of lanes) if (lane.status === 'rejected') throw lane.reason;
  const slowest = timings
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, ms]) => `${name} ${ms} ms`);
  return { ms: Math.round(performance.now() - started), operations, failed, slowest, explorer, skipped };
}
