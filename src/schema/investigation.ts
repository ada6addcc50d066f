import { GraphQLError } from 'graphql';
import { hasRole } from '../auth/authenticate.js';
import type { GraphContext } from '../context.js';
import { checkName, checkNotes, checkVersion, checkView, INVESTIGATION_LIMITS, readFile, toFile } from '../model/investigation-rules.js';
import { decodeCursor } from '../repositories/support/cursor.js';
import type { InvestigationCaller, InvestigationChange, InvestigationRecord } from '../repositories/investigation-repository.js';
import { builder } from './builder.js';
import { connectionOf } from './support/connection.js';
import { pageSizeOf, pageArgs } from './support/limits.js';

/** Investigations belong to a credential: an anonymous caller has none to read or save them with. */
function readerOf(ctx: GraphContext): InvestigationCaller {
  if (ctx.viewer.role === null) {
    throw new GraphQLError('Saved investigations belong to API keys and tokens: send Authorization: Bearer <key>.', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  return { principal: ctx.viewer.principal ?? null, admin: hasRole(ctx.viewer, 'admin') };
}

/** A writer needs a principal to own what it saves; a token without `sub` has none. */
function ownerOf(ctx: GraphContext): InvestigationCaller & { principal: string } {
  const caller = readerOf(ctx);
  if (caller.principal === null) {
    throw new GraphQLError('This token names no subject (sub), so nothing saved with it could have an owner: use a token with sub, or an API key.', { extensions: { code: 'FORBIDDEN' } });
  }
  return { ...caller, principal: caller.principal };
}

const FILE_SHAPE = '`{ format: "newsgraph.investigation", version: 1, name, notes, view, exportedAt }`';

export const InvestigationRef = builder.objectRef<InvestigationRecord>('Investigation').implement({
  description:
    'A saved investigation: a named explorer view with notes, owned by the API key or token that saved it. Its owner may change it; it is readable by its owner, by every authenticated caller when shared, and by admins (docs/investigations.md).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Given by the service when the investigation is first saved; ids sort newest first.' }),
    name: t.exposeString('name', { description: 'The name, 1 to 200 characters, trimmed.' }),
    notes: t.exposeString('notes', { description: 'Free-text notes, at most 20,000 characters; empty when none were given.' }),
    view: t.field({
      type: 'JSON',
      description: 'What to reopen: an object whose `explorer` is the explorer\'s URL query string (starting with "?"), plus any keys a client added; at most 256 KB as JSON.',
      resolve: (investigation) => investigation.view,
    }),
    owner: t.exposeString('owner', { description: 'The principal that saved it: `key:` and the first 16 hex digits of its API key\'s SHA-256, or `jwt:` and its token\'s subject. Never the key itself.' }),
    shared: t.exposeBoolean('shared', { description: 'True when every authenticated caller (reader, editor or admin) may read it; false when only its owner (and admins) may.' }),
    createdAt: t.exposeString('createdAt', { description: 'When it was first saved, as an ISO 8601 UTC timestamp.' }),
    updatedAt: t.exposeString('updatedAt', { description: 'When it was last changed (saved, renamed), as an ISO 8601 UTC timestamp.' }),
    version: t.exposeInt('version', { description: 'Starts at 1 and grows by one with each change; pass it as expectedVersion so a save never overwrites a change made elsewhere.' }),
    mine: t.boolean({ description: 'True when the caller owns it and so may change it.', resolve: (investigation, _args, ctx) => investigation.owner === ctx.viewer.principal }),
    export: t.field({
      type: 'JSON',
      description: `The investigation as a file for importInvestigation: ${FILE_SHAPE}. Owner, sharing and version stay out.`,
      resolve: (investigation) => toFile(investigation),
    }),
  }),
});

const InvestigationConnection = connectionOf('Investigation', InvestigationRef);

builder.queryFields((t) => ({
  investigations: t.field({
    type: InvestigationConnection,
    description: 'The saved investigations the caller may read (its own, the shared ones, and for an admin all of them), newest first. Needs an API key or token. Keyset paging: `after` takes an edge cursor.',
    args: {
      ...pageArgs(t.arg, 'investigations'),
    },
    resolve: async (_root, args, ctx) => {
      const caller = readerOf(ctx);
      const first = pageSizeOf(args.first);
      const page = await ctx.repos.investigations.page(caller, first, decodeCursor(args.after));
      return { page, totalCount: () => ctx.repos.investigations.count(caller) };
    },
  }),
  investigation: t.field({
    type: InvestigationRef,
    nullable: true,
    description: 'The saved investigation with this id, or null when there is none the caller may read (another key\'s private ones look absent). Needs an API key or token.',
    args: { id: t.arg.id({ required: true, description: 'The id that saveInvestigation or importInvestigation gave.' }) },
    resolve: (_root, { id }, ctx) => ctx.repos.investigations.get(readerOf(ctx), String(id)),
  }),
}));

const SaveInvestigationInput = builder.inputType('SaveInvestigationInput', {
  description: 'An investigation to create (no id) or to change (the id of one of the caller\'s own).',
  fields: (t) => ({
    id: t.id({ description: 'The investigation to change; omit to create a new one. Another key\'s investigation cannot be changed.' }),
    name: t.string({ required: true, description: `The name, 1 to ${INVESTIGATION_LIMITS.nameChars} characters after trimming, one line.` }),
    notes: t.string({ description: `Notes, at most ${INVESTIGATION_LIMITS.notesChars.toLocaleString('en')} characters. Omitted: empty for a new investigation, kept for a change; null clears them.` }),
    view: t.field({
      type: 'JSON',
      required: true,
      description: 'An object whose `explorer` is the explorer\'s URL query string, starting with "?" (e.g. {"explorer": "?expand=liu-xiaowu"}); other keys are kept. At most 256 KB as JSON.',
    }),
    shared: t.boolean({ description: 'True to let every authenticated caller read it. Omitted: false for a new investigation, kept for a change.' }),
    expectedVersion: t.int({
      description: 'For a change: the version it was read at (1 or more). When it has changed since, the save is refused with CONFLICT and `extensions.currentVersion`, instead of overwriting. Omitted: the save overwrites whatever is stored.',
    }),
  }),
});

builder.mutationFields((t) => ({
  saveInvestigation: t.field({
    type: InvestigationRef,
    authScopes: { edit: true },
    description: 'Creates an investigation owned by the caller\'s key (no id), or changes one of its own (with id). Refused: BAD_USER_INPUT for input out of range, NOT_FOUND for an id the caller cannot see, FORBIDDEN for another key\'s shared one, CONFLICT for a stale expectedVersion.',
    args: { input: t.arg({ type: SaveInvestigationInput, required: true, description: 'What to save.' }) },
    resolve: (_root, { input }, ctx) => {
      const caller = ownerOf(ctx);
      const name = checkName(input.name, 'input.name');
      const notes = input.notes === undefined ? undefined : checkNotes(input.notes, 'input.notes');
      const { json } = checkView(input.view, 'input.view');
      const expectedVersion = checkVersion(input.expectedVersion, 'input.expectedVersion');
      if (input.id === undefined || input.id === null) {
        return ctx.repos.investigations.create(caller.principal, { name, notes: notes ?? '', viewJson: json, shared: input.shared ?? false });
      }
      const change: InvestigationChange = { name, viewJson: json, ...(notes === undefined ? {} : { notes }), ...(typeof input.shared === 'boolean' ? { shared: input.shared } : {}) };
      return ctx.repos.investigations.update(caller, String(input.id), change, expectedVersion);
    },
  }),
  renameInvestigation: t.field({
    type: InvestigationRef,
    authScopes: { edit: true },
    description: 'Renames one of the caller\'s own investigations (its version grows by one). Refused as saveInvestigation is.',
    args: {
      id: t.arg.id({ required: true, description: 'The investigation to rename.' }),
      name: t.arg.string({ required: true, description: `The new name, 1 to ${INVESTIGATION_LIMITS.nameChars} characters after trimming.` }),
      expectedVersion: t.arg.int({ description: 'The version it was read at; refused with CONFLICT when it has changed since. Omitted: renamed whatever its version.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.repos.investigations.update(ownerOf(ctx), String(args.id), { name: checkName(args.name) }, checkVersion(args.expectedVersion)),
  }),
  deleteInvestigation: t.boolean({
    authScopes: { edit: true },
    description: 'Deletes one of the caller\'s own investigations; true when deleted. NOT_FOUND for an id the caller cannot see, FORBIDDEN for another key\'s shared one.',
    args: {
      id: t.arg.id({ required: true, description: 'The investigation to delete.' }),
      expectedVersion: t.arg.int({ description: 'The version it was read at; refused with CONFLICT when it has changed since. Omitted: deleted whatever its version.' }),
    },
    resolve: async (_root, args, ctx) => {
      await ctx.repos.investigations.delete(ownerOf(ctx), String(args.id), checkVersion(args.expectedVersion));
      return true;
    },
  }),
  importInvestigation: t.field({
    type: InvestigationRef,
    authScopes: { edit: true },
    description: `Creates a new, private investigation owned by the caller from an exported file, ${FILE_SHAPE}; its contents are checked as saveInvestigation checks them. Always a new id, whoever exported it.`,
    args: { file: t.arg({ type: 'JSON', required: true, description: 'The file as Investigation.export gave it (the parsed JSON object).' }) },
    resolve: (_root, { file }, ctx) => {
      const caller = ownerOf(ctx);
      const { name, notes, viewJson } = readFile(file);
      return ctx.repos.investigations.create(caller.principal, { name, notes, viewJson, shared: false });
    },
  }),
}));
