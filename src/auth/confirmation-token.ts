import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Email-confirmation tokens (API.md §2.2): `<payload>.<mac>`, both base64url, so the token is
 * safe in a URL path. The payload carries the email and the issue time; the MAC is an
 * HMAC-SHA256 under a key derived from the JWT secret for this one purpose, so a confirmation
 * token is useless as a JWT and vice versa.
 */
const PURPOSE = 'mentorship:email-confirmation';

interface Payload {
  email: string;
  issuedAt: number;
}

export function confirmationKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', PURPOSE, 32));
}

function mac(key: Buffer, payload: string): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}

export function signConfirmationToken(key: Buffer, email: string, issuedAt: number): string {
  const payload = Buffer.from(JSON.stringify({ e: email, t: Math.floor(issuedAt) })).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

/**
 * The payload of a well-signed token no older than `maxAgeSeconds`; null otherwise. A token
 * from the future (clock skew between replicas aside) is as invalid as a forged one.
 */
export function readConfirmationToken(
  key: Buffer,
  token: string,
  nowSeconds: number,
  maxAgeSeconds: number,
): Payload | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return null;
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { e: email, t: issuedAt } = (claims ?? {}) as { e?: unknown; t?: unknown };
  if (typeof email !== 'string' || typeof issuedAt !== 'number') return null;
  const age = nowSeconds - issuedAt;
  if (age > maxAgeSeconds || age < -60) return null;
  return { email, issuedAt };
}
