import type { Executor } from '../db/executor.js';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../model/types.js';

export interface GraphStats {
  entities: number;
  relations: number;
  entitiesByType: Record<EntityType, number>;
  relationsByType: Record<RelationType, number>;
  sources: number;
  documents: number;
}

// Counts come from the count store (label and relationship-type counts), so they cost O(1), not a scan.
const STATS_CYPHER = `
CALL { MATCH (e:Entity) RETURN count(e) AS entities }
CALL { MATCH (e:Person) RETURN count(e) AS PERSON }
CALL { MATCH (e:Organization) RETURN count(e) AS ORGANIZATION }
CALL { MATCH (e:Country) RETURN count(e) AS COUNTRY }
CALL { MATCH (e:Location) RETURN count(e) AS LOCATION }
CALL { MATCH (e:Event) RETURN count(e) AS EVENT }
CALL { MATCH ()-[r:PARTICIPATES_IN]->() RETURN count(r) AS PARTICIPATES_IN }
CALL { MATCH ()-[r:COMMANDS]->() RETURN count(r) AS COMMANDS }
CALL { MATCH ()-[r:MEMBER_OF]->() RETURN count(r) AS MEMBER_OF }
CALL { MATCH ()-[r:LOCATED_IN]->() RETURN count(r) AS LOCATED_IN }
CALL { MATCH (s:Source) RETURN count(s) AS sources }
CALL { MATCH (d:Document) RETURN count(d) AS documents }
RETURN *`;

export class StatsRepository {
  constructor(private readonly db: Executor) {}

  async stats(): Promise<GraphStats> {
    const [row] = await this.db.read<Record<string, number>>(STATS_CYPHER, {}, { name: 'stats' });
    if (!row) throw new Error('stats query returned no row');
    const entitiesByType = Object.fromEntries(ENTITY_TYPES.map((type) => [type, row[type] ?? 0])) as Record<EntityType, number>;
    const relationsByType = Object.fromEntries(RELATION_TYPES.map((type) => [type, row[type] ?? 0])) as Record<RelationType, number>;
    return {
      entities: row.entities ?? 0,
      relations: Object.values(relationsByType).reduce((sum, count) => sum + count, 0),
      entitiesByType,
      relationsByType,
      sources: row.sources ?? 0,
      documents: row.documents ?? 0,
    };
  }
}
