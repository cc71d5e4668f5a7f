import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';

/** /admin/new, /admin/remove, /admins (API.md §7). */
@Module({
  imports: [UsersModule],
})
export class AdminModule {}
