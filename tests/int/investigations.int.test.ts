import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { authorization, seededApi, type Caller } from '../helpers/api.js';
import { TEST_KEYS } from '../helpers/neo4j.js';
import { gql, type GraphQLResponse } from '../helpers/yoga.js';

// Saved investigations through the API on the real database: who owns, reads and changes them,
// optimistic versions, the file round trip and the input rules (docs/investigations.md).

const OTHER_EDITOR = 'test-second-editor-key-0123456789';
const JWT_SECRET = 'a-shared-secret-of-at-least-32-characters!';
const api = seededApi({
  NEWSGRAPH_API_KEYS: [...Object.entries(TEST_KEYS).map(([role, key]) => `${role}:${key}`), `editor:${OTHER_EDITOR}`].join(','),
  NEWSGRAPH_JWT_SECRET: JWT_SECRET,
});

type Who = Caller | 'other-editor' | { token: string };
const headersOf = (who: Who) =>
  typeof who === 'object'
    ? { authorization: `Bearer ${who.token}` }
    : who === 'other-editor'
      ? { authorization: `Bearer ${OTHER_EDITOR}` }
      : authorization(who);
const call = <T = Record<string, unknown>>(who: Who, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> =>
  gql<T>(api.yoga, query, variables, headersOf(who));

interface Investigation {
  id: string;
  name: string;
  notes: string;
  view: { explorer: string };
  owner: string;
  shared: boolean;
  version: number;
  mine: boolean;
  createdAt: string;
  updatedAt: string;
}

const FIELDS = 'id name notes view owner shared version mine createdAt updatedAt';
const SAVE = `mutation($input: SaveInvestigationInput!) { saveInvestigation(input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { investigation(id: $id) { ${FIELDS} } }`;
const LIST = `query($first: Int, $after: String) { investigations(first: $first, after: $after) { totalCount edges { cursor node { ${FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const RENAME = `mutation($id: ID!, $name: String!, $expectedVersion: Int) { renameInvestigation(id: $id, name: $name, expectedVersion: $expectedVersion) { ${FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteInvestigation(id: $id) }';
const IMPORT = `mutation($file: JSON!) { importInvestigation(file: $file) { ${FIELDS} } }`;

const VIEW = { explorer: '?expand=liu-xiaowu&select=entity:liu-xiaowu' };

async function save(who: Who, input: Record<string, unknown>): Promise<Investigation> {
  const response = await call<{ saveInvestigation: Investigation }>(who, SAVE, { input });
  if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data!.saveInvestigation;
}

async function listed(who: Who): Promise<Investigation[]> {
  const response = await call<{ investigations: { edges: Array<{ node: Investigation }> } }>(who, LIST, { first: 100 });
  if (response.errors) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data!.investigations.edges.map((edge) => edge.node);
}

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code;
const fieldOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.field;
const principalOf = (key: string) => `key:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;

describe('saved investigations', () => {
  it('are created, listed, reopened, renamed, updated and deleted by their owner', async () => {
    const created = await save('editor', { name: '  Zapad 2021 command chain  ', notes: 'Who commanded what.', view: VIEW });
    expect(created).toMatchObject({ name: 'Zapad 2021 command chain', notes: 'Who commanded what.', view: VIEW, shared: false, version: 1, mine: true });
    // The owner names the key without being the key.
    expect(created.owner).toBe(principalOf(TEST_KEYS.editor));
    expect(created.owner).not.toContain(TEST_KEYS.editor);

    expect((await listed('editor')).map((investigation) => investigation.id)).toContain(created.id);
    expect((await call<{ investigation: Investigation }>('editor', GET, { id: created.id })).data?.investigation).toEqual(created);

    const renamed = await call<{ renameInvestigation: Investigation }>('editor', RENAME, { id: created.id, name: 'Zapad: who commands', expectedVersion: 1 });
    expect(renamed.data?.renameInvestigation).toMatchObject({ name: 'Zapad: who commands', version: 2, view: VIEW, notes: 'Who commanded what.' });

    const moved = { explorer: '?expand=liu-xiaowu,wu-qian' };
    const updated = await save('editor', { id: created.id, name: 'Zapad: who commands', view: moved, expectedVersion: 2 });
    // Omitted notes are kept; the view is replaced.
    expect(updated).toMatchObject({ view: moved, notes: 'Who commanded what.', version: 3, createdAt: created.createdAt });
    expect(updated.updatedAt >= created.updatedAt).toBe(true);

    expect((await call('editor', DELETE, { id: created.id })).data).toEqual({ deleteInvestigation: true });
    expect((await call('editor', GET, { id: created.id })).data).toEqual({ investigation: null });
    expect((await listed('editor')).map((investigation) => investigation.id)).not.toContain(created.id);
    expect(codeOf(await call('editor', DELETE, { id: created.id }))).toBe('NOT_FOUND');
  });

  it('list newest first, a page at a time', async () => {
    const names = ['page-a', 'page-b', 'page-c'];
    const ids: string[] = [];
    for (const name of names) ids.push((await save('other-editor', { name, view: VIEW })).id);
    const first = await call<{
      investigations: { totalCount: number; edges: Array<{ node: Investigation }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>('other-editor', LIST, { first: 2 });
    expect(first.data!.investigations.edges.map((edge) => edge.node.name)).toEqual(['page-c', 'page-b']);
    expect(first.data!.investigations.pageInfo.hasNextPage).toBe(true);
    const second = await call<{ investigations: { edges: Array<{ node: Investigation }> } }>('other-editor', LIST, {
      first: 2,
      after: first.data!.investigations.pageInfo.endCursor,
    });
    expect(second.data!.investigations.edges.map((edge) => edge.node.name)).toContain('page-a');
    for (const id of ids) await call('other-editor', DELETE, { id });
  });

  it("keep another key's private investigation out of sight, and its shared one out of reach", async () => {
    const secret = await save('editor', { name: 'Private lead', view: VIEW });
    const open = await save('editor', { name: 'Shared lead', view: VIEW, shared: true });

    // Another editor: the private one is NOT_FOUND everywhere (as if it did not exist), the shared one readable but not writable.
    expect((await call('other-editor', GET, { id: secret.id })).data).toEqual({ investigation: null });
    expect((await listed('other-editor')).map((investigation) => investigation.id)).not.toContain(secret.id);
    expect(codeOf(await call('other-editor', RENAME, { id: secret.id, name: 'Mine now' }))).toBe('NOT_FOUND');
    expect(codeOf(await call('other-editor', DELETE, { id: secret.id }))).toBe('NOT_FOUND');
    expect(codeOf(await call('other-editor', SAVE, { input: { id: secret.id, name: 'Mine now', view: VIEW } }))).toBe('NOT_FOUND');
    expect((await call<{ investigation: Investigation }>('other-editor', GET, { id: open.id })).data?.investigation).toMatchObject({
      name: 'Shared lead',
      mine: false,
    });
    expect(codeOf(await call('other-editor', RENAME, { id: open.id, name: 'Mine now' }))).toBe('FORBIDDEN');
    expect(codeOf(await call('other-editor', DELETE, { id: open.id }))).toBe('FORBIDDEN');

    // A reader sees only the shared one, and cannot write at all.
    const readerSees = (await listed('reader')).map((investigation) => investigation.id);
    expect(readerSees).toContain(open.id);
    expect(readerSees).not.toContain(secret.id);
    expect((await call('reader', GET, { id: secret.id })).data).toEqual({ investigation: null });
    expect(codeOf(await call('reader', SAVE, { input: { name: 'Reader note', view: VIEW } }))).toBe('FORBIDDEN');
    expect(codeOf(await call('reader', DELETE, { id: open.id }))).toBe('FORBIDDEN');

    // An admin reads every investigation, but changes only its own.
    const adminSees = await listed('admin');
    expect(adminSees.find((investigation) => investigation.id === secret.id)).toMatchObject({ mine: false });
    expect(codeOf(await call('admin', RENAME, { id: secret.id, name: 'Audited' }))).toBe('FORBIDDEN');

    // Anonymous callers have no key to own or read investigations with.
    expect(codeOf(await call('anonymous', LIST))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call('anonymous', GET, { id: open.id }))).toBe('UNAUTHENTICATED');

    // Nothing was changed by the refused calls.
    expect((await call<{ investigation: Investigation }>('editor', GET, { id: secret.id })).data?.investigation).toEqual(secret);
  });

  it('belong to the subject of a JWT, across fresh tokens; a token without a subject cannot save', async () => {
    const token = (claims: Record<string, unknown>) =>
      new SignJWT({ role: 'editor', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(JWT_SECRET));
    const saved = await save({ token: await token({ sub: 'analyst-7' }) }, { name: 'Via single sign-on', view: VIEW });
    expect(saved.owner).toBe('jwt:analyst-7');
    const again = await call<{ investigation: Investigation }>({ token: await token({ sub: 'analyst-7', jti: 'second' }) }, GET, { id: saved.id });
    expect(again.data?.investigation).toMatchObject({ id: saved.id, mine: true });
    expect(codeOf(await call({ token: await token({}) }, SAVE, { input: { name: 'Nobody', view: VIEW } }))).toBe('FORBIDDEN');
  });

  it('refuse a save at a stale version with CONFLICT, keeping what is stored', async () => {
    const created = await save('editor', { name: 'Two tabs', view: VIEW });
    await save('editor', { id: created.id, name: 'Tab one', view: VIEW, expectedVersion: 1 });
    const stale = await call('editor', SAVE, { input: { id: created.id, name: 'Tab two', view: VIEW, expectedVersion: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(stale.errors?.[0]?.message).toMatch(/version 2, not 1/);
    expect((await call<{ investigation: Investigation }>('editor', GET, { id: created.id })).data?.investigation).toMatchObject({
      name: 'Tab one',
      version: 2,
    });
    expect(codeOf(await call('editor', RENAME, { id: created.id, name: 'Late', expectedVersion: 1 }))).toBe('CONFLICT');
  });

  it('let exactly one of two parallel saves at the same version win; the other gets CONFLICT', async () => {
    for (let round = 0; round < 5; round += 1) {
      const created = await save('editor', { name: `Race ${round}`, view: VIEW });
      const saves = await Promise.all(
        ['left', 'right'].map((tab) =>
          call<{ saveInvestigation: Investigation }>('editor', SAVE, { input: { id: created.id, name: `${tab} ${round}`, view: VIEW, expectedVersion: 1 } }),
        ),
      );
      const won = saves.filter((response) => !response.errors);
      const lost = saves.filter((response) => response.errors);
      expect(won).toHaveLength(1);
      expect(lost.map(codeOf)).toEqual(['CONFLICT']);
      const stored = (await call<{ investigation: Investigation }>('editor', GET, { id: created.id })).data!.investigation;
      expect(stored).toMatchObject({ version: 2, name: won[0]!.data!.saveInvestigation.name });
    }
  });

  it('export to a self-describing file that imports as a new, private investigation of the importer', async () => {
    const original = await save('editor', { name: 'Exported lead', notes: 'Line one\nLine two — «quoted»', view: { ...VIEW, note: 'kept' }, shared: true });
    const exported = await call<{ investigation: { export: Record<string, unknown> } }>('editor', `query($id: ID!) { investigation(id: $id) { export } }`, {
      id: original.id,
    });
    const file = JSON.parse(JSON.stringify(exported.data!.investigation.export)) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'newsgraph.investigation', version: 1, name: 'Exported lead', notes: original.notes, view: original.view });
    expect(Object.keys(file).sort()).toEqual(['exportedAt', 'format', 'name', 'notes', 'version', 'view']);
    expect(Number.isNaN(Date.parse(String(file.exportedAt)))).toBe(false);

    const imported = (await call<{ importInvestigation: Investigation }>('other-editor', IMPORT, { file })).data!.importInvestigation;
    expect(imported.id).not.toBe(original.id);
    expect(imported).toMatchObject({
      name: original.name,
      notes: original.notes,
      view: original.view,
      owner: principalOf(OTHER_EDITOR),
      shared: false,
      version: 1,
      mine: true,
    });
    // Its own copy: the importer may change it, and the original is untouched.
    await save('other-editor', { id: imported.id, name: 'My copy', view: VIEW, expectedVersion: 1 });
    expect((await call<{ investigation: Investigation }>('editor', GET, { id: original.id })).data?.investigation).toEqual(original);
  });

  it('refuse bad input with BAD_USER_INPUT naming the field', async () => {
    const refused = async (who: Caller, query: string, variables: Record<string, unknown>, field: string) => {
      const response = await call(who, query, variables);
      expect(codeOf(response), field).toBe('BAD_USER_INPUT');
      expect(fieldOf(response), field).toBe(field);
      expect(response.status, field).toBe(400);
    };
    const before = (await listed('editor')).length;
    await refused('editor', SAVE, { input: { name: '   ', view: VIEW } }, 'input.name');
    await refused('editor', SAVE, { input: { name: 'x'.repeat(201), view: VIEW } }, 'input.name');
    // Names follow the project's rule for names: one line of visible text, no direction overrides.
    await refused('editor', SAVE, { input: { name: 'Zapad\u202Ereversed', view: VIEW } }, 'input.name');
    await refused('editor', SAVE, { input: { name: 'Two\nlines', view: VIEW } }, 'input.name');
    await refused('editor', SAVE, { input: { name: 'Long notes', notes: 'n'.repeat(20_001), view: VIEW } }, 'input.notes');
    await refused('editor', SAVE, { input: { name: 'Huge view', view: { explorer: '?expand=a', padding: 'p'.repeat(300 * 1024) } } }, 'input.view');
    await refused('editor', SAVE, { input: { name: 'Not an object', view: ['?expand=a'] } }, 'input.view');
    await refused('editor', SAVE, { input: { name: 'No query', view: { explorer: 'expand=a' } } }, 'input.view.explorer');
    await refused('editor', SAVE, { input: { name: 'Bad version', view: VIEW, id: 'whatever', expectedVersion: 0 } }, 'input.expectedVersion');
    await refused('editor', RENAME, { id: 'whatever', name: '' }, 'name');
    const file = { format: 'newsgraph.investigation', version: 1, name: 'From a file', notes: '', view: VIEW, exportedAt: new Date().toISOString() };
    await refused('editor', IMPORT, { file: { ...file, format: 'newsgraph.bundle' } }, 'file.format');
    await refused('editor', IMPORT, { file: { ...file, version: 2 } }, 'file.version');
    await refused('editor', IMPORT, { file: { ...file, name: '' } }, 'file.name');
    await refused('editor', IMPORT, { file: { ...file, view: { explorer: 'http://elsewhere.example/' } } }, 'file.view.explorer');
    await refused('editor', IMPORT, { file: 'not a file' }, 'file');
    // A 200-character name is the longest accepted, and nothing refused was stored.
    const longest = await save('editor', { name: 'y'.repeat(200), view: VIEW });
    expect(longest.name).toHaveLength(200);
    expect((await listed('editor')).length).toBe(before + 1);
  });
});
