import { GraphQLError } from 'graphql';

/**
 * The id was merged into another entity (mergeEntities): the write is refused
 * rather than reviving the old entity or calling it unknown, and
 * `extensions.mergedInto` says where to send it again. Only ids recorded by a
 * merge get here, so both are slugs of at most 200 characters.
 */
export class EntityMergedError extends GraphQLError {
  constructor(id: string, mergedInto: string, field?: string) {
    super(`${field ? `${field}: ` : ''}entity "${id}" was merged into "${mergedInto}"; send the write again with "${mergedInto}".`, {
      extensions: { code: 'ENTITY_MERGED', mergedInto, ...(field ? { field } : {}) },
    });
    this.name = 'EntityMergedError';
  }
}
