/**
 * The closed type sets of the model. Labels and relationship types in Cypher
 * come only from these maps, never from user text.
 */
export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'COUNTRY', 'LOCATION', 'EVENT'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_LABEL: Record<EntityType, string> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  COUNTRY: 'Country',
  LOCATION: 'Location',
  EVENT: 'Event',
};

export const RELATION_TYPES = ['PARTICIPATES_IN', 'COMMANDS', 'MEMBER_OF', 'LOCATED_IN'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Which entity types each relation may connect, from → to. */
export const RELATION_ENDPOINTS: Record<RelationType, { from: readonly EntityType[]; to: readonly EntityType[] }> = {
  PARTICIPATES_IN: { from: ['PERSON', 'ORGANIZATION', 'COUNTRY'], to: ['EVENT'] },
  COMMANDS: { from: ['PERSON'], to: ['ORGANIZATION', 'EVENT'] },
  MEMBER_OF: { from: ['PERSON', 'ORGANIZATION', 'COUNTRY'], to: ['ORGANIZATION'] },
  LOCATED_IN: { from: ['EVENT', 'LOCATION'], to: ['LOCATION', 'COUNTRY'] },
};

export const SOURCE_KINDS = ['outlet', 'official', 'document', 'agency', 'organization', 'other'] as const;

/**
 * How a report was made: written by a person (`manual`, the default, and what
 * every report stored before this field existed is), proposed by an
 * extraction rule (`extracted`), or proposed by a rule and then accepted or
 * corrected by a person in the review page (`reviewed`).
 */
export const REPORT_METHODS = ['manual', 'extracted', 'reviewed'] as const;
export type ReportMethod = (typeof REPORT_METHODS)[number];
export const DEFAULT_REPORT_METHOD: ReportMethod = 'manual';

export const ORGANIZATION_CATEGORIES = ['military', 'government', 'intergovernmental', 'armed_group', 'media', 'political', 'other'] as const;

export function isRelationType(value: string): value is RelationType {
  return (RELATION_TYPES as readonly string[]).includes(value);
}

/** What a report may say of its subject, by the subject's type: the properties that type has (docs/model.md). */
export const VALUE_PROPERTIES_OF: Record<EntityType | 'relation', readonly string[]> = {
  PERSON: ['description', 'title'],
  ORGANIZATION: ['description', 'category'],
  COUNTRY: ['description'],
  LOCATION: ['description'],
  EVENT: ['description', 'startDate', 'endDate'],
  relation: ['role', 'startDate', 'endDate'],
};
