import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { CompleteRelationsJob } from './complete-relations.job';
import { RelationListsService } from './relation-lists.service';
import { RelationRoleGuard } from './relation-role.guard';
import { MentorshipRelation } from './relation.entity';
import { RelationsController } from './relations.controller';
import { RelationsService } from './relations.service';

/** Mentorship requests, relation guards, lists and the completion job (API.md §4, §8.1). */
@Module({
  imports: [UsersModule, TypeOrmModule.forFeature([MentorshipRelation])],
  controllers: [RelationsController],
  providers: [RelationsService, RelationListsService, RelationRoleGuard, CompleteRelationsJob],
  exports: [TypeOrmModule, RelationRoleGuard],
})
export class MentorshipModule {}
