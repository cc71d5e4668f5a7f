import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';

/** Register, confirm email, resend, login, refresh (API.md §2). */
@Module({
  imports: [UsersModule],
})
export class AuthModule {}
