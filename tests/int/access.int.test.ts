import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { authorization, seededApi, type Caller } from '../helpers/api.js';
import { gql } from '../helpers/yoga.js';

const api = seededApi();
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const HS_SECRET = 'a-shared-secret-of-at-least-32-characters!';
const sso = seededApi({
  NEWSGRAPH_ANONYMOUS_READ: 'false',
  NEWSGRAPH_JWT_SECRET: HS_SECRET,
  NEWSGRAPH_JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
});

const WRITES: Record<string, { query: string; needs: 'editor' | 'admin'; variables?: Record<string, unknown> }> = {
  upsertEntity: { query: 'mutation { upsertEntity(input: {id: "access-probe", type: PERSON, name: "Access Probe"}) { id } }', needs: 'editor' },
  upsertRelation: { query: 'mutation { upsertRelation(input: {type: MEMBER_OF, from: "wu-qian", to: "peoples-liberation-army"}) { id } }', needs: 'editor' },
  ingestBundle: { query: 'mutation($bundle: JSON!) { ingestBundle(bundle: $bundle) { reports } }', needs: 'editor', variables: { bundle: {} } },
  deleteEntity: { query: 'mutation { deleteEntity(id: "no-such-entity") }', needs: 'admin' },
  mergeEntities: { query: 'mutation { mergeEntities(keepId: "nope-a", mergeId: "nope-b") { id } }', needs: 'admin' },
};

const RANK: Record<Caller, number> = { anonymous: 0, reader: 1, editor: 2, admin: 3 };

describe('access rules', () => {
  it('lets anonymous callers read by default', async () => {
    const response = await api.query('{ entity(id: "liu-xiaowu") { name } }', {}, 'anonymous');
    expect(response.data).toEqual({ entity: { name: 'Liu Xiaowu' } });
  });

  for (const [field, { query, needs, variables }] of Object.entries(WRITES)) {
    for (const caller of ['anonymous', 'reader', 'editor', 'admin'] as const) {
      const allowed = RANK[caller] >= RANK[needs];
      it(`${allowed ? 'lets' : 'stops'} ${caller} ${allowed ? 'use' : 'from using'} ${field}`, async () => {
        const response = await api.query(query, variables ?? {}, caller);
        const code = response.errors?.[0]?.extensions?.code;
        if (allowed) expect(['UNAUTHENTICATED', 'FORBIDDEN']).not.toContain(code);
        else expect(code).toBe(caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      });
    }
  }

  it('writes nothing for a refused caller', async () => {
    const write = 'mutation { upsertEntity(input: {id: "refused-probe", type: PERSON, name: "Refused"}) { id } }';
    await api.query(write, {}, 'reader');
    await api.query(write, {}, 'anonymous');
    expect(await api.data('{ entity(id: "refused-probe") { id } }')).toEqual({ entity: null });
  });

  it('refuses a wrong key outright with 401, instead of treating it as anonymous', async () => {
    const response = await api.yoga.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-real-key-000000' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    const malformed = await gql(api.yoga, '{ __typename }', {}, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(malformed.errors?.[0]?.message).toMatch(/Bearer/);
  });
});

async function token(role: string, sign: 'HS256' | 'RS256', expiresIn = '5m'): Promise<string> {
  const jwt = new SignJWT({ role }).setProtectedHeader({ alg: sign }).setIssuedAt().setExpirationTime(expiresIn);
  return sign === 'HS256' ? jwt.sign(new TextEncoder().encode(HS_SECRET)) : jwt.sign(privateKey);
}

describe('with anonymous reads off and single sign-on', () => {
  it('refuses anonymous reads with UNAUTHENTICATED', async () => {
    const response = await sso.query('{ entity(id: "liu-xiaowu") { name } }', {}, 'anonymous');
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data?.entity ?? null).toBeNull();
  });

  it('lets a reader key read', async () => {
    expect((await sso.query('{ entity(id: "liu-xiaowu") { name } }', {}, 'reader')).data).toEqual({ entity: { name: 'Liu Xiaowu' } });
  });

  it.each(['HS256', 'RS256'] as const)('accepts a %s JWT with its role claim', async (alg) => {
    const headers = { authorization: `Bearer ${await token('editor', alg)}` };
    const write = await gql(sso.yoga, WRITES.upsertEntity!.query, {}, headers);
    expect(write.errors).toBeUndefined();
    const admin = await gql(sso.yoga, WRITES.deleteEntity!.query, {}, headers);
    expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses expired, unsigned and role-less tokens', async () => {
    const expired = await token('admin', 'HS256', '-1m');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ role: 'admin', exp: 9999999999 })).toString('base64url')}.`;
    const roleless = await token('superuser', 'HS256');
    for (const bad of [expired, unsigned, roleless]) {
      const response = await gql(sso.yoga, '{ __typename }', {}, { authorization: `Bearer ${bad}` });
      expect(response.status).toBe(401);
    }
  });

  it('refuses tokens that would live longer than NEWSGRAPH_JWT_MAX_AGE (24 h), with or without iat, and tokens without exp', async () => {
    const key = new TextEncoder().encode(HS_SECRET);
    const signed = (build: (jwt: SignJWT) => SignJWT) => build(new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' })).sign(key);
    const millennium = Math.floor(Date.now() / 1000) + 1000 * 365 * 86_400;
    const tooLong = [
      await signed((jwt) => jwt.setIssuedAt().setExpirationTime(millennium)),
      await signed((jwt) => jwt.setExpirationTime(millennium)),
      await signed((jwt) => jwt.setIssuedAt().setExpirationTime('25h')),
      await signed((jwt) => jwt.setIssuedAt(millennium - 60).setExpirationTime(millennium)),
      await signed((jwt) => jwt.setIssuedAt()),
    ];
    for (const bad of tooLong) {
      const response = await gql(sso.yoga, '{ __typename }', {}, { authorization: `Bearer ${bad}` });
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const withinADay = await gql(sso.yoga, '{ __typename }', {}, { authorization: `Bearer ${await token('admin', 'HS256', '23h')}` });
    expect(withinADay).toMatchObject({ status: 200, data: { __typename: 'Query' } });
  });

  it('still accepts API keys beside JWTs', async () => {
    expect((await gql(sso.yoga, '{ __typename }', {}, authorization('admin'))).data).toEqual({ __typename: 'Query' });
  });
});
