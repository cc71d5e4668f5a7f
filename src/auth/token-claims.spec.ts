import { checkClaims } from './token-claims';

const now = 1_700_000_000;
const access = { identity: 4, type: 'access', fresh: false, iat: now, nbf: now, exp: now + 60, jti: 'j' };

describe('checkClaims', () => {
  it('accepts a current token of the expected type', () => {
    expect(checkClaims(access, 'access', now)).toEqual({ ok: true, userId: 4 });
  });

  it('calls a token expired at its exp second', () => {
    expect(checkClaims(access, 'access', now + 60)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['wrong type', { ...access, type: 'refresh' }],
    ['no type', { ...access, type: undefined }],
    ['string identity', { ...access, identity: '4' }],
    ['missing identity', { ...access, identity: undefined }],
    ['zero identity', { ...access, identity: 0 }],
    ['fractional identity', { ...access, identity: 1.5 }],
    ['future nbf', { ...access, nbf: now + 10 }],
    ['missing exp', { ...access, exp: undefined }],
    ['not an object', 'token'],
  ])('refuses %s as invalid', (_label, payload) => {
    expect(checkClaims(payload, 'access', now)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('checks not-before ahead of expiry, like PyJWT', () => {
    expect(checkClaims({ ...access, nbf: now + 10, exp: now - 1 }, 'access', now)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
