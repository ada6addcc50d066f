import { describe, expect, it } from 'vitest';
import { authorization, seededApi } from '../helpers/api.js';

/**
 * Text that decoding would silently alter is refused with a 400, and nothing
 * is stored: percent-escapes of invalid UTF-8 (an encoded surrogate such as
 * %ED%A0%80) in form bodies and query strings, bodies that are not UTF-8, and
 * unpaired surrogates written as JSON escapes in form or GET variables. Before,
 * forms and GETs stored U+FFFD or a lone surrogate in place of the caller's text.
 */

const api = seededApi();
const UPSERT = 'mutation($input: EntityInput!) { upsertEntity(input: $input) { id name } }';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', 'x-newsgraph-client': 'test', ...authorization('editor') };

/** A form body whose `variables` is the given JSON text, already percent-encoded by the caller. */
const form = (query: string, encodedVariables: string) => `query=${encodeURIComponent(query)}&variables=${encodedVariables}`;
const variablesWithName = (id: string, encodedName: string) =>
  `${encodeURIComponent(`{"input":{"id":"${id}","type":"PERSON","name":"`)}${encodedName}${encodeURIComponent('"}}')}`;

async function post(body: string | Uint8Array, headers: Record<string, string> = FORM) {
  const response = await api.yoga.fetch('http://newsgraph.test/graphql', { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

const stored = async (id: string) => (await api.data<{ entity: { name: string } | null }>('query($id: ID!) { entity(id: $id) { name } }', { id })).entity;

describe('form-encoded posts', () => {
  it('store well-formed text as sent, a "%" included', async () => {
    const answer = await post(form(UPSERT, variablesWithName('probe-form-ok', encodeURIComponent('Zoë 100% Ünal'))));
    expect(answer).toMatchObject({ status: 200, body: { data: { upsertEntity: { name: 'Zoë 100% Ünal' } } } });
  });

  it('refuse a percent-encoded lone surrogate instead of storing U+FFFD', async () => {
    const answer = await post(form(UPSERT, variablesWithName('probe-form-surrogate', 'Lone%ED%A0%80Name')));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/not well-formed UTF-8/), extensions: { code: 'BAD_REQUEST' } });
    expect(await stored('probe-form-surrogate')).toBeNull();
  });

  it('refuse other invalid UTF-8 in escapes (a stray continuation byte, a truncated sequence)', async () => {
    for (const [id, name] of [
      ['probe-form-ff', 'Bad%FFName'],
      ['probe-form-cut', 'Bad%C3'],
    ] as const) {
      expect((await post(form(UPSERT, variablesWithName(id, name)))).status).toBe(400);
      expect(await stored(id)).toBeNull();
    }
  });

  it('refuse a body that is not UTF-8', async () => {
    const body = Buffer.concat([Buffer.from(form(UPSERT, variablesWithName('probe-form-raw', 'Raw'))), Buffer.from([0xff])]);
    const answer = await post(body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toMatch(/not well-formed UTF-8/);
  });

  it('refuse an unpaired surrogate written as a JSON escape in the variables', async () => {
    const answer = await post(form(UPSERT, variablesWithName('probe-form-escape', encodeURIComponent('Lone\\ud800Name'))));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/unpaired UTF-16 surrogate/), extensions: { code: 'BAD_REQUEST' } });
    expect(await stored('probe-form-escape')).toBeNull();
  });
});

describe('GET query strings', () => {
  const get = async (query: string) =>
    api.yoga.fetch(`http://newsgraph.test/graphql?${query}`, { headers: { 'x-newsgraph-client': 'test', accept: 'application/json' } });

  it('refuse a percent-encoded lone surrogate, and serve well-formed ones', async () => {
    const search = encodeURIComponent('query($q: String!) { search(query: $q) { score } }');
    const refused = await get(`query=${search}&variables=${encodeURIComponent('{"q":"x')}%ED%A0%80${encodeURIComponent('"}')}`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/query string.*not well-formed UTF-8/);
    expect((await get(`query=${search}&variables=${encodeURIComponent('{"q":"Zoë"}')}`)).status).toBe(200);
  });
});
