import { confirmationKey, readConfirmationToken, signConfirmationToken } from './confirmation-token';

const key = confirmationKey('secret');
const now = 1_700_000_000;
const ttl = 2_592_000;

describe('confirmation tokens (API.md §2.2)', () => {
  it('round-trips the email and issue time and is URL-path-safe', () => {
    const token = signConfirmationToken(key, 'Jane@Example.com', now + 0.7);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(readConfirmationToken(key, token, now, ttl)).toEqual({ email: 'Jane@Example.com', issuedAt: now });
  });

  it('is valid for exactly the TTL and expires after it', () => {
    const token = signConfirmationToken(key, 'a@b.co', now);
    expect(readConfirmationToken(key, token, now + ttl, ttl)).not.toBeNull();
    expect(readConfirmationToken(key, token, now + ttl + 1, ttl)).toBeNull();
  });

  it('refuses tampered, foreign-key, malformed and future tokens', () => {
    const token = signConfirmationToken(key, 'a@b.co', now);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ e: 'x@b.co', t: now })).toString('base64url');
    expect(readConfirmationToken(key, `${forged}.${signature}`, now, ttl)).toBeNull();
    expect(readConfirmationToken(confirmationKey('other'), token, now, ttl)).toBeNull();
    expect(readConfirmationToken(key, payload, now, ttl)).toBeNull();
    expect(readConfirmationToken(key, `${token}.x`, now, ttl)).toBeNull();
    expect(readConfirmationToken(key, 'garbage', now, ttl)).toBeNull();
    expect(readConfirmationToken(key, signConfirmationToken(key, 'a@b.co', now + 3600), now, ttl)).toBeNull();
  });

  it('derives a key different from the raw secret, so a token is not a JWT signature', () => {
    expect(confirmationKey('secret').equals(Buffer.from('secret'))).toBe(false);
  });
});
