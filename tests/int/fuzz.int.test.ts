import { it } from 'vitest';
import { seededApi } from '../helpers/api.js';

const api = seededApi();

async function raw(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST', url = 'http://newsgraph.test/graphql') {
  const response = await api.yoga.fetch(url, { method, headers, body: method === 'GET' ? undefined : body });
  return `${response.status} ${response.headers.get('content-type')} ${await response.text()}`;
}

it('probe', async () => {
  const q = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) => raw(JSON.stringify({ query, variables, ...extra }));
  const cases: Array<[string, Promise<string>]> = [
    ['parse', q('{ entity(id: ')],
    ['validation', q('{ nope }')],
    ['depth', q('{ entity(id:"china") { relations { edges { node { from { relations { edges { node { from { relations { edges { node { from { id } } } } } } } } } } } } } }')],
    ['aliases', q(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: __typename`).join(' ')} }`)],
    ['directives', q(`{ __typename ${'@include(if: true) '.repeat(30)} }`)],
    ['tokens', q(`{ ${'__typename '.repeat(3000)} }`)],
    ['var type', q('query($id: ID!) { entity(id: $id) { id } }', { id: { a: 1 } })],
    ['var missing', q('query($id: ID!) { entity(id: $id) { id } }', {})],
    ['vars not object', q('query($id: ID!) { entity(id: $id) { id } }', 5)],
    ['bad date', q('{ timeline(from: "2021-13") { id } }')],
    ['bad enum', q('{ entities(type: NOPE) { totalCount } }')],
    ['range', q('{ entities(first: -1) { totalCount } }')],
    ['huge int', q('{ entities(first: 99999999999) { totalCount } }')],
    ['cursor', q('{ entities(after: "zzz") { totalCount } }')],
    ['json literal', q('mutation { ingestBundle(bundle: {a: 1}) { documents } }')],
    ['ingest bad', q('mutation($b: JSON!) { ingestBundle(bundle: $b) { documents } }', { b: { a: 1 } })],
    ['subscription', q('subscription { x }')],
    ['opname', q('query A { __typename } query B { __typename }')],
    ['opname2', q('query A { __typename }', {}, { operationName: 'Z' })],
    ['introspection', q('{ __schema { types { name } } }')],
    ['fragment cycle', q('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }')],
    ['no query', raw('{}')],
    ['query number', raw('{"query": 5}')],
    ['malformed', raw('{"query": ')],
    ['array', raw('[1,2]')],
    ['text/plain', raw('{"query":"{ __typename }"}', { 'content-type': 'text/plain' })],
    ['form', raw('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' })],
    ['none', raw('{"query":"{ __typename }"}', {})],
    ['GET no csrf', raw('', {}, 'GET', 'http://newsgraph.test/graphql?query=%7B__typename%7D')],
    ['GET csrf', raw('', { 'x-newsgraph-client': 'x' }, 'GET', 'http://newsgraph.test/graphql?query=%7B__typename%7D')],
    ['GET mutation', raw('', { 'x-newsgraph-client': 'x' }, 'GET', 'http://newsgraph.test/graphql?query=mutation%7BdeleteEntity(id:%22x%22)%7D')],
    ['PUT', raw('{"query":"{ __typename }"}', { 'content-type': 'application/json' }, 'PUT')],
    ['bad key', raw('{"query":"{ __typename }"}', { 'content-type': 'application/json', authorization: 'Bearer nope' })],
    ['bad scheme', raw('{"query":"{ __typename }"}', { 'content-type': 'application/json', authorization: 'Basic nope' })],
    ['anon mutation', raw(JSON.stringify({ query: 'mutation { deleteEntity(id: "x") }' }), { 'content-type': 'application/json' })],
    ['reader mutation', raw(JSON.stringify({ query: 'mutation { deleteEntity(id: "x") }' }), { 'content-type': 'application/json', authorization: 'Bearer test-reader-key-0123456789' })],
    ['not found merge', q('mutation { mergeEntities(keepId: "a", mergeId: "b") { id } }')],
    ['long name', q('mutation($i: EntityInput!) { upsertEntity(input: $i) { id } }', { i: { id: 'x-long', type: 'PERSON', name: 'x'.repeat(600) } })],
    ['accept graphql-response', raw(JSON.stringify({ query: '{ nope }' }), { 'content-type': 'application/json', accept: 'application/graphql-response+json' })],
  ];
  for (const [name, result] of cases) console.log(name, '=>', (await result).slice(0, 600));
});
