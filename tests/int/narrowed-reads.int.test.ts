import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';
import { smallBundle } from '../helpers/bundles.js';

/**
 * Pages, search hits and neighbourhoods read only the properties their
 * selection names (src/schema/support/selection.ts, propertiesToRead). Asked
 * for any field, they must answer what `entity(id)` answers, also where the
 * answer depends on a property the selection does not name: `alternatives`
 * marks the shown value preferred, and an editor's pinned value is not the
 * one the rule would choose.
 */
const api = seededApi();

const FIELDS =
  'id __typename name aliases description sourceCount independentSourceCount firstReportedAt lastReportedAt status disputed ... on Person { title } ... on Organization { category } ... on Event { startDate endDate }';
const ALTERNATIVES = 'id alternatives { property value preferred }';

type Entity = Record<string, unknown> & { id: string; name: string };
type Page = { entities: { edges: Array<{ node: Entity }> } };

async function asStored(entities: Entity[], fields: string) {
  expect(entities.length).toBeGreaterThan(0);
  for (const entity of entities) {
    const stored = await api.data<{ entity: Entity }>(`query($id: ID!) { entity(id: $id) { ${fields} } }`, { id: entity.id });
    expect(entity, entity.id).toEqual(stored.entity);
  }
}

describe('a page of entities', () => {
  it('carries every selected property, for every type', async () => {
    for (const type of ['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT']) {
      const page = await api.data<Page>(`query($type: EntityType) { entities(type: $type, first: 50) { edges { node { ${FIELDS} } } } }`, { type });
      await asStored(
        page.entities.edges.map((edge) => edge.node),
        FIELDS,
      );
    }
  });

  it('asked for ids only, pages the same entities with the same cursors', async () => {
    type Cursors = { entities: { edges: Array<{ cursor: string; node: { id: string } }>; pageInfo: { endCursor: string | null } } };
    const full = await api.data<Cursors>(`{ entities(first: 7) { edges { cursor node { ${FIELDS} } } pageInfo { endCursor } } }`);
    const ids = await api.data<Cursors>('{ entities(first: 7) { edges { cursor node { id } } pageInfo { endCursor } } }');
    expect(ids.entities.edges).toEqual(full.entities.edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node.id } })));
    expect(ids.entities.pageInfo).toEqual(full.entities.pageInfo);
  });
});

describe('alternatives on a narrowed read', () => {
  it('mark preferred what entity(id) marks, after an editor pinned a value no report gives', async () => {
    // An entity whose reports give a description, so its alternatives list it and the rule prefers one.
    const seedPage = await api.data<Page>(`{ entities(first: 100) { edges { node { ${ALTERNATIVES} name } } } }`);
    const described = seedPage.entities.edges
      .map((edge) => edge.node)
      .find((entity) => (entity.alternatives as Array<{ property: string; preferred: boolean }>).some((a) => a.property === 'description' && a.preferred));
    expect(described, 'a seed entity with a reported description').toBeDefined();
    const pinned = await api.query(`mutation($input: EntityInput!) { upsertEntity(input: $input) { id description } }`, {
      input: {
        id: described!.id,
        type: (await api.data<{ entity: { type: string } }>('query($id: ID!) { entity(id: $id) { type } }', { id: described!.id })).entity.type,
        name: described!.name,
        description: 'A description an editor wrote, which no report gives.',
      },
    });
    expect(pinned.errors).toBeUndefined();

    const stored = await api.data<{ entity: Entity }>(`query($id: ID!) { entity(id: $id) { ${ALTERNATIVES} } }`, { id: described!.id });
    // The pinned value is shown, and no report gives it: no alternative is preferred.
    expect(
      (stored.entity.alternatives as Array<{ preferred: boolean }>).filter((a) => a.preferred && (a as { property?: string }).property === 'description'),
    ).toEqual([]);

    const page = await api.data<Page>(`{ entities(first: 100) { edges { node { ${ALTERNATIVES} } } } }`);
    expect(page.entities.edges.map((edge) => edge.node).find((entity) => entity.id === described!.id)).toEqual(stored.entity);
    const search = await api.data<{ search: Array<{ entity: Entity }> }>(`query($q: String!) { search(query: $q, first: 20) { entity { ${ALTERNATIVES} } } }`, {
      q: described!.name,
    });
    expect(search.search.map((hit) => hit.entity).find((entity) => entity.id === described!.id)).toEqual(stored.entity);
    const around = await api.data<{ neighborhood: { nodes: Entity[] } }>(`query($id: ID!) { neighborhood(id: $id, depth: 1) { nodes { ${ALTERNATIVES} } } }`, {
      id: described!.id,
    });
    expect(around.neighborhood.nodes.find((entity) => entity.id === described!.id)).toEqual(stored.entity);
  });

  it("mark a relation's preferred role as relation(id) does, on neighbourhood relations, after an editor pinned one", async () => {
    type Relation = { id: string; type: string; from: { id: string }; to: { id: string }; roles: Array<{ value: string; preferred: boolean }> };
    const RELATION = 'id type from { id } to { id } roles { value preferred }';
    // A relation whose reports give a role, so the rule prefers one.
    const around = await api.data<{ neighborhood: { relations: Relation[] } }>(`{ neighborhood(id: "liu-xiaowu", depth: 1) { relations { ${RELATION} } } }`);
    const withRole = around.neighborhood.relations.find((relation) => relation.roles.some((role) => role.preferred));
    expect(withRole, 'a seed relation with a reported role').toBeDefined();
    const pinned = await api.query('mutation($input: RelationInput!) { upsertRelation(input: $input) { id role } }', {
      input: { id: withRole!.id, type: withRole!.type, from: withRole!.from.id, to: withRole!.to.id, role: 'a role an editor wrote, which no report gives' },
    });
    expect(pinned.errors).toBeUndefined();
    const stored = await api.data<{ relation: Relation }>(`query($id: ID!) { relation(id: $id) { ${RELATION} } }`, { id: withRole!.id });
    expect(stored.relation.roles.filter((role) => role.preferred)).toEqual([]);
    const again = await api.data<{ neighborhood: { relations: Relation[] } }>(`{ neighborhood(id: "liu-xiaowu", depth: 1) { relations { ${RELATION} } } }`);
    expect(again.neighborhood.relations.find((relation) => relation.id === withRole!.id)).toEqual(stored.relation);
  });
});

describe("an entity's page of relations", () => {
  const REPORT =
    'quote start end reportedAt method rule confidence origin document { id title } attributedTo { id name } source { id name kind url independenceGroup entity { id } }';
  const RELATION = `id type role startDate endDate sourceCount independentSourceCount firstReportedAt lastReportedAt status disputed from { id name } to { id name } reportedBy { ${REPORT} }`;
  type Relation = Record<string, unknown> & { id: string };
  type Relations = { entity: { relations: { edges: Array<{ node: Relation }> } } };

  async function pageOf(id: string, fields: string, filter = '', fragments = '') {
    const page = await api.data<Relations>(
      `query($id: ID!) { entity(id: $id${filter}) { relations(first: 50) { edges { node { ${fields} } } } } } ${fragments}`,
      { id },
    );
    return page.entity.relations.edges.map((edge) => edge.node);
  }

  async function asByIdFor(id: string, fields: string, fragments = '') {
    const relations = await pageOf(id, fields, '', fragments);
    expect(relations.length).toBeGreaterThan(0);
    for (const relation of relations) {
      const stored = await api.data<{ relation: Relation }>(`query($id: ID!) { relation(id: $id) { ${fields} } } ${fragments}`, { id: relation.id });
      expect(relation, relation.id).toEqual(stored.relation);
    }
  }

  it('carries every selected property of relations and their reports, asked for all of them or for a few', async () => {
    for (const entity of ['liu-xiaowu', 'china']) {
      await asByIdFor(entity, RELATION);
      await asByIdFor(entity, 'id reportedBy { quote source { name } }');
      await asByIdFor(entity, 'id role reportedBy { reportedAt method document { title } }');
      await asByIdFor(entity, 'id ... on Relation { reportedBy { ...R } }', 'fragment R on Report { confidence source { kind url } }');
    }
  });

  it('asked for a few report fields, gives the same reports as asked for all, in the same order', async () => {
    const full = await pageOf('china', `id reportedBy { ${REPORT} }`);
    const few = await pageOf('china', 'id reportedBy { quote source { name } }');
    const project = (relations: Relation[]) =>
      relations.map((relation) => ({
        id: relation.id,
        reports: (relation.reportedBy as Array<Record<string, unknown> & { source: { name: string } }>).map((report) => ({
          id: report.id,
          quote: report.quote,
          source: { name: report.source.name },
        })),
      }));
    expect(project(few)).toEqual(project(full));
  });

  it('under asOf, counts and lists the reports dated by then, asked with or without the counts', async () => {
    const asOf = ', asOf: "2021-08-03"';
    const withCounts = await pageOf('china', 'id sourceCount status reportedBy { quote reportedAt }', asOf);
    const without = await pageOf('china', 'id reportedBy { quote reportedAt }', asOf);
    expect(without).toEqual(withCounts.map(({ id, reportedBy }) => ({ id, reportedBy })));
    for (const relation of withCounts) {
      const dates = (relation.reportedBy as Array<{ reportedAt: string | null }>).map((report) => report.reportedAt);
      for (const date of dates) expect(date !== null && date <= '2021-08-03', `${relation.id}: ${date}`).toBe(true);
    }
  });

  it('on machine-made reports of grouped sources, gives their confidence, and under asOf counts the group once', async () => {
    const ingest = 'mutation($b: JSON!) { ingestBundle(bundle: $b) { reports } }';
    const relationId = 'nr-jane-roe-member-of-alpha-corp';
    for (const [index, source] of ['nr-alpha-wire', 'nr-beta-wire'].entries()) {
      const bundle = smallBundle({ documentId: `nr-doc-${index}`, prefix: 'nr-' });
      bundle.sources = [{ id: source, name: `Wire ${index}`, kind: 'outlet' }];
      for (const report of bundle.reports) {
        report.id = `${report.id}-${index}`;
        report.source = source;
        Object.assign(report, { method: 'extracted', rule: 'test-rule', confidence: 0.5 + index / 4 });
      }
      expect((await api.query(ingest, { b: bundle })).errors).toBeUndefined();
    }
    expect((await api.query('mutation { groupSources(ids: ["nr-alpha-wire", "nr-beta-wire"], group: "nr-wires") { id } }')).errors).toBeUndefined();

    const narrow = await pageOf('nr-jane-roe', 'id independentSourceCount reportedBy { confidence }', ', asOf: "2030-01-01"');
    const full = await pageOf('nr-jane-roe', `id independentSourceCount reportedBy { ${REPORT} }`, ', asOf: "2030-01-01"');
    const relation = narrow.find((r) => r.id === relationId)!;
    expect(relation).toEqual({ id: relationId, independentSourceCount: 1, reportedBy: [{ confidence: 0.5 }, { confidence: 0.75 }] });
    expect(full.find((r) => r.id === relationId)!.independentSourceCount).toBe(1);
    expect((await pageOf('nr-jane-roe', 'id reportedBy { confidence }')).find((r) => r.id === relationId)!.reportedBy).toEqual(relation.reportedBy);
  });
});
