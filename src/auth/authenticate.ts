import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { decodeJwt } from 'jose';
import type { Role, SecurityConfig } from '../config.js';
import { ApiKeyStore } from './api-keys.js';
import { createJwtVerifier, looksLikeJwt, type JwtVerifier } from './jwt.js';

/** Who is calling: a role, or null for an anonymous caller. */
export interface Viewer {
  role: Role | null;
  via: 'anonymous' | 'api-key' | 'jwt';
  /**
   * A stable, non-secret name for the credential, which owns what it saves
   * (docs/investigations.md): `key:` and the first 16 hex digits of the API
   * key's SHA-256, or `jwt:` and the token's `sub`. Absent for anonymous
   * callers, a token without `sub`, and the service's own calls (warm-up).
   */
  principal?: string;
}

/** The principal of an API key: a digest prefix, so the key itself is never stored or shown. */
export function keyPrincipal(key: string): string {
  return `key:${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)}`;
}

/** The principal of a verified JWT: its subject, when it names one. */
export function jwtPrincipal(token: string): string | undefined {
  const subject = decodeJwt(token).sub;
  return typeof subject === 'string' && subject.length > 0 ? `jwt:${subject}` : undefined;
}

const RANK: Record<Role, number> = { reader: 1, editor: 2, admin: 3 };

/** Roles nest: an admin may do what an editor may, an editor what a reader may. */
export function hasRole(viewer: Viewer, needed: Role): boolean {
  return viewer.role !== null && RANK[viewer.role] >= RANK[needed];
}

export class AuthenticationError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="newsgraph"' } } } });
  }
}

/**
 * Reads `Authorization: Bearer <key or JWT>`. No header means anonymous; a
 * header that names no valid credential is refused outright rather than
 * treated as anonymous, so a mistyped key fails loudly.
 */
export class Authenticator {
  private readonly keys: ApiKeyStore;
  private readonly verifyJwt?: JwtVerifier;

  constructor(security: SecurityConfig) {
    this.keys = new ApiKeyStore(security.apiKeys);
    this.verifyJwt = security.jwt ? createJwtVerifier(security.jwt) : undefined;
  }

  async authenticate(authorization: string | null): Promise<Viewer> {
    if (!authorization) return { role: null, via: 'anonymous' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new AuthenticationError('The Authorization header must be "Bearer <api key or token>".');
    const token = match[1]!;
    const keyRole = this.keys.roleOf(token);
    if (keyRole) return { role: keyRole, via: 'api-key', principal: keyPrincipal(token) };
    if (this.verifyJwt && looksLikeJwt(token)) {
      const jwtRole = await this.verifyJwt(token);
      // The token is verified: reading its subject is safe now.
      if (jwtRole) return { role: jwtRole, via: 'jwt', principal: jwtPrincipal(token) };
    }
    throw new AuthenticationError('The API key or token is not valid.');
  }
}
