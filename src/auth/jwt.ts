import { createPublicKey } from 'node:crypto';
import { jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { Role, SecurityConfig } from '../config.js';

const ROLES: readonly Role[] = ['reader', 'editor', 'admin'];

export type JwtVerifier = (token: string) => Promise<Role | null>;

/**
 * JWTs for teams with single sign-on: HS256 with a shared secret or RS256
 * with a public key, the algorithm pinned to the key given (no `alg: none`, no
 * algorithm confusion), expiry required and enforced, a lifetime of at most
 * NEWSGRAPH_JWT_MAX_AGE, and the role read from one claim.
 */
export function createJwtVerifier(jwt: NonNullable<SecurityConfig['jwt']>): JwtVerifier {
  const verifiers: Array<{ key: Uint8Array | ReturnType<typeof createPublicKey>; algorithms: string[] }> = [];
  if (jwt.secret) verifiers.push({ key: new TextEncoder().encode(jwt.secret), algorithms: ['HS256'] });
  if (jwt.publicKey) verifiers.push({ key: createPublicKey(jwt.publicKey), algorithms: ['RS256'] });
  return async (token) => {
    for (const { key, algorithms } of verifiers) {
      const options: JWTVerifyOptions = { algorithms, requiredClaims: ['exp'], issuer: jwt.issuer, audience: jwt.audience };
      try {
        const { payload } = await jwtVerify(token, key, options);
        if (!withinMaxAge(payload, jwt.maxAgeSeconds)) return null;
        const role = payload[jwt.roleClaim];
        return typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : null;
      } catch {
        // Try the next key; a token no key verifies is rejected below.
      }
    }
    return null;
  };
}

/**
 * A token may live at most `maxAgeSeconds`: from its `iat`, or from now when
 * it has none. An `iat` in the future counts as now, so a token cannot buy a
 * long life by claiming to be issued later. `exp` is required by jwtVerify.
 */
export function withinMaxAge(payload: JWTPayload, maxAgeSeconds: number, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  if (typeof payload.exp !== 'number') return false;
  const issued = Math.min(typeof payload.iat === 'number' ? payload.iat : nowSeconds, nowSeconds);
  return payload.exp - issued <= maxAgeSeconds;
}

export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}
