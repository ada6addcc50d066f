import type { CountingTransaction } from '../../db/executor.js';
import { refreshCorroboration } from '../../claims/refresh.js';
import { periodsMeet, type Period as DatedPeriod } from '../../ingest/resolve.js';
import { RELATION_TYPES } from '../../model/types.js';
import { moveReports } from './entity-merge.js';

/**
 * After a merge, the kept entity may hold two relations stating one fact
 * (each merged entity took part in the exercise, reported by other outlets).
 * They become one, as ingest would have made them: the kept entity's own
 * relation (else the one with the smaller id) keeps its id and takes the
 * other's reports; the other goes with its claim. Same fact: same type and other end, overlapping periods
 * (ingest/resolve.ts).
 */
const RELATIONS_SHARING_AN_END = `
MATCH (k:Entity {id: $keepId})-[r]-(other:Entity)
WHERE type(r) IN $types AND other <> k
WITH type(r) AS type, startNode(r) = k AS outgoing, other, collect({id: r.id, startDate: r.startDate, endDate: r.endDate}) AS relations
WHERE size(relations) > 1
RETURN relations`;

/** The relations of an entity about to be merged away, read before the merge moves them. */
export const RELATIONS_OF = `MATCH (m:Entity {id: $id})-[r]-(:Entity) WHERE type(r) IN $types RETURN collect(r.id) AS ids`;

const JOIN = `
UNWIND $pairs AS pair
MATCH (gone:Claim {relationId: pair.drop})
MATCH (kept:Claim {relationId: pair.keep})
${moveReports('gone', 'kept')}
WITH gone, pair
MATCH (a:Entity {id: gone.from})
MATCH (b:Entity {id: gone.to})
CALL (a, b, pair) {
  MATCH (a)-[r {id: pair.drop}]->(b)
  DELETE r
}
DETACH DELETE gone`;

interface Period extends DatedPeriod {
  id: string;
}

/** `moved` are the ids of the relations the merge moved over from the merged entity. */
export async function joinSameFacts(tx: CountingTransaction, keepId: string, moved: ReadonlySet<string>): Promise<void> {
  const result = await tx.run<{ relations: Period[] }>(RELATIONS_SHARING_AN_END, { keepId, types: RELATION_TYPES });
  const pairs: Array<{ drop: string; keep: string }> = [];
  for (const record of result.records) {
    const kept: Period[] = [];
    const rank = (relation: Period) => [moved.has(relation.id) ? 1 : 0, relation.id] as const;
    const ordered = [...record.get('relations')].sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || (x[1] < y[1] ? -1 : 1);
    });
    for (const relation of ordered) {
      const same = kept.find((candidate) => periodsMeet(candidate, relation));
      if (same) pairs.push({ drop: relation.id, keep: same.id });
      else kept.push(relation);
    }
  }
  if (pairs.length === 0) return;
  await tx.run(JOIN, { pairs });
  await refreshCorroboration(tx, { entities: [], relations: [...new Set(pairs.map((pair) => pair.keep))] });
}
