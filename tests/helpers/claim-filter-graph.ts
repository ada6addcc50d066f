import type { Executor } from '../../src/db/executor.js';
import { ingestBundle } from '../../src/ingest/ingest.js';
import type { Bundle } from '../../src/model/bundle-schema.js';
import { wipe } from './neo4j.js';
import { recountSourceTallies } from './source-tallies.js';

/**
 * The read filters asOf and minSources over a small graph whose reports are
 * dated and whose independence keys and stored counts are set here by hand,
 * so these tests do not depend on how ingest computes them.
 *
 * Sources s1, s2, s3 are independent; s4 republishes s1 (same origin).
 * Independent sources (all reports / reports dated by 2021-08-31):
 *   china 2/2, russia 1/1 (s1 and its copy s4), exercise 3/2, ningxia 1/0 (first 2021-09-10),
 *   liu 2/1, pla 2/2 (s2 on '2021-08', s1 on 2021-08-20)
 *   china-PI-exercise 2/2, russia-PI-exercise 2/2 (but russia has 1), liu-COMMANDS-exercise 2/1,
 *   exercise-LOCATED_IN-ningxia 2/0, liu-MEMBER_OF-pla 2/1
 */
const TEXT = 'China and Russia held the exercise Zapad in Ningxia. Liu Xiaowu commanded the exercise. Liu Xiaowu serves in the PLA.';
const at = (quote: string) => ({ quote, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

const REPORTS: Array<[subject: { entity: string } | { relation: string }, source: string, reportedAt: string, quote: string]> = [
  [{ entity: 'china' }, 's1', '2021-08-03', 'China'],
  [{ entity: 'china' }, 's2', '2021-08-05', 'China'],
  [{ entity: 'russia' }, 's1', '2021-08-03', 'Russia'],
  [{ entity: 'russia' }, 's4', '2021-08-04', 'Russia'],
  [{ entity: 'exercise' }, 's1', '2021-08-03', 'the exercise Zapad'],
  [{ entity: 'exercise' }, 's2', '2021-08-05', 'the exercise Zapad'],
  [{ entity: 'exercise' }, 's3', '2021-09-10', 'the exercise Zapad'],
  [{ entity: 'ningxia' }, 's3', '2021-09-10', 'Ningxia'],
  [{ entity: 'liu' }, 's1', '2021-08-03', 'Liu Xiaowu commanded'],
  [{ entity: 'liu' }, 's3', '2021-09-10', 'Liu Xiaowu serves'],
  [{ entity: 'pla' }, 's2', '2021-08', 'the PLA'],
  [{ entity: 'pla' }, 's1', '2021-08-20', 'the PLA'],
  [{ relation: 'china-pi-exercise' }, 's1', '2021-08-03', 'China and Russia held the exercise'],
  [{ relation: 'china-pi-exercise' }, 's2', '2021-08-05', 'China and Russia held the exercise'],
  [{ relation: 'russia-pi-exercise' }, 's1', '2021-08-03', 'China and Russia held the exercise'],
  [{ relation: 'russia-pi-exercise' }, 's2', '2021-08-05', 'China and Russia held the exercise'],
  [{ relation: 'liu-commands-exercise' }, 's1', '2021-08-03', 'Liu Xiaowu commanded the exercise'],
  [{ relation: 'liu-commands-exercise' }, 's3', '2021-09-10', 'Liu Xiaowu commanded the exercise'],
  [{ relation: 'exercise-in-ningxia' }, 's3', '2021-09-10', 'the exercise Zapad in Ningxia'],
  [{ relation: 'exercise-in-ningxia' }, 's2', '2021-09-12', 'the exercise Zapad in Ningxia'],
  [{ relation: 'liu-member-of-pla' }, 's2', '2021-08', 'Liu Xiaowu serves in the PLA'],
  [{ relation: 'liu-member-of-pla' }, 's3', '2021-09-10', 'Liu Xiaowu serves in the PLA'],
];

export const FILTER_BUNDLE = {
  format: 'newsgraph.bundle',
  version: 1,
  document: { id: 'doc-filters', title: 'Filters', publishedAt: '2021-08-03', url: null, text: TEXT },
  sources: ['s1', 's2', 's3', 's4'].map((id) => ({ id, name: `Outlet ${id}`, kind: 'outlet' })),
  entities: [
    { id: 'china', type: 'COUNTRY', name: 'China', aliases: [] },
    { id: 'russia', type: 'COUNTRY', name: 'Russia', aliases: [] },
    { id: 'exercise', type: 'EVENT', name: 'Zapad', aliases: [], startDate: '2021-08-09' },
    { id: 'ningxia', type: 'LOCATION', name: 'Ningxia', aliases: [] },
    { id: 'liu', type: 'PERSON', name: 'Liu Xiaowu', aliases: [] },
    { id: 'pla', type: 'ORGANIZATION', name: 'PLA', aliases: [] },
  ],
  relations: [
    { id: 'china-pi-exercise', type: 'PARTICIPATES_IN', from: 'china', to: 'exercise' },
    { id: 'russia-pi-exercise', type: 'PARTICIPATES_IN', from: 'russia', to: 'exercise' },
    { id: 'liu-commands-exercise', type: 'COMMANDS', from: 'liu', to: 'exercise' },
    { id: 'exercise-in-ningxia', type: 'LOCATED_IN', from: 'exercise', to: 'ningxia' },
    { id: 'liu-member-of-pla', type: 'MEMBER_OF', from: 'liu', to: 'pla' },
  ],
  reports: REPORTS.map(([subject, source, reportedAt, quote], i) => ({ id: `r${i}`, subject, source, reportedAt, ...at(quote) })),
} as unknown as Bundle;

/** What the write side stores (docs/model.md), made here from the reports: origins, counts and first dates. */
const STORED = [
  `MATCH ()-[rb:REPORTED_BY]->(s:Source) SET rb.origin = CASE s.id WHEN 's4' THEN 's1' ELSE s.id END`,
  `MATCH (n:Entity)
   SET n.sourceCount = COUNT { MATCH (n)-[rb:REPORTED_BY]->(s:Source) RETURN DISTINCT s },
       n.independentSourceCount = COUNT { MATCH (n)-[rb:REPORTED_BY]->() RETURN DISTINCT rb.origin },
       n.firstReportedAt = COLLECT { MATCH (n)-[rb:REPORTED_BY]->() RETURN rb.reportedAt AS d ORDER BY d LIMIT 1 }[0]`,
  `MATCH ()-[r]->() WHERE r.id IS NOT NULL AND type(r) <> 'REPORTED_BY'
   SET r.sourceCount = COUNT { MATCH (:Claim {relationId: r.id})-[rb:REPORTED_BY]->(s:Source) RETURN DISTINCT s },
       r.independentSourceCount = COUNT { MATCH (:Claim {relationId: r.id})-[rb:REPORTED_BY]->() RETURN DISTINCT rb.origin },
       r.firstReportedAt = COLLECT { MATCH (:Claim {relationId: r.id})-[rb:REPORTED_BY]->() RETURN rb.reportedAt AS d ORDER BY d LIMIT 1 }[0]`,
  `MATCH (x) WHERE x.independentSourceCount IS NOT NULL
   SET x.status = CASE WHEN x.independentSourceCount >= 2 THEN 'CORROBORATED' ELSE 'SINGLE_SOURCE' END`,
  `MATCH ()-[r]->() WHERE r.independentSourceCount IS NOT NULL
   SET r.status = CASE WHEN r.independentSourceCount >= 2 THEN 'CORROBORATED' ELSE 'SINGLE_SOURCE' END`,
];

/** Wipes the database and loads the graph above, with its stored corroboration set by hand. */
export async function loadFilterGraph(executor: Executor): Promise<void> {
  await wipe(executor);
  await ingestBundle(executor, FILTER_BUNDLE);
  for (const statement of STORED) await executor.write(statement, {}, { name: 'test: stored corroboration' });
  await recountSourceTallies(executor);
}

export const sortedIds = (list: Array<{ id: string }>) => list.map((item) => item.id).sort();
