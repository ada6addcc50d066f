import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';

const api = seededApi();

describe('lookup and provenance on the seed graph', () => {
  it('answers who commands the Chinese troops, with rank, relation and the quote that says so', async () => {
    const data = await api.data<{
      entity: {
        __typename: string;
        name: string;
        title: string;
        relations: {
          totalCount: number;
          edges: Array<{ node: { type: string; role: string | null; to: { name: string }; reportedBy: Array<{ quote: string; source: { name: string } }> } }>;
        };
      };
    }>(`
      query {
        entity(id: "liu-xiaowu") {
          __typename name
          ... on Person { title }
          relations(types: [COMMANDS], direction: OUT) {
            totalCount
            edges { node { type role to { name } reportedBy { quote source { name } } } }
          }
        }
      }`);
    expect(data.entity).toMatchObject({ __typename: 'Person', name: 'Liu Xiaowu', title: 'Lieutenant General' });
    expect(data.entity.relations.totalCount).toBe(1);
    const command = data.entity.relations.edges[0]!.node;
    expect(command.to.name).toMatch(/Interaction-2021/);
    expect(command.reportedBy).toContainEqual({ source: { name: 'MSN News' }, quote: expect.stringContaining('commanding officer of Chinese troops') });
  });

  it('lists who is a member of what, and who took part in the exercise', async () => {
    const data = await api.data<{ entity: { relations: { edges: Array<{ node: { type: string; from: { name: string } } }> } } }>(`
      { entity(id: "zapad-interaction-2021") { relations(direction: IN, first: 50) { edges { node { type from { name } } } } } }`);
    const participants = data.entity.relations.edges.filter((edge) => edge.node.type === 'PARTICIPATES_IN').map((edge) => edge.node.from.name);
    expect(participants).toEqual(expect.arrayContaining(['China', 'Russia', 'Russian Armed Forces']));
    const members = await api.data<{ entity: { relations: { edges: Array<{ node: { from: { name: string }; role: string } }> } } }>(`
      { entity(id: "shanghai-cooperation-organization") { relations(types: [MEMBER_OF], direction: IN) { edges { node { role from { name } } } } } }`);
    expect(members.entity.relations.edges.map((edge) => `${edge.node.from.name}:${edge.node.role}`).sort()).toEqual([
      'China:member state',
      'Russia:member state',
    ]);
  });

  it('says where the exercise was and when', async () => {
    const data = await api.data<{
      entity: { startDate: string; endDate: string; aliases: string[]; relations: { edges: Array<{ node: { to: { name: string } } }> } };
    }>(`
      { entity(id: "zapad-interaction-2021") { ... on Event { startDate endDate } aliases relations(types: [LOCATED_IN], direction: OUT) { edges { node { to { name } } } } } }`);
    expect([data.entity.startDate, data.entity.endDate]).toEqual(['2021-08', '2021-08']);
    expect(data.entity.aliases).toContain('West/Interaction-2021');
    // The article places it at the Qingtongxia facility, in Ningxia, in China: three LOCATED_IN, the finest first or not.
    expect(data.entity.relations.edges.map((edge) => edge.node.to.name).sort()).toEqual([
      'China',
      'Ningxia Hui Autonomous Region',
      'Qingtongxia army facility',
    ]);
  });

  it('answers "says who?" for an entity, with document, date and attribution', async () => {
    const data = await api.data<{
      entity: {
        reportedBy: Array<{
          quote: string;
          reportedAt: string;
          document: { title: string; publishedAt: string };
          source: { name: string; kind: string };
          attributedTo: { name: string } | null;
        }>;
      };
    }>(`
      { entity(id: "ningxia-hui-autonomous-region") { reportedBy { quote reportedAt document { title publishedAt } source { name kind } attributedTo { name } } } }`);
    const report = data.entity.reportedBy.find((r) => r.source.name === 'The National Interest');
    expect(report).toMatchObject({ reportedAt: '2021-08-03', document: { publishedAt: '2021-08-03' }, attributedTo: { name: 'Wu Qian' } });
    expect(report!.quote).toContain('Ningxia Hui Autonomous Region');
  });

  it('lists what a source reported, paged, with a count', async () => {
    const data = await api.data<{
      source: { name: string; kind: string; reports: { totalCount: number; edges: Array<{ node: { quote: string } }>; pageInfo: { hasNextPage: boolean } } };
    }>(`
      { source(id: "global-times") { name kind reports(first: 1) { totalCount edges { node { quote } } pageInfo { hasNextPage } } } }`);
    expect(data.source).toMatchObject({ name: 'Global Times', kind: 'outlet' });
    expect(data.source.reports.totalCount).toBeGreaterThanOrEqual(1);
    expect(data.source.reports.edges[0]!.node.quote).toContain('Zapad/Interaction-2021');
    expect(data.source.reports.pageInfo.hasNextPage).toBe(data.source.reports.totalCount > 1);
    const sources = await api.data<{ sources: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
      '{ sources(first: 100) { totalCount edges { node { id } } } }',
    );
    expect(sources.sources.edges.map((edge) => edge.node.id)).toEqual(expect.arrayContaining(['msn-news', 'the-national-interest', 'global-times']));
    expect(sources.sources.totalCount).toBe(sources.sources.edges.length);
  });

  it('returns null for unknown ids and an error for a bad cursor', async () => {
    expect(await api.data('{ entity(id: "nobody") { id } source(id: "nothing") { id } }')).toEqual({ entity: null, source: null });
    const response = await api.query('{ entities(after: "not-a-cursor") { totalCount } }');
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages through all entities two at a time, each exactly once, and the count equals stats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 100; guard += 1) {
      const page: {
        entities: { totalCount: number; edges: Array<{ cursor: string; node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
      } = await api.data(
        'query($after: String) { entities(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      total = page.entities.totalCount;
      seen.push(...page.entities.edges.map((edge) => edge.node.id));
      if (!page.entities.pageInfo.hasNextPage) break;
      after = page.entities.pageInfo.endCursor;
    }
    const stats = await api.data<{ stats: { entities: number } }>('{ stats { entities } }');
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(stats.stats.entities);
    expect(total).toBe(stats.stats.entities);
  });

  it('pages a type without repeating or skipping old entities while entities are added', async () => {
    const first = await api.data<{ entities: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string } } }>(
      '{ entities(type: PERSON, first: 1) { edges { node { id } } pageInfo { endCursor } } }',
    );
    await api.data('mutation { upsertEntity(input: {id: "aaa-early-person", type: PERSON, name: "Aaa Early"}) { id } }');
    const rest = await api.data<{ entities: { edges: Array<{ node: { id: string } }> } }>(
      'query($after: String) { entities(type: PERSON, first: 100, after: $after) { edges { node { id } } } }',
      { after: first.entities.pageInfo.endCursor },
    );
    const ids = [...first.entities.edges, ...rest.entities.edges].map((edge) => edge.node.id);
    expect(ids).toEqual(['joe-biden', 'liu-xiaowu', 'wu-qian']);
  });
});
