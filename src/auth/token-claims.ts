export type TokenType = 'access' | 'refresh';

/** The flask-jwt-extended 3.x claim layout the Android client decodes (API.md §10.2). */
export interface TokenClaims {
  identity: number;
  type: TokenType;
  fresh?: boolean;
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}

export type ClaimsVerdict = { ok: true; userId: number } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Claim checks after the signature was verified, in PyJWT's order: not-before, expiry, then
 * flask-jwt-extended's identity and token-type checks. Time comes from the injected clock,
 * so tests can expire tokens without sleeping.
 */
export function checkClaims(payload: unknown, expected: TokenType, nowSeconds: number): ClaimsVerdict {
  if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'invalid' };
  const claims = payload as Partial<Record<keyof TokenClaims, unknown>>;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof claims.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  const identity = claims.identity;
  if (typeof identity !== 'number' || !Number.isSafeInteger(identity) || identity < 1) {
    return { ok: false, reason: 'invalid' };
  }
  if (claims.type !== expected) return { ok: false, reason: 'invalid' };
  return { ok: true, userId: identity };
}
