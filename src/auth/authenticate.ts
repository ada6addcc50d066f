import { GraphQLError } from 'graphql';
import type { Role, SecurityConfig } from '../config.js';
import { ApiKeyStore } from './api-keys.js';
import { createJwtVerifier, looksLikeJwt, type JwtVerifier } from './jwt.js';

/** Who is calling: a role, or null for an anonymous caller. */
export interface Viewer {
  role: Role | null;
  via: 'anonymous' | 'api-key' | 'jwt';
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
    if (keyRole) return { role: keyRole, via: 'api-key' };
    if (this.verifyJwt && looksLikeJwt(token)) {
      const jwtRole = await this.verifyJwt(token);
      if (jwtRole) return { role: jwtRole, via: 'jwt' };
    }
    throw new AuthenticationError('The API key or token is not valid.');
  }
}
