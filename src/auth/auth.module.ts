import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginBackoff } from './login-backoff';

/** Register, confirm email, resend, login, refresh (API.md §2). */
@Module({
  imports: [
    UsersModule,
    // AUTH_RATE_LIMIT (RUNTIME.md): per client IP per minute, applied to /login and /register only.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ throttlers: [{ ttl: 60_000, limit: config.authRateLimit }] }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginBackoff],
})
export class AuthModule {}
