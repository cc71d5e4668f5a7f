import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountGate } from './account-gate';
import { User } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [AccountGate],
  exports: [AccountGate, TypeOrmModule],
})
export class UsersModule {}
