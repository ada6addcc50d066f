/**
 * Canonical answers: what each contender's response means, in one shape per
 * workload, so they can be compared. Ids are compared, sorted where the
 * workload does not define an order; a path is compared by its length and
 * checked to be a real path (several shortest paths may exist).
 */

export type Answer = unknown;
type Data = Record<string, unknown>;
type Named = { id: string; name: string };

interface RelationAnswer {
  id: string;
  type: string;
  from: string;
  to: string;
  names: [string, string];
  reports: string[];
}

const report = (sourceId: string, quote: unknown, reportedAt: unknown) => `${sourceId}|${String(quote)}|${String(reportedAt)}`;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function q1(entity: Data | undefined | null, relations: RelationAnswer[]) {
  if (!entity) return null;
  return {
    entity: { id: entity.id, name: entity.name, type: entity.type },
    relations: relations.map((r) => ({ ...r, reports: [...r.reports].sort() })).sort(byId),
  };
}

function subgraph(graph: Data | null | undefined, nested: boolean) {
  if (!graph) return null;
  const endpoint = (value: unknown) => (nested ? (value as { id: string }).id : (value as string));
  const nodes = (graph.nodes as Array<{ id: string }>).map((n) => n.id).sort();
  const relations = (graph.relations as Array<{ id: string; from: unknown; to: unknown }>).map((r) => `${r.id}:${endpoint(r.from)}->${endpoint(r.to)}`).sort();
  return { truncated: graph.truncated, nodes, relations };
}

/** The path's length, and whether it really leads from `from` to `to` one relation per hop. */
function path(found: Data | null, nested: boolean, params: Record<string, string>) {
  if (!found) return { length: null };
  const endpoint = (value: unknown) => (nested ? (value as { id: string }).id : (value as string));
  const nodes = (found.nodes as Array<{ id: string }>).map((n) => n.id);
  const relations = found.relations as Array<{ from: unknown; to: unknown }>;
  const connected = relations.every((r, i) => {
    const ends = [endpoint(r.from), endpoint(r.to)].sort().join();
    return ends === [nodes[i], nodes[i + 1]].sort().join();
  });
  const valid = nodes[0] === params.from && nodes[nodes.length - 1] === params.to && relations.length === nodes.length - 1 && connected;
  return { length: Number(found.length), valid };
}

function page(connection: Data) {
  const edges = connection.edges as Array<{ node: { id: string } }>;
  const info = connection.pageInfo as { hasNextPage: boolean };
  return { totalCount: Number(connection.totalCount), ids: edges.map((edge) => edge.node.id), hasNextPage: info.hasNextPage };
}

export const answerOf = {
  q1FromNewsgraph(data: Data) {
    const entity = data.entity as (Data & { relations: { edges: Array<{ node: Data }> } }) | null;
    const relations = (entity?.relations.edges ?? []).map(({ node }) => {
      const from = node.from as Named;
      const to = node.to as Named;
      const reports = (node.reportedBy as Array<{ quote: unknown; reportedAt: unknown; source: Named }>).map((r) => report(r.source.id, r.quote, r.reportedAt));
      return { id: node.id as string, type: node.type as string, from: from.id, to: to.id, names: [from.name, to.name] as [string, string], reports };
    });
    return q1(entity, relations);
  },
  q1FromNeo4jGraphql(data: Data) {
    const entity = (data.entities as Data[])[0];
    type Claim = {
      relationId: string;
      type: string;
      fromEntity: Named;
      toEntity: Named;
      reportedByConnection: { edges: Array<{ properties: Data; node: Named }> };
    };
    const relations = (data.claims as Claim[]).map((claim) => ({
      id: claim.relationId,
      type: claim.type,
      from: claim.fromEntity.id,
      to: claim.toEntity.id,
      names: [claim.fromEntity.name, claim.toEntity.name] as [string, string],
      reports: claim.reportedByConnection.edges.map((edge) => report(edge.node.id, edge.properties.quote, edge.properties.reportedAt)),
    }));
    return q1(entity ?? null, entity ? relations : []);
  },
  q1FromRaw(rows: Data[]) {
    const row = rows[0];
    type Relation = { id: string; type: string; from: Named; to: Named; reports: Array<{ quote: unknown; reportedAt: unknown; source: Named }> };
    const relations = ((row?.relations as Relation[]) ?? []).map((r) => ({
      id: r.id,
      type: r.type,
      from: r.from.id,
      to: r.to.id,
      names: [r.from.name, r.to.name] as [string, string],
      reports: r.reports.map((rep) => report(rep.source.id, rep.quote, rep.reportedAt)),
    }));
    return q1(row?.entity as Data | undefined, relations);
  },
  subgraph,
  path,
  page,
};

/** Null when the two answers are the same, else a short description of the first difference. */
export function difference(expected: Answer, actual: Answer): string | null {
  const a = JSON.stringify(expected) ?? 'undefined';
  const b = JSON.stringify(actual) ?? 'undefined';
  if (a === b) return null;
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  return `differs at character ${at}: expected …${a.slice(Math.max(0, at - 40), at + 60)}… got …${b.slice(Math.max(0, at - 40), at + 60)}…`;
}
