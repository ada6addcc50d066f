import type { Executor } from '../db/executor.js';
import { SET_ORIGIN } from '../claims/origins.js';
import { refreshCorroboration } from '../claims/refresh.js';
import { recordChanges } from '../changes/record.js';
import { InputError } from '../model/input-error.js';
import { sourceProjection, type SourceRecord } from './support/records.js';

// What the sources were before: their reports, and those speaking in their name or their old group's, change origin.
const BEFORE = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN collect(DISTINCT 'source:' + coalesce(s.key, s.id)) + [g IN collect(DISTINCT s.independenceGroup) | 'group:' + g] AS origins`;

const SET_GROUP = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
SET s.independenceGroup = $group
RETURN ${sourceProjection('s')} AS source
ORDER BY s.id`;

const changedSubjects = `RETURN collect(DISTINCT x.id) AS entities, collect(DISTINCT x.relationId) AS relations`;

const REORIGIN_OWN_REPORTS = `
UNWIND $ids AS id
MATCH (x)-[rb:REPORTED_BY]->(s:Source {id: id})
${SET_ORIGIN}
${changedSubjects}`;

const REORIGIN_NAMED_REPORTS = `
UNWIND $origins AS origin
MATCH (x)-[rb:REPORTED_BY {origin: origin}]->(s:Source)
${SET_ORIGIN}
${changedSubjects}`;

/**
 * An admin's word on independence: sources in one group (an outlet and its
 * sister titles, a ministry and its spokesperson) count as one source. The
 * reports of the sources, and those speaking in their name (a syndicated
 * copy of a grouped publisher, a grouped wire's stories) or their former
 * group's, take their new origin, and every entity and relation they report
 * is counted again, in the same transaction.
 */
export class SourceGroupRepository {
  constructor(private readonly db: Executor) {}

  group(ids: readonly string[], group: string | null): Promise<SourceRecord[]> {
    return this.db.transaction(
      'WRITE',
      async (tx) => {
        const unique = [...new Set(ids)].sort();
        const before = (await tx.run<{ origins: string[] }>(BEFORE, { ids: unique })).records[0]?.get('origins') ?? [];
        const result = await tx.run<{ source: SourceRecord }>(SET_GROUP, { ids: unique, group });
        const found = new Set(result.records.map((record) => record.get('source').id));
        const missing = unique.find((id) => !found.has(id));
        if (missing !== undefined) throw new InputError('ids', `unknown source "${missing}"`);
        const entities: string[] = [];
        const relations: string[] = [];
        for (const [statement, params] of [
          [REORIGIN_OWN_REPORTS, { ids: unique }],
          [REORIGIN_NAMED_REPORTS, { origins: before }],
        ] as const) {
          const changed = (await tx.run<{ entities: string[]; relations: string[] }>(statement, params)).records[0]?.toObject();
          entities.push(...(changed?.entities ?? []));
          relations.push(...(changed?.relations ?? []));
        }
        await refreshCorroboration(tx, { entities, relations });
        const counted = [...new Set(entities)];
        recordChanges(
          tx,
          unique.map((id) => ({ kind: 'SOURCE_GROUPED' as const, subjectId: id, entityIds: counted })),
        );
        return result.records.map((record) => record.get('source'));
      },
      { name: 'group sources' },
    );
  }
}
