import { ApiError, graphql } from './api.js';

/** A saved investigation as the panel shows it (src/schema/investigation.ts; docs/investigations.md). */
export interface SavedInvestigation {
  id: string;
  name: string;
  notes: string;
  view: { explorer?: unknown };
  shared: boolean;
  mine: boolean;
  version: number;
  updatedAt: string;
}

const FIELDS = 'id name notes view shared mine version updatedAt';

const LIST = `query Investigations($first: Int!) { investigations(first: $first) { totalCount edges { node { ${FIELDS} } } } }`;
const SAVE = `mutation SaveInvestigation($input: SaveInvestigationInput!) { saveInvestigation(input: $input) { ${FIELDS} } }`;
const RENAME = `mutation RenameInvestigation($id: ID!, $name: String!, $expectedVersion: Int) { renameInvestigation(id: $id, name: $name, expectedVersion: $expectedVersion) { ${FIELDS} } }`;
const DELETE = 'mutation DeleteInvestigation($id: ID!, $expectedVersion: Int) { deleteInvestigation(id: $id, expectedVersion: $expectedVersion) }';
const EXPORT = 'query ExportInvestigation($id: ID!) { investigation(id: $id) { export } }';
const IMPORT = `mutation ImportInvestigation($file: JSON!) { importInvestigation(file: $file) { ${FIELDS} } }`;

/** The panel lists one page: the API's largest. */
export const LIST_SIZE = 100;

export async function listInvestigations(credential: string): Promise<{ items: SavedInvestigation[]; total: number }> {
  const data = await graphql<{ investigations: { totalCount: number; edges: Array<{ node: SavedInvestigation }> } }>(
    { query: LIST, variables: { first: LIST_SIZE } },
    undefined,
    { credential },
  );
  return { items: data.investigations.edges.map((edge) => edge.node), total: data.investigations.totalCount };
}

export interface SaveInput {
  id?: string;
  name: string;
  notes?: string;
  view: { explorer: string };
  shared?: boolean;
  expectedVersion?: number;
}

export async function saveInvestigation(credential: string, input: SaveInput): Promise<SavedInvestigation> {
  return (await graphql<{ saveInvestigation: SavedInvestigation }>({ query: SAVE, variables: { input } }, undefined, { credential })).saveInvestigation;
}

export async function renameInvestigation(credential: string, id: string, name: string, expectedVersion: number): Promise<SavedInvestigation> {
  return (await graphql<{ renameInvestigation: SavedInvestigation }>({ query: RENAME, variables: { id, name, expectedVersion } }, undefined, { credential }))
    .renameInvestigation;
}

export async function deleteInvestigation(credential: string, id: string, expectedVersion: number): Promise<void> {
  await graphql({ query: DELETE, variables: { id, expectedVersion } }, undefined, { credential });
}

/** The file of an investigation, as importInvestigation takes it. */
export async function exportInvestigation(credential: string, id: string): Promise<Record<string, unknown>> {
  const data = await graphql<{ investigation: { export: Record<string, unknown> } | null }>({ query: EXPORT, variables: { id } }, undefined, { credential });
  if (!data.investigation) throw new ApiError('This investigation is no longer there.', 'graphql', 'NOT_FOUND');
  return data.investigation.export;
}

export async function importInvestigation(credential: string, file: unknown): Promise<SavedInvestigation> {
  return (await graphql<{ importInvestigation: SavedInvestigation }>({ query: IMPORT, variables: { file } }, undefined, { credential })).importInvestigation;
}

/** What went wrong, in the panel's words: the API's codes say whether the key, the role, a version or the input is at fault. */
export function investigationProblem(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'The API key is missing or not valid.';
    case 'FORBIDDEN':
      return /role may not/.test(error.message) ? 'Saving and changing investigations needs an editor key.' : error.message;
    case 'CONFLICT':
      return `Not saved: it was saved elsewhere since you opened it (now version ${String(error.extensions.currentVersion ?? '?')}). Open it to see that version, or save this view as a new investigation.`;
    case 'NOT_FOUND':
      return 'This investigation is no longer there.';
    default:
      return error.message;
  }
}
