import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';

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
