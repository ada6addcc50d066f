import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedIfEmpty } from '../../src/ingest/seed.js';
import { openTestDatabase } from '../helpers/neo4j.js';

const db = openTestDatabase();
afterAll(() => db.close());

async function one<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  const rows = await db.executor.read<Record<string, unknown>>(cypher, params);
  expect(rows.length, cypher).toBe(1);
  return rows[0] as T;
}

describe('the seed article, as the default graph', () => {
  beforeAll(async () => {
    expect(await loadSeedIfEmpty(db.executor, db.log)).toBeDefined();
  });

  it('is loaded only into an empty database', async () => {
    expect(await loadSeedIfEmpty(db.executor, db.log)).toBeUndefined();
  });

  it('knows who commands the Chinese troops in the exercise, and his rank', async () => {
    const row = await one<{ title: string; role: string; aliases: string[] }>(
      `MATCH (p:Person {name: 'Liu Xiaowu'})-[c:COMMANDS]->(e:Event)
       RETURN p.title AS title, c.role AS role, e.aliases AS aliases`,
    );
    expect(row.title).toBe('Lieutenant General');
    expect(row.role).toMatch(/Chinese troops/);
    expect(row.aliases).toContain('West/Interaction-2021');
  });

  it('nests the organizations: deputy commander of the Western Theater Command, part of the PLA', async () => {
    const row = await one<{ role: string; parent: string }>(
      `MATCH (:Person {id: 'liu-xiaowu'})-[m:MEMBER_OF]->(w:Organization {name: 'Western Theater Command'})-[:MEMBER_OF]->(pla:Organization)
       RETURN m.role AS role, pla.name AS parent`,
    );
    expect(row.role).toBe('deputy commander');
    expect(row.parent).toMatch(/People's Liberation Army/);
  });

  it('has the Defense Ministry spokesperson and the SCO member states', async () => {
    const spokesperson = await one<{ role: string }>(
      "MATCH (:Person {name: 'Wu Qian'})-[m:MEMBER_OF]->(o:Organization) WHERE o.name CONTAINS 'Defense Ministry' RETURN m.role AS role",
    );
    expect(spokesperson.role).toBe('spokesperson');
    const members = await db.executor.read<{ name: string; role: string }>(
      "MATCH (c:Country)-[m:MEMBER_OF]->(:Organization {name: 'Shanghai Cooperation Organization'}) RETURN c.name AS name, m.role AS role ORDER BY name",
    );
    expect(members).toEqual([
      { name: 'China', role: 'member state' },
      { name: 'Russia', role: 'member state' },
    ]);
  });

  it('places the exercise at Qingtongxia, in Ningxia, in China, in August 2021', async () => {
    // The article also says the exercise is in China and in Ningxia directly; the longest chain is the finest placement.
    const row = await one<{ places: string[]; start: string; end: string }>(
      `MATCH path = (e:Event {id: 'zapad-interaction-2021'})-[:LOCATED_IN]->+(:Country {name: 'China'})
       WITH path, e ORDER BY length(path) DESC LIMIT 1
       RETURN [n IN nodes(path) | n.name] AS places, e.startDate AS start, e.endDate AS end`,
    );
    expect(row.places.join(' > ')).toMatch(/Qingtongxia.*Ningxia Hui Autonomous Region > China$/);
    expect([row.start, row.end]).toEqual(['2021-08', '2021-08']);
  });

  it('knows who takes part', async () => {
    const rows = await db.executor.read<{ name: string }>(
      "MATCH (x)-[:PARTICIPATES_IN]->(:Event {id: 'zapad-interaction-2021'}) RETURN x.name AS name ORDER BY name",
    );
    const names = rows.map((row) => row.name);
    expect(names).toEqual(expect.arrayContaining(['China', 'Russia', 'Russian Armed Forces']));
  });

  it('says who reported what, with the verbatim quote', async () => {
    const name = await one<{ quote: string; reportedAt: string }>(
      `MATCH (:Event {id: 'zapad-interaction-2021'})-[rb:REPORTED_BY]->(:Source {name: 'Global Times'})
       RETURN rb.quote AS quote, rb.reportedAt AS reportedAt`,
    );
    expect(name.quote).toContain('"The Zapad/Interaction-2021" is the name of the drill');
    expect(name.reportedAt).toBe('2021-08-03');
    const command = await db.executor.read<{ source: string; quote: string }>(
      `MATCH (:Person {id: 'liu-xiaowu'})-[c:COMMANDS]->()
       MATCH (:Claim {relationId: c.id})-[rb:REPORTED_BY]->(s:Source)
       RETURN s.name AS source, rb.quote AS quote`,
    );
    expect(command).toContainEqual({ source: 'MSN News', quote: expect.stringContaining('commanding officer of Chinese troops') });
    const attributed = await db.executor.read<{ n: number }>("MATCH ()-[rb:REPORTED_BY]->() WHERE rb.attributedToId = 'wu-qian' RETURN count(rb) AS n");
    expect(attributed[0]?.n).toBeGreaterThan(2);
  });
});
