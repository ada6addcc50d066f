import { ENTITY_TYPES, RELATION_TYPES } from '../model/types.js';
import { builder } from './builder.js';

export const EntityTypeEnum = builder.enumType('EntityType', { values: ENTITY_TYPES });
export const RelationTypeEnum = builder.enumType('RelationType', { values: RELATION_TYPES });
export const DirectionEnum = builder.enumType('Direction', { values: ['OUT', 'IN', 'BOTH'] as const });
