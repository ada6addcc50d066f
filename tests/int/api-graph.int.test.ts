import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';

const api = seededApi();

type Hits = { search: Array<{ score: number; entity: { id: string; name: string; __typename: string } }> };

describe('search', () => {
  it('finds entities by name and alias, exact matches first', async () => {
    const data = await api.data<Hits>('{ search(query: "Liu Xiaowu") { score entity { id name __typename } } }');
    expect(data.search[0]!.entity).toMatchObject({ id: 'liu-xiaowu', __typename: 'Person' });
    const alias = await api.data<Hits>('{ search(query: "west/interaction-2021") { entity { id } } }');
    expect(alias.search[0]!.entity.id).toBe('zapad-interaction-2021');
  });

  it('ranks a prefix match above other hits and filters by type', async () => {
    const data = await api.data<Hits>('{ search(query: "Russ", types: [COUNTRY]) { entity { id __typename } } }');
    expect(data.search.map((hit) => hit.entity.id)).toEqual(['russia']);
    const orgs = await api.data<Hits>('{ search(query: "Russian", types: [ORGANIZATION]) { entity { id } } }');
    expect(orgs.search[0]!.entity.id).toBe('russian-armed-forces');
  });

  it.each(['AT&T', '"', '(', '~', '*', '/', 'Wu Qian" OR name:*', 'a) AND (b', '\\', '[1 TO 5]', '^2', 'NOT', '   '])(
    'treats %j as text, never as Lucene syntax',
    async (query) => {
      const response = await api.query<Hits>('query($q: String!) { search(query: $q) { entity { id } } }', { q: query });
      expect(response.errors).toBeUndefined();
      expect(Array.isArray(response.data?.search)).toBe(true);
    },
  );

  it('still finds a name inside Lucene syntax', async () => {
    const data = await api.data<Hits>('query($q: String!) { search(query: $q) { entity { id } } }', { q: '"Wu Qian" (spokesperson)~' });
    expect(data.search.map((hit) => hit.entity.id)).toContain('wu-qian');
  });
});

describe('neighbourhood and paths', () => {
  it('returns the entities around one and the relations among them', async () => {
    const data = await api.data<{
      neighborhood: { truncated: boolean; nodes: Array<{ id: string }>; relations: Array<{ type: string; from: { id: string }; to: { id: string } }> };
    }>('{ neighborhood(id: "liu-xiaowu") { truncated nodes { id } relations { type from { id } to { id } } } }');
    const ids = data.neighborhood.nodes.map((node) => node.id).sort();
    expect(ids).toEqual(['liu-xiaowu', 'peoples-liberation-army', 'western-theater-command', 'zapad-interaction-2021']);
    expect(data.neighborhood.truncated).toBe(false);
    for (const relation of data.neighborhood.relations) {
      expect(ids).toContain(relation.from.id);
      expect(ids).toContain(relation.to.id);
    }
    // Relations among the neighbours count too, not only those of the centre.
    expect(data.neighborhood.relations).toContainEqual({ type: 'MEMBER_OF', from: { id: 'western-theater-command' }, to: { id: 'peoples-liberation-army' } });
  });

  it('stops a depth-2 neighbourhood at its limit and says so', async () => {
    const full = await api.data<{ neighborhood: { nodes: unknown[]; truncated: boolean } }>(
      '{ neighborhood(id: "liu-xiaowu", depth: 2) { truncated nodes { id } } }',
    );
    expect(full.neighborhood.truncated).toBe(false);
    expect(full.neighborhood.nodes.length).toBeGreaterThan(6);
    const cut = await api.data<{ neighborhood: { nodes: unknown[]; truncated: boolean } }>(
      '{ neighborhood(id: "liu-xiaowu", depth: 2, limit: 5) { truncated nodes { id } } }',
    );
    expect(cut.neighborhood).toMatchObject({ truncated: true });
    expect(cut.neighborhood.nodes).toHaveLength(5);
  });

  it('filters a neighbourhood by relation type', async () => {
    const data = await api.data<{ neighborhood: { nodes: Array<{ id: string }> } }>(
      '{ neighborhood(id: "liu-xiaowu", relationTypes: [COMMANDS]) { nodes { id } } }',
    );
    expect(data.neighborhood.nodes.map((node) => node.id).sort()).toEqual(['liu-xiaowu', 'zapad-interaction-2021']);
  });

  it('finds a shortest path from the commander to Russia, ignoring direction', async () => {
    const data = await api.data<{ shortestPath: { length: number; nodes: Array<{ id: string }>; relations: Array<{ type: string }> } }>(
      '{ shortestPath(from: "liu-xiaowu", to: "russia") { length nodes { id } relations { type } } }',
    );
    expect(data.shortestPath.length).toBe(2);
    expect(data.shortestPath.nodes.map((node) => node.id)).toEqual(['liu-xiaowu', 'zapad-interaction-2021', 'russia']);
    expect(data.shortestPath.relations.map((relation) => relation.type)).toEqual(['COMMANDS', 'PARTICIPATES_IN']);
  });

  it('returns null when no path exists within maxHops or at all', async () => {
    const short = await api.data<{ shortestPath: unknown }>('{ shortestPath(from: "liu-xiaowu", to: "russia", maxHops: 1) { length } }');
    expect(short.shortestPath).toBeNull();
    const none = await api.data<{ shortestPath: unknown }>('{ shortestPath(from: "liu-xiaowu", to: "covid-19-pandemic") { length } }');
    expect(none.shortestPath).toBeNull();
    const typed = await api.data<{ shortestPath: unknown }>('{ shortestPath(from: "liu-xiaowu", to: "russia", relationTypes: [MEMBER_OF]) { length } }');
    expect(typed.shortestPath).toBeNull();
  });

  it('returns null for a neighbourhood of an unknown entity', async () => {
    expect(await api.data('{ neighborhood(id: "nobody") { truncated } }')).toEqual({ neighborhood: null });
  });
});

describe('timeline and stats', () => {
  it('lists the events of an entity in date order, and filters by dates', async () => {
    // Russia takes part in the dated exercise and in two undated events (the talks with the Taliban, its border efforts): dated first, then by name (code-point order: "Russia's ..." before "high-level ...").
    const data = await api.data<{ timeline: Array<{ id: string; startDate: string | null }> }>('{ timeline(entityId: "russia") { id startDate } }');
    expect(data.timeline.map((event) => event.id)).toEqual([
      'zapad-interaction-2021',
      'russian-efforts-to-control-afghanistan-central-asia-border',
      'high-level-discussions-with-the-taliban',
    ]);
    const all = await api.data<{ timeline: Array<{ id: string; startDate: string | null }> }>('{ timeline { id startDate } }');
    expect(all.timeline[0]!.id).toBe('zapad-interaction-2021');
    expect(all.timeline.length).toBe(5);
    const inRange = await api.data<{ timeline: Array<{ id: string }> }>('{ timeline(from: "2021-08-10", to: "2021") { id } }');
    expect(inRange.timeline.map((event) => event.id)).toEqual(['zapad-interaction-2021']);
    const before = await api.data<{ timeline: unknown[] }>('{ timeline(to: "2021-07") { id } }');
    expect(before.timeline).toEqual([]);
  });

  it('rejects a malformed date', async () => {
    const response = await api.query('{ timeline(from: "August 2021") { id } }');
    expect(response.errors?.[0]?.message).toMatch(/Invalid Date/);
  });

  it('counts entities and relations by type', async () => {
    const data = await api.data<{
      stats: {
        entities: number;
        relations: number;
        entitiesByType: Array<{ type: string; count: number }>;
        relationsByType: Array<{ type: string; count: number }>;
      };
    }>('{ stats { entities relations entitiesByType { type count } relationsByType { type count } } }');
    expect(data.stats.entitiesByType.reduce((sum, row) => sum + row.count, 0)).toBe(data.stats.entities);
    expect(data.stats.relationsByType.reduce((sum, row) => sum + row.count, 0)).toBe(data.stats.relations);
    expect(data.stats.entitiesByType).toContainEqual({ type: 'COUNTRY', count: 4 });
    expect(data.stats.relationsByType).toContainEqual({ type: 'COMMANDS', count: 1 });
  });
});
