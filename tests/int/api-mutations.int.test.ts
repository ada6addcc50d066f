import { describe, expect, it } from 'vitest';
import { seededApi } from '../helpers/api.js';
import { smallBundle } from '../helpers/bundles.js';

const api = seededApi();

const ENTITY_FIELDS = 'id name aliases description ... on Person { title } ... on Event { startDate endDate }';

describe('upsertEntity', () => {
  it('creates, then updates idempotently, keeping omitted fields and clearing nulls', async () => {
    const create = `mutation($input: EntityInput!) { upsertEntity(input: $input) { ${ENTITY_FIELDS} } }`;
    const input = {
      id: 'sergei-shoigu',
      type: 'PERSON',
      name: 'Sergei Shoigu',
      aliases: ['Shoigu'],
      title: 'Defence Minister',
      description: 'Russian defence minister.',
    };
    const first = await api.data<{ upsertEntity: Record<string, unknown> }>(create, { input });
    const again = await api.data<{ upsertEntity: Record<string, unknown> }>(create, { input });
    expect(again).toEqual(first);
    expect(first.upsertEntity).toMatchObject({ name: 'Sergei Shoigu', aliases: ['Shoigu'], title: 'Defence Minister' });
    const [count] = await api.db.executor.read<{ n: number }>("MATCH (n:Entity {id: 'sergei-shoigu'}) RETURN count(n) AS n");
    expect(count?.n).toBe(1);

    const update = await api.data<{ upsertEntity: Record<string, unknown> }>(create, {
      input: { id: 'sergei-shoigu', type: 'PERSON', name: 'Sergei K. Shoigu', description: null },
    });
    expect(update.upsertEntity).toMatchObject({ name: 'Sergei K. Shoigu', aliases: ['Shoigu'], title: 'Defence Minister', description: null });
    const found = await api.data<{ search: Array<{ entity: { id: string } }> }>('{ search(query: "Shoigu") { entity { id } } }');
    expect(found.search[0]!.entity.id).toBe('sergei-shoigu');
  });

  it('gives field-level errors for bad input', async () => {
    const run = (input: Record<string, unknown>) => api.query('mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }', { input });
    const badId = await run({ id: 'Not A Slug', type: 'PERSON', name: 'X' });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const wrongField = await run({ id: 'x-country', type: 'COUNTRY', name: 'X', title: 'General' });
    expect(wrongField.errors?.[0]?.message).toMatch(/title/);
    const typeChange = await run({ id: 'liu-xiaowu', type: 'ORGANIZATION', name: 'Liu Xiaowu' });
    expect(typeChange.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });
    const badDate = await run({ id: 'x-event', type: 'EVENT', name: 'X', startDate: '2021-02-30' });
    expect(badDate.errors?.[0]?.message).toMatch(/Invalid Date/);
  });

  it('records reports given with the entity, checking quotes against the document', async () => {
    const text = (await api.db.executor.read<{ text: string }>('MATCH (d:Document) RETURN d.text AS text'))[0]!.text;
    const quote = 'President Joe Biden';
    const start = text.indexOf(quote);
    const report = { sourceId: 'document-000-d42a34f1ce22f931', documentId: '000-d42a34f1ce22f931', quote, start, end: start + quote.length };
    const ok = await api.data<{ upsertEntity: { reportedBy: Array<{ quote: string; reportedAt: string }> } }>(
      'mutation($input: EntityInput!) { upsertEntity(input: $input) { reportedBy { quote reportedAt } } }',
      { input: { id: 'joe-biden', type: 'PERSON', name: 'Joe Biden', reports: [report] } },
    );
    expect(ok.upsertEntity.reportedBy).toContainEqual({ quote, reportedAt: '2021-08-03' });
    const wrong = await api.query('mutation($input: EntityInput!) { upsertEntity(input: $input) { id } }', {
      input: { id: 'joe-biden', type: 'PERSON', name: 'Joe Biden', reports: [{ ...report, start: start + 1 }] },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reports[0].quote' });
  });
});

describe('upsertRelation', () => {
  it('creates a relation with its reports, and the same fact again stays one relation', async () => {
    const mutation = `mutation($input: RelationInput!) { upsertRelation(input: $input) { id type role from { id } to { id } reportedBy { source { id } attributedTo { id } } } }`;
    const input = {
      type: 'PARTICIPATES_IN',
      from: 'liu-xiaowu',
      to: 'zapad-interaction-2021',
      role: 'commander',
      reports: [{ sourceId: 'msn-news', attributedTo: 'wu-qian' }],
    };
    const first = await api.data<{ upsertRelation: { id: string; reportedBy: unknown[] } }>(mutation, { input });
    const second = await api.data<{ upsertRelation: { id: string; reportedBy: unknown[] } }>(mutation, { input });
    expect(second.upsertRelation.id).toBe(first.upsertRelation.id);
    expect(second.upsertRelation.reportedBy).toEqual([{ source: { id: 'msn-news' }, attributedTo: { id: 'wu-qian' } }]);
  });

  it('refuses endpoints of the wrong type and unknown entities', async () => {
    const run = (input: Record<string, unknown>) => api.query('mutation($input: RelationInput!) { upsertRelation(input: $input) { id } }', { input });
    const wrongType = await run({ type: 'COMMANDS', from: 'china', to: 'zapad-interaction-2021' });
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(wrongType.errors?.[0]?.message).toMatch(/COMMANDS cannot go from a COUNTRY/);
    const unknown = await run({ type: 'MEMBER_OF', from: 'liu-xiaowu', to: 'nobody' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ field: 'to' });
    const unknownSource = await run({ type: 'MEMBER_OF', from: 'wu-qian', to: 'peoples-liberation-army', reports: [{ sourceId: 'nowhere' }] });
    expect(unknownSource.errors?.[0]?.extensions).toMatchObject({ field: 'reports[0].sourceId' });
    const [left] = await api.db.executor.read<{ n: number }>(
      "MATCH (:Entity {id: 'wu-qian'})-[r:MEMBER_OF]->(:Entity {id: 'peoples-liberation-army'}) RETURN count(r) AS n",
    );
    expect(left?.n).toBe(0);
  });
});

describe('mergeEntities and deleteEntity', () => {
  it('moves relations, aliases and provenance onto the kept entity and records the merged id', async () => {
    await api.data(`mutation {
      upsertEntity(input: {id: "liu-xiao-wu", type: PERSON, name: "Liu Xiao-wu", aliases: ["General Liu"], reports: [{sourceId: "global-times"}]}) { id }
      upsertRelation(input: {id: "liu-xiao-wu-member-of-pla", type: MEMBER_OF, from: "liu-xiao-wu", to: "peoples-liberation-army", role: "officer", reports: [{sourceId: "global-times"}]}) { id }
    }`);
    await api.data('mutation { upsertEntity(input: {id: "press-officer", type: PERSON, name: "Press Officer"}) { id } }');
    await api.data(
      'mutation { upsertRelation(input: {type: MEMBER_OF, from: "wu-qian", to: "chinese-defense-ministry", role: "aide", reports: [{sourceId: "msn-news", attributedTo: "liu-xiao-wu"}]}) { id } }',
    );
    const merged = await api.data<{
      mergeEntities: {
        id: string;
        aliases: string[];
        reportedBy: Array<{ source: { id: string } }>;
        relations: { edges: Array<{ node: { id: string; to: { id: string }; reportedBy: Array<{ source: { id: string } }> } }> };
      };
    }>(`mutation {
      mergeEntities(keepId: "liu-xiaowu", mergeId: "liu-xiao-wu") {
        id aliases reportedBy { source { id } }
        relations(types: [MEMBER_OF], first: 50) { edges { node { id to { id } reportedBy { source { id } } } } }
      }
    }`);
    const kept = merged.mergeEntities;
    expect(kept.aliases).toEqual(expect.arrayContaining(['Liu Xiao-wu', 'General Liu', 'liu-xiao-wu']));
    expect(kept.reportedBy.map((report) => report.source.id)).toEqual(expect.arrayContaining(['msn-news', 'global-times']));
    // Liu Xiaowu's own MEMBER_OF the PLA (the seed's) and the merged one's are one fact (same type and ends, no
    // dates): they become one relation, the kept entity's, with the reports of both.
    expect(kept.relations.edges.find((edge) => edge.node.id === 'liu-xiao-wu-member-of-pla')).toBeUndefined();
    const joined = kept.relations.edges.filter((edge) => edge.node.to.id === 'peoples-liberation-army');
    expect(joined.map((edge) => edge.node.id)).toEqual(['liu-xiaowu-member-of-peoples-liberation-army']);
    expect(joined[0]!.node.reportedBy.map((report) => report.source.id)).toEqual(expect.arrayContaining(['global-times', 'msn-news']));
    expect(await api.data('{ entity(id: "liu-xiao-wu") { id } }')).toEqual({ entity: null });
    const [dangling] = await api.db.executor.read<{ claims: number; attributed: number }>(
      `CALL { MATCH (c:Claim) WHERE c.from = 'liu-xiao-wu' OR c.to = 'liu-xiao-wu' RETURN count(c) AS claims }
       CALL { MATCH ()-[rb:REPORTED_BY {attributedToId: 'liu-xiao-wu'}]->() RETURN count(rb) AS attributed }
       RETURN claims, attributed`,
    );
    expect(dangling).toEqual({ claims: 0, attributed: 0 });
    const found = await api.data<{ search: Array<{ entity: { id: string } }> }>('{ search(query: "General Liu") { entity { id } } }');
    expect(found.search[0]!.entity.id).toBe('liu-xiaowu');
  });

  it('refuses to merge different types or unknown ids', async () => {
    const types = await api.query('mutation { mergeEntities(keepId: "china", mergeId: "liu-xiaowu") { id } }');
    expect(types.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mergeId' });
    const unknown = await api.query('mutation { mergeEntities(keepId: "china", mergeId: "atlantis") { id } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes an entity with its relations and their provenance, leaving nothing dangling', async () => {
    const before = await api.data<{ stats: { relations: number } }>('{ stats { relations } }');
    expect(await api.data('mutation { deleteEntity(id: "western-theater-command") }')).toEqual({ deleteEntity: true });
    expect(await api.data('mutation { deleteEntity(id: "western-theater-command") }')).toEqual({ deleteEntity: false });
    const after = await api.data<{ stats: { relations: number } }>('{ stats { relations } }');
    expect(after.stats.relations).toBe(before.stats.relations - 2);
    const [orphans] = await api.db.executor.read<{ claims: number }>(
      'MATCH (c:Claim) WHERE NOT EXISTS { MATCH (:Entity {id: c.from})-[r]->(:Entity {id: c.to}) WHERE r.id = c.relationId } RETURN count(c) AS claims',
    );
    expect(orphans?.claims).toBe(0);
  });
});

describe('ingestBundle', () => {
  it('is the same path as the CLI: validated, resolved and reported', async () => {
    const bundle = smallBundle();
    const response = await api.data<{ ingestBundle: { entities: { created: number }; relations: { created: number }; reports: number } }>(
      'mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { entities { created matched ambiguous } relations { created } reports } }',
      { bundle },
    );
    expect(response.ingestBundle).toMatchObject({ entities: { created: 3 }, relations: { created: 1 }, reports: 4 });
    const invalid = await api.query('mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { reports } }', { bundle: { ...bundle, version: 9 } });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'version', message: expect.any(String) }] });
  });
});
