import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { MentorshipRelation } from './relation.entity';

/** Mentorship requests, relation guards, lists and the completion job (API.md §4, §8.1). */
@Module({
  imports: [UsersModule, TypeOrmModule.forFeature([MentorshipRelation])],
  exports: [TypeOrmModule],
})
export class MentorshipModule {}
