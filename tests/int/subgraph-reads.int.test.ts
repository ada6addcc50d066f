import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';

/**
 * Neighbourhoods, paths and search hits read only the properties their
 * selection names. Whatever way a field is asked for (directly, in a
 * fragment, on a concrete type, on a relation's endpoint), it must carry the
 * stored value: the same one `entity(id)` and `relation(id)` return.
 */
const api = seededApi();

const ENTITY_FIELDS = 'id __typename name aliases description ... on Person { title } ... on Organization { category } ... on Event { startDate endDate }';
const RELATION_FIELDS = 'id type role startDate endDate';

type Entity = Record<string, unknown> & { id: string };
type Relation = Record<string, unknown> & { id: string; from: Entity; to: Entity };

async function expectStoredValues(nodes: Entity[], relations: Relation[]) {
  expect(nodes.length).toBeGreaterThan(1);
  expect(relations.length).toBeGreaterThan(0);
  for (const node of [...nodes, ...relations.flatMap((relation) => [relation.from, relation.to])]) {
    const stored = await api.data<{ entity: Entity }>(`query($id: ID!) { entity(id: $id) { ${ENTITY_FIELDS} } }`, { id: node.id });
    expect(node, node.id).toEqual(stored.entity);
  }
  for (const { from, to, ...relation } of relations) {
    const stored = await api.data<{ relation: Relation }>(`query($id: ID!) { relation(id: $id) { ${RELATION_FIELDS} from { id } to { id } } }`, {
      id: relation.id,
    });
    expect({ ...relation, from: from.id, to: to.id }, relation.id).toEqual({ ...stored.relation, from: stored.relation.from.id, to: stored.relation.to.id });
  }
}

describe('neighbourhood and path reads', () => {
  it('carry every selected property, asked directly', async () => {
    const data = await api.data<{ neighborhood: { nodes: Entity[]; relations: Relation[] } }>(
      `{ neighborhood(id: "liu-xiaowu", depth: 2) { nodes { ${ENTITY_FIELDS} } relations { ${RELATION_FIELDS} from { ${ENTITY_FIELDS} } to { ${ENTITY_FIELDS} } } } }`,
    );
    expect(data.neighborhood.nodes.some((node) => (node.aliases as string[]).length > 0)).toBe(true);
    await expectStoredValues(data.neighborhood.nodes, data.neighborhood.relations);
  });

  it('carry properties asked only in named fragments, and only on endpoints', async () => {
    const data = await api.data<{ shortestPath: { nodes: Entity[]; relations: Relation[] } }>(
      `query { shortestPath(from: "liu-xiaowu", to: "russia") { nodes { ...Fields } relations { ...RelationFields } } }
       fragment Fields on Entity { ${ENTITY_FIELDS} }
       fragment RelationFields on Relation { ${RELATION_FIELDS} from { ...Fields } to { ...Fields } }`,
    );
    await expectStoredValues(data.shortestPath.nodes, data.shortestPath.relations);
    const endpointsOnly = await api.data<{ neighborhood: { relations: Array<{ from: Entity; to: Entity }> } }>(
      '{ neighborhood(id: "liu-xiaowu") { relations { from { id name description } to { id name aliases } } } }',
    );
    for (const { from, to } of endpointsOnly.neighborhood.relations) {
      const stored = await api.data<{ a: Entity; b: Entity }>(
        'query($a: ID!, $b: ID!) { a: entity(id: $a) { id name description } b: entity(id: $b) { id name aliases } }',
        { a: from.id, b: to.id },
      );
      expect({ from, to }).toEqual({ from: stored.a, to: stored.b });
    }
  });
});

describe('search reads', () => {
  type Hit = { score: number; entity: Entity };
  // Names, aliases (exact and prefix) and plain text, so every boost of the ranking is exercised.
  const QUERIES = ['Moscow', 'Qingtongxia', 'PLA', 'Wu', 'united', 'army', 'Interaction'];

  it('carry every selected property, asked directly or in a fragment', async () => {
    for (const query of QUERIES) {
      const direct = await api.data<{ search: Hit[] }>(`query($q: String!) { search(query: $q) { entity { ${ENTITY_FIELDS} } } }`, { q: query });
      const inFragment = await api.data<{ search: Hit[] }>(
        `query($q: String!) { search(query: $q) { ...Hit } } fragment Hit on SearchHit { entity { ...Fields } } fragment Fields on Entity { ${ENTITY_FIELDS} }`,
        { q: query },
      );
      expect(direct.search.length, query).toBeGreaterThan(0);
      expect(inFragment).toEqual(direct);
      for (const { entity } of direct.search) {
        const stored = await api.data<{ entity: Entity }>(`query($id: ID!) { entity(id: $id) { ${ENTITY_FIELDS} } }`, { id: entity.id });
        expect(entity, entity.id).toEqual(stored.entity);
      }
    }
  });

  it('rank and score the same whether the selection names the ranked properties or not', async () => {
    let aliasBoosted = 0;
    for (const query of QUERIES) {
      const full = await api.data<{ search: Hit[] }>(`query($q: String!) { search(query: $q, first: 20) { score entity { id name aliases } } }`, { q: query });
      const idsOnly = await api.data<{ search: Hit[] }>(`query($q: String!) { search(query: $q, first: 20) { score entity { id } } }`, { q: query });
      expect(idsOnly.search, query).toEqual(full.search.map((hit) => ({ score: hit.score, entity: { id: hit.entity.id } })));
      if (full.search[0] && !(full.search[0].entity.name as string).toLowerCase().startsWith(query.toLowerCase())) aliasBoosted++;
    }
    // Some top hit was lifted by an alias alone, so a read without aliases would score differently.
    expect(aliasBoosted).toBeGreaterThan(0);
  });
});
