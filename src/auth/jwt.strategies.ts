import { createSecretKey, KeyObject } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { IncomingMessage } from 'node:http';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ApiError, AuthUser, Clock, CommonMessages } from '@app/common';
import { APP_CONFIG, AppConfig } from '../config';
import { parseBearerHeader } from './bearer-header';
import { checkClaims, TokenType } from './token-claims';

function bearerToken(request: IncomingMessage): string | null {
  const header = parseBearerHeader(request.headers.authorization);
  return header.kind === 'token' ? header.token : null;
}

function strategyOptions(config: AppConfig) {
  // A KeyObject instead of the string secret: jsonwebtoken otherwise spends ~0.6 ms per
  // verify trying createPublicKey on it (DEPS.md §1.7).
  const key: KeyObject = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
  return {
    jwtFromRequest: ExtractJwt.fromExtractors([bearerToken]),
    secretOrKey: key as unknown as Buffer,
    algorithms: ['HS256' as const],
    // Time-based claims are checked in checkClaims against the injectable clock.
    ignoreExpiration: true,
    jsonWebTokenOptions: { ignoreNotBefore: true },
  };
}

function verdictToUser(payload: unknown, type: TokenType, clock: Clock): AuthUser {
  const verdict = checkClaims(payload, type, clock.nowSeconds());
  if (verdict.ok) return { id: verdict.userId };
  throw new ApiError(
    HttpStatus.UNAUTHORIZED,
    verdict.reason === 'expired' ? CommonMessages.TOKEN_EXPIRED : CommonMessages.TOKEN_INVALID,
  );
}

@Injectable()
export class AccessTokenStrategy extends PassportStrategy(Strategy, 'jwt-access') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    super(strategyOptions(config));
  }

  validate(payload: unknown): AuthUser {
    return verdictToUser(payload, 'access', this.clock);
  }
}

@Injectable()
export class RefreshTokenStrategy extends PassportStrategy(Strategy, 'jwt-refresh') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    super(strategyOptions(config));
  }

  validate(payload: unknown): AuthUser {
    return verdictToUser(payload, 'refresh', this.clock);
  }
}
