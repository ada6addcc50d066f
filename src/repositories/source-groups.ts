import type { Executor } from '../db/executor.js';
import { refreshCorroboration, resetOrigins, subjectsOf } from '../claims/refresh.js';
import { InputError } from './input-error.js';
import { SOURCE_PROJECTION, type SourceRecord } from './records.js';

const SET_GROUP = `
UNWIND $ids AS id
MATCH (s:Source {id: id})
SET s.independenceGroup = $group
RETURN ${SOURCE_PROJECTION('s')} AS source
ORDER BY s.id`;

/**
 * An admin's word on independence: sources in one group (an outlet and its
 * sister titles, a ministry and its spokesperson) count as one source. Every
 * entity and relation they reported is counted again in the same transaction.
 */
export class SourceGroups {
  constructor(private readonly db: Executor) {}

  group(ids: readonly string[], group: string | null): Promise<SourceRecord[]> {
    return this.db.transaction('WRITE', async (tx) => {
      const unique = [...new Set(ids)].sort();
      const result = await tx.run<{ source: SourceRecord }>(SET_GROUP, { ids: unique, group });
      const found = new Set(result.records.map((record) => record.get('source').id));
      const missing = unique.find((id) => !found.has(id));
      if (missing !== undefined) throw new InputError('ids', `unknown source "${missing}"`);
      await resetOrigins(tx, 'sources', unique);
      await refreshCorroboration(tx, await subjectsOf(tx, 'sources', unique));
      return result.records.map((record) => record.get('source'));
    }, { name: 'group sources' });
  }
}
