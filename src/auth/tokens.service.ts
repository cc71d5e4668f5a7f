import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '../config';
import { TokenClaims, TokenType } from './token-claims';

export interface IssuedToken {
  token: string;
  /** Epoch seconds of the token's `exp` (the COMPAT `*_expiry` fields, API.md §12 Q5). */
  expiry: number;
}

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(userId: number, type: TokenType): Promise<IssuedToken> {
    const iat = Math.floor(this.clock.nowSeconds());
    const ttl = type === 'access' ? this.config.jwt.accessTtlSeconds : this.config.jwt.refreshTtlSeconds;
    const claims: TokenClaims = {
      iat,
      nbf: iat,
      jti: randomUUID(),
      exp: iat + ttl,
      identity: userId,
      ...(type === 'access' ? { fresh: false } : {}),
      type,
    };
    return { token: await this.jwt.signAsync(claims), expiry: claims.exp };
  }
}
