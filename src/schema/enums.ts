import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType, type ReportMethod } from '../model/types.js';
import { builder } from './builder.js';

const ENTITY_TYPE_DESCRIPTIONS: Record<EntityType, string> = {
  PERSON: 'A person: an officer, an official, a spokesperson (the Person type).',
  ORGANIZATION: 'An organization: an armed force, a ministry, an alliance, a news outlet (the Organization type).',
  COUNTRY: 'A sovereign state (the Country type).',
  LOCATION: 'A place that is not a country: a region, a city, a training ground (the Location type).',
  EVENT: 'Something that happened over dates: an exercise, a meeting, a visit (the Event type).',
};

const RELATION_TYPE_DESCRIPTIONS: Record<RelationType, string> = {
  PARTICIPATES_IN: 'A person, organization or country takes part in an event.',
  COMMANDS: 'A person commands an organization or an event (troops in an exercise).',
  MEMBER_OF: 'A person, organization or country belongs to an organization (role says as what).',
  LOCATED_IN: 'An event or location is in a location or country.',
};

const described = <K extends string>(keys: readonly K[], descriptions: Record<K, string>) =>
  Object.fromEntries(keys.map((key) => [key, { description: descriptions[key] }])) as Record<K, { description: string }>;

export const EntityTypeEnum = builder.enumType('EntityType', {
  description: 'The kind of an entity; each has its own object type implementing Entity.',
  values: described(ENTITY_TYPES, ENTITY_TYPE_DESCRIPTIONS),
});
export const RelationTypeEnum = builder.enumType('RelationType', {
  description: 'The kind of a relation, which fixes the entity types it may connect (from → to).',
  values: described(RELATION_TYPES, RELATION_TYPE_DESCRIPTIONS),
});
export const DirectionEnum = builder.enumType('Direction', {
  description: "Which of an entity's relations to follow, seen from the entity.",
  values: {
    OUT: { description: 'Relations from this entity to another (it is `from`).' },
    IN: { description: 'Relations from another entity to this one (it is `to`).' },
    BOTH: { description: 'Relations either way.' },
  } as const,
});

/** The bundle's lower-case methods, upper-case in GraphQL like the other enums; Pothos maps between them. */
export const ReportMethodEnum = builder.enumType('ReportMethod', {
  description: 'How a report was made, so a reader can tell machine-extracted facts from hand-annotated ones.',
  values: {
    MANUAL: { value: 'manual' as ReportMethod, description: 'Written by a person; a stored report without a method reads as this.' },
    EXTRACTED: { value: 'extracted' as ReportMethod, description: 'Proposed by an extraction rule from the text and not checked by anyone.' },
    REVIEWED: { value: 'reviewed' as ReportMethod, description: 'Proposed by an extraction rule, then accepted or corrected by a person.' },
  } as const,
});
