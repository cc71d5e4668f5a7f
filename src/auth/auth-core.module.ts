import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '../config';
import { AccessTokenStrategy, RefreshTokenStrategy } from './jwt.strategies';
import { TokensService } from './tokens.service';

/** Token issuing and verification, used by the global guard and the auth endpoints. */
@Global()
@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [AccessTokenStrategy, RefreshTokenStrategy, TokensService],
  exports: [TokensService],
})
export class AuthCoreModule {}
