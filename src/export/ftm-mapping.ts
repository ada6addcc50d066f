import type { EntityType, RelationType } from '../model/types.js';
import type { Corroboration, EntityRow, RelationEnds, RelationRow } from './graph-rows.js';

/**
 * Our five entity types and four relation types as FollowTheMoney entities
 * (FtM 3 and 4, as Aleph and OpenSanctions read them); docs/exports.md
 * explains each choice.
 *
 * - PERSON → Person (title as `position`), ORGANIZATION → Organization
 *   (category as `classification`), EVENT → Event (with its dates),
 *   LOCATION → Address (the name as `full` too).
 * - COUNTRY → PublicBody: FtM's country is a property type, not an entity,
 *   and our countries act, joining organisations and taking part in events,
 *   which FtM allows only to legal entities; a country acts as its state.
 * - A relation is an interval entity of its own, so it keeps its dates, role
 *   and source counts: MEMBER_OF → Membership, COMMANDS of an organisation →
 *   Directorship, and what FtM has no schema for (COMMANDS of an event,
 *   PARTICIPATES_IN, LOCATED_IN) → UnknownLink with the relation in `role`.
 *   Its id is `relation.<relation id>` (a dot, which our slugs never have, so
 *   it cannot meet an entity's id).
 *
 * Values are strings in lists, as FtM's JSON has them; a value absent in the
 * graph is left out. The counts and status go in a `newsgraph` object beside
 * `properties` (FtM keeps such keys as the entity's context), and readably in
 * `summary`, which Aleph shows.
 */

export const FTM_SCHEMA_OF_ENTITY: Record<EntityType, string> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  COUNTRY: 'PublicBody',
  LOCATION: 'Address',
  EVENT: 'Event',
};

/** The relation in words, for UnknownLink's `role`. */
const RELATION_WORDS: Record<RelationType, string> = {
  PARTICIPATES_IN: 'participates in',
  COMMANDS: 'commands',
  MEMBER_OF: 'member of',
  LOCATED_IN: 'located in',
};

export const FTM_RELATION_PREFIX = 'relation.';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  newsgraph: { type: string } & Corroboration;
}

type Counted = Partial<Corroboration>;

function properties(values: Record<string, string | readonly string[] | null>): Record<string, string[]> {
  const kept: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(values)) {
    const list = value === null ? [] : typeof value === 'string' ? [value] : [...value];
    if (list.length > 0) kept[name] = list;
  }
  return kept;
}

function counts(type: string, row: Counted): FtmEntity['newsgraph'] {
  return { type, sourceCount: row.sourceCount ?? 0, independentSourceCount: row.independentSourceCount ?? 0, status: row.status ?? 'UNSOURCED' };
}

const summaryOf = (row: Counted) => {
  const { sourceCount = 0, independentSourceCount = 0, status = 'UNSOURCED' } = row;
  return `newsgraph: ${sourceCount} source${sourceCount === 1 ? '' : 's'}, ${independentSourceCount} independent (${status})`;
};

export function ftmEntity(row: EntityRow & Counted): FtmEntity {
  const schema = FTM_SCHEMA_OF_ENTITY[row.type as EntityType];
  if (schema === undefined) throw new Error(`entity "${row.id}" has an unknown type ${JSON.stringify(row.type)}`);
  const own: Record<string, string | null> =
    row.type === 'PERSON'
      ? { position: row.title }
      : row.type === 'ORGANIZATION'
        ? { classification: row.category }
        : row.type === 'EVENT'
          ? { startDate: row.startDate, endDate: row.endDate }
          : row.type === 'LOCATION'
            ? { full: row.name }
            : {};
  return {
    id: row.id,
    schema,
    properties: properties({ name: row.name, alias: row.aliases, description: row.description, ...own, summary: summaryOf(row) }),
    newsgraph: counts(row.type, row),
  };
}

/** The FtM schema of a relation and the names of its two ends' properties. */
function relationShape(row: RelationRow & RelationEnds): { schema: string; from: string; to: string; words: string | null } {
  if (row.type === 'MEMBER_OF') return { schema: 'Membership', from: 'member', to: 'organization', words: null };
  if (row.type === 'COMMANDS' && row.toType === 'ORGANIZATION') return { schema: 'Directorship', from: 'director', to: 'organization', words: null };
  const words = RELATION_WORDS[row.type as RelationType];
  if (words === undefined) throw new Error(`relation "${row.id}" has an unknown type ${JSON.stringify(row.type)}`);
  return { schema: 'UnknownLink', from: 'subject', to: 'object', words };
}

export function ftmRelation(row: RelationRow & RelationEnds & Counted): FtmEntity {
  const shape = relationShape(row);
  // UnknownLink says what the link is in its role; a reported role follows it.
  const role = shape.words === null ? row.role : row.role === null ? shape.words : `${shape.words}: ${row.role}`;
  return {
    id: `${FTM_RELATION_PREFIX}${row.id}`,
    schema: shape.schema,
    properties: properties({
      [shape.from]: row.from,
      [shape.to]: row.to,
      role,
      startDate: row.startDate,
      endDate: row.endDate,
      summary: summaryOf(row),
    }),
    newsgraph: counts(row.type, row),
  };
}
