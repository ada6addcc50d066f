import { ENTITY_TYPES, RELATION_TYPES, type ReportMethod } from '../model/types.js';
import { builder } from './builder.js';

export const EntityTypeEnum = builder.enumType('EntityType', { values: ENTITY_TYPES });
export const RelationTypeEnum = builder.enumType('RelationType', { values: RELATION_TYPES });
export const DirectionEnum = builder.enumType('Direction', { values: ['OUT', 'IN', 'BOTH'] as const });

/** The bundle's lower-case methods, upper-case in GraphQL like the other enums; Pothos maps between them. */
export const ReportMethodEnum = builder.enumType('ReportMethod', {
  description: 'How a report was made, so a reader can tell machine-extracted facts from hand-annotated ones.',
  values: {
    MANUAL: { value: 'manual' as ReportMethod, description: 'Written by a person (every report made before methods were recorded reads as this).' },
    EXTRACTED: { value: 'extracted' as ReportMethod, description: 'Proposed by an extraction rule from the text and not checked by anyone.' },
    REVIEWED: { value: 'reviewed' as ReportMethod, description: 'Proposed by an extraction rule, then accepted or corrected by a person.' },
  } as const,
});
