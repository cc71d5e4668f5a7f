import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MentorshipModule } from '../mentorship/mentorship.module';
import { UsersModule } from '../users/users.module';
import { TaskComment } from './task-comment.entity';
import { Task } from './task.entity';

/** Tasks and task comments of a relation (API.md §5, §6). */
@Module({
  imports: [UsersModule, MentorshipModule, TypeOrmModule.forFeature([Task, TaskComment])],
})
export class TasksModule {}
