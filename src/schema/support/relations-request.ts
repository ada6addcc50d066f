import { getArgumentValues, type GraphQLInterfaceType, type GraphQLResolveInfo } from 'graphql';
import type { RelationType } from '../../model/types.js';
import { sameFilter, type ClaimFilter } from '../../repositories/support/claim-filter-cypher.js';
import { decodeCursor } from '../../repositories/support/cursor.js';
import type { Direction, RelationsOfRequest } from '../../repositories/relation-repository.js';
import {
  CORROBORATION_PROPERTIES,
  ENTITY_PROPERTIES,
  RELATION_PROPERTIES,
  REPORT_LOOKUPS,
  REPORT_PROPERTIES,
  SOURCE_PROPERTIES,
  type ReportProperty,
  type SourceProperty,
} from '../../repositories/support/records.js';
import { claimFilterOf, type ClaimFilterArgs } from './claim-filter-args.js';
import { pageSizeOf } from './limits.js';
import { childFields, namedIn, propertiesToRead, selectedFieldNames, selectsField, selectsPath, type SelectionScope } from './selection.js';
import { ENTITY_VALUE_PROPERTIES, RELATION_VALUE_PROPERTIES } from '../../claims/values.js';

export interface RelationsArgs extends ClaimFilterArgs {
  types?: readonly RelationType[] | null;
  direction?: Direction | null;
  first?: number | null;
  after?: string | null;
}

/**
 * What `Entity.relations` asks the relations loader for. One function, so
 * that the field and a parent reading ahead build the same request, and so
 * share one DataLoader (one statement).
 */
export function relationsRequest(args: RelationsArgs, selection: SelectionScope, parentFilter: ClaimFilter): RelationsOfRequest {
  // Any field of that name anywhere below is enough to read it: reading too much is safe, too little is not.
  const names = selectedFieldNames(selection);
  return {
    types: args.types ?? [],
    direction: args.direction ?? 'BOTH',
    first: pageSizeOf(args.first),
    after: decodeCursor(args.after),
    withTotal: selectsField(selection, 'totalCount'),
    withReports: selectsPath(selection, ['edges', 'node', 'reportedBy']),
    endpointProperties: [...propertiesToRead(ENTITY_PROPERTIES, ENTITY_VALUE_PROPERTIES, names)],
    relationProperties: [...propertiesToRead(RELATION_PROPERTIES, RELATION_VALUE_PROPERTIES, names)],
    ...reportPropertiesFor(names),
    reportLookups: namedIn(REPORT_LOOKUPS, names),
    filter: claimFilterOf(args, parentFilter),
  };
}

/** The Report fields that read a report property other than id, source and date. */
const REPORT_PROPERTY_OF_FIELD: Readonly<Record<string, ReportProperty>> = {
  quote: 'quote',
  start: 'start',
  end: 'end',
  document: 'documentId',
  attributedTo: 'attributedToId',
  method: 'method',
  rule: 'rule',
  confidence: 'confidence',
  origin: 'origin',
};
const SOURCE_PROPERTY_OF_FIELD = { name: 'name', kind: 'kind', url: 'url', entity: 'entityId', independenceGroup: 'independenceGroup' } as const;

/**
 * What the reports read with a page must carry for this selection. A
 * relation's corroboration fields (under asOf), its alternatives and roles
 * count its reports by every property, so asking for any of them reads them whole.
 */
function reportPropertiesFor(names: ReadonlySet<string>): Pick<RelationsOfRequest, 'reportProperties' | 'sourceProperties'> {
  if ([...CORROBORATION_PROPERTIES, 'alternatives', 'roles'].some((name) => names.has(name))) return { reportProperties: REPORT_PROPERTIES, sourceProperties: SOURCE_PROPERTIES };
  // In the closed lists' order, so that one selection always makes one request (the loader's key).
  const named = <P extends string>(all: readonly P[], fieldOf: Readonly<Record<string, P>>) => all.filter((property) => Object.entries(fieldOf).some(([field, p]) => p === property && names.has(field)));
  return { reportProperties: named(REPORT_PROPERTIES, REPORT_PROPERTY_OF_FIELD), sourceProperties: named<SourceProperty>(SOURCE_PROPERTIES, SOURCE_PROPERTY_OF_FIELD) };
}

/**
 * The request of the one `relations` field selected under this entity field,
 * if it can be known here: then the entity is read with its relations, in
 * one statement instead of two. Null when there is none, several (aliases
 * with different arguments) or its arguments are invalid (the relations
 * field then reports them itself), or when it asks for another read filter
 * than the entity's: the statement filters the entity by the relations'.
 */
export function relationsRequestAhead(info: GraphQLResolveInfo, entityFilter: ClaimFilter): RelationsOfRequest | null {
  const nodes = childFields(info, 'relations');
  const field = (info.schema.getType('Entity') as GraphQLInterfaceType | undefined)?.getFields().relations;
  if (nodes.length !== 1 || !field) return null;
  try {
    const args = getArgumentValues(field, nodes[0]!, info.variableValues) as RelationsArgs;
    const request = relationsRequest(args, { fieldNodes: nodes, fragments: info.fragments }, entityFilter);
    return sameFilter(request.filter, entityFilter) ? request : null;
  } catch {
    return null;
  }
}
