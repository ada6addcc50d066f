import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createJwtVerifier, withinMaxAge } from '../../src/auth/jwt.js';

const SECRET = 'a-shared-secret-of-at-least-32-characters!';
const DAY = 86_400;
const NOW = 1_800_000_000;
const verify = createJwtVerifier({ secret: SECRET, roleClaim: 'role', maxAgeSeconds: DAY });

/** An HS256 token with the role editor and the given claims (seconds since the epoch). */
function token(claims: { iat?: number; exp?: number }): Promise<string> {
  return new SignJWT({ role: 'editor', ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));
}

const now = () => Math.floor(Date.now() / 1000);

describe('the maximum lifetime of a JWT', () => {
  it('is measured from iat, or from now when there is none', () => {
    expect(withinMaxAge({ iat: NOW, exp: NOW + DAY }, DAY, NOW)).toBe(true);
    expect(withinMaxAge({ iat: NOW - 10, exp: NOW + DAY }, DAY, NOW)).toBe(false);
    expect(withinMaxAge({ exp: NOW + DAY }, DAY, NOW)).toBe(true);
    expect(withinMaxAge({ exp: NOW + DAY + 1 }, DAY, NOW)).toBe(false);
    expect(withinMaxAge({ iat: NOW }, DAY, NOW)).toBe(false);
  });

  it('cannot be stretched with an iat in the future', () => {
    expect(withinMaxAge({ iat: NOW + 1000 * 365 * DAY, exp: NOW + 1000 * 365 * DAY + 60 }, DAY, NOW)).toBe(false);
  });

  it('refuses a token that expires a thousand years ahead, with or without iat', async () => {
    const far = now() + 1000 * 365 * DAY;
    expect(await verify(await token({ iat: now(), exp: far }))).toBeNull();
    expect(await verify(await token({ exp: far }))).toBeNull();
    expect(await verify(await token({ iat: far - 60, exp: far }))).toBeNull();
  });

  it('accepts a token within the limit, and refuses one without exp', async () => {
    expect(await verify(await token({ iat: now(), exp: now() + 3600 }))).toBe('editor');
    expect(await verify(await token({ exp: now() + DAY - 5 }))).toBe('editor');
    expect(await verify(await token({ iat: now() }))).toBeNull();
  });
});
