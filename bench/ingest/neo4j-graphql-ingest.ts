import type { EntityType } from '../../src/model/types.js';
import { httpPost } from '../contenders.js';
import { entityProperties, recordBatches, reportProperties, type StreamRecord } from './stream.js';

/**
 * @neo4j/graphql's ingest: the library's generated create mutations, one
 * GraphQL request per batch of records, over HTTP, as its users write them.
 * Root fields run in order, each in its own transaction: documents, sources,
 * entities (with their name keys, their reports and the relations whose
 * target already exists, as nested creates and connects), claims with their
 * reports, then one update per entity or claim for what could not be nested
 * (a relation to an entity created later in the same request, a report
 * whose subject came in an earlier batch).
 *
 * Measured alternative, slower here: flat creates (which the library turns
 * into UNWIND) followed by one update per entity to connect everything; each
 * update's statement differs in shape, so Neo4j plans hundreds of them per
 * batch. Nested connects make the library unroll a create into one UNION
 * branch per object instead: one huge statement per type and batch.
 */

/** Entity types in creation order: most relation targets exist before their sources are created. */
const ORDER: EntityType[] = ['COUNTRY', 'LOCATION', 'EVENT', 'ORGANIZATION', 'PERSON'];
const TYPE_NAME: Record<EntityType, { object: string; plural: string }> = {
  PERSON: { object: 'Person', plural: 'People' },
  ORGANIZATION: { object: 'Organization', plural: 'Organizations' },
  COUNTRY: { object: 'Country', plural: 'Countries' },
  LOCATION: { object: 'Location', plural: 'Locations' },
  EVENT: { object: 'Event', plural: 'Events' },
};
const RELATION_FIELD: Record<string, string> = { PARTICIPATES_IN: 'participatesIn', COMMANDS: 'commands', MEMBER_OF: 'memberOf', LOCATED_IN: 'locatedIn' };

type Input = Record<string, unknown>;
const whereId = (id: string) => ({ node: { id: { eq: id } } });

interface State {
  entityTypes: Map<string, EntityType>;
  claims: Set<string>;
  publishedAt: Map<string, string | null>;
}

interface Field {
  alias: string;
  call: string;
  variables: Array<[name: string, type: string, value: unknown]>;
}

/** The fields of one batch's mutation, in the order they must run. */
function batchFields(batch: StreamRecord[], state: State): Field[] {
  const fields: Field[] = [];
  const create = (name: string, inputType: string, input: Input[]) => {
    if (input.length) fields.push({ alias: name, call: `${name}(input: $${name})`, variables: [[name, `[${inputType}!]!`, input]] });
  };
  const of = (kind: StreamRecord['record']) => batch.filter((record) => record.record === kind);
  for (const d of of('document')) state.publishedAt.set(d.id as string, (d.publishedAt as string | undefined) ?? null);
  create(
    'createDocuments',
    'DocumentCreateInput',
    of('document').map((d) => ({ id: d.id, title: d.title ?? null, publishedAt: d.publishedAt ?? null, url: d.url ?? null, text: d.text })),
  );
  create(
    'createSources',
    'SourceCreateInput',
    of('source').map((s) => ({ id: s.id, name: s.name, kind: s.kind, url: s.url ?? null, entityId: s.entity ?? null })),
  );

  const entities = of('entity').map(entityProperties);
  const batchTypes = new Map(entities.map((e) => [e.id, e.type]));
  const reports = of('report').map((r) => reportProperties(r, state.publishedAt));
  const edgeOf = (r: ReturnType<typeof reportProperties>) => ({
    where: whereId(r.source),
    edge: {
      id: r.id,
      quote: r.quote,
      start: r.start,
      end: r.end,
      reportedAt: r.reportedAt,
      documentId: r.documentId,
      attributedToId: r.attributedToId,
      method: r.method,
      rule: r.rule,
      confidence: r.confidence,
    },
  });
  const nested = new Map<string, Map<string, Input[]>>(); // entity id -> field -> connects, in its create
  const later = new Map<string, Map<string, Input[]>>(); // entity id -> field -> connects, in an update
  const add = (into: Map<string, Map<string, Input[]>>, id: string, field: string, connect: Input) => {
    const byField = into.get(id) ?? new Map<string, Input[]>();
    byField.set(field, [...(byField.get(field) ?? []), connect]);
    into.set(id, byField);
  };
  for (const r of reports.filter((r) => r.aboutEntity)) add(batchTypes.has(r.subject) ? nested : later, r.subject, 'reportedBy', edgeOf(r));
  for (const r of of('relation')) {
    const from = r.from as string;
    const to = r.to as string;
    const fromType = batchTypes.get(from);
    const targetExists =
      state.entityTypes.has(to) || (fromType !== undefined && batchTypes.has(to) && ORDER.indexOf(batchTypes.get(to)!) < ORDER.indexOf(fromType));
    const connect = { where: whereId(to), edge: { id: r.id, role: r.role ?? null, startDate: r.startDate ?? null, endDate: r.endDate ?? null } };
    add(fromType !== undefined && targetExists ? nested : later, from, RELATION_FIELD[r.type as string]!, connect);
  }
  for (const type of ORDER) {
    const { object, plural } = TYPE_NAME[type];
    const input = entities
      .filter((e) => e.type === type)
      .map(({ keys, ...e }) => {
        const value: Input = { ...e, nameKeys: { create: keys.map((key) => ({ node: { key } })) } };
        if (type !== 'PERSON') delete value.title;
        if (type !== 'ORGANIZATION') delete value.category;
        if (type !== 'EVENT') {
          delete value.startDate;
          delete value.endDate;
        }
        for (const [field, connects] of nested.get(e.id) ?? []) value[field] = { connect: connects };
        return value;
      });
    create(`create${plural}`, `${object}CreateInput`, input);
  }
  for (const [id, type] of batchTypes) state.entityTypes.set(id, type);

  const claimReports = new Map<string, Input[]>();
  for (const r of reports.filter((r) => !r.aboutEntity)) claimReports.set(r.subject, [...(claimReports.get(r.subject) ?? []), edgeOf(r)]);
  const claims = of('relation').map((r) => {
    const connects = claimReports.get(r.id as string);
    claimReports.delete(r.id as string);
    return { relationId: r.id, type: r.type, from: r.from, to: r.to, ...(connects ? { reportedBy: { connect: connects } } : {}) };
  });
  create('createClaims', 'ClaimCreateInput', claims);
  for (const r of of('relation')) state.claims.add(r.id as string);

  let n = 0;
  for (const [id, byField] of later) {
    const { object, plural } = TYPE_NAME[state.entityTypes.get(id)!];
    const update = Object.fromEntries([...byField].map(([field, connects]) => [field, [{ connect: connects }]]));
    fields.push({
      alias: `u${n}`,
      call: `update${plural}(where: { id: { eq: $w${n} } }, update: $u${n})`,
      variables: [
        [`w${n}`, 'ID!', id],
        [`u${n}`, `${object}UpdateInput!`, update],
      ],
    });
    n++;
  }
  for (const [relationId, connects] of claimReports) {
    fields.push({
      alias: `u${n}`,
      call: `updateClaims(where: { relationId: { eq: $w${n} } }, update: $u${n})`,
      variables: [
        [`w${n}`, 'ID!', relationId],
        [`u${n}`, 'ClaimUpdateInput!', { reportedBy: [{ connect: connects }] }],
      ],
    });
    n++;
  }
  return fields;
}

/** Loads the stream through the library's GraphQL API reached by `post`; returns how many records it sent. */
export async function neo4jGraphqlIngestBatches(post: (body: string) => Promise<Response>, path: string, batchSize: number): Promise<number> {
  const state: State = { entityTypes: new Map(), claims: new Set(), publishedAt: new Map() };
  let records = 0;
  for await (const batch of recordBatches(path, batchSize)) {
    const fields = batchFields(batch, state);
    const variables = fields.flatMap((f) => f.variables);
    const query = `mutation Batch(${variables.map(([name, type]) => `$${name}: ${type}`).join(', ')}) {\n${fields.map((f) => `  ${f.alias}: ${f.call} { info { nodesCreated relationshipsCreated } }`).join('\n')}\n}`;
    const response = await post(JSON.stringify({ query, variables: Object.fromEntries(variables.map(([name, , value]) => [name, value])) }));
    const json = (await response.json()) as { errors?: unknown[] };
    if (json.errors?.length) throw new Error(`@neo4j/graphql ingest failed: ${JSON.stringify(json.errors).slice(0, 800)}`);
    records += batch.length;
  }
  return records;
}

/** The same over HTTP, against the library's server process. */
export function neo4jGraphqlIngest(url: string, path: string, batchSize: number): Promise<number> {
  return neo4jGraphqlIngestBatches(httpPost(url), path, batchSize);
}
