import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MentorshipModule } from '../mentorship/mentorship.module';
import { UsersModule } from '../users/users.module';
import { TaskComment } from './task-comment.entity';
import { TaskCommentsController } from './task-comments.controller';
import { TaskCommentsService } from './task-comments.service';
import { Task } from './task.entity';
import { TaskLoader } from './task.loader';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** Tasks and task comments of a relation (API.md §5, §6); access through MentorshipModule's @RelationRole. */
@Module({
  imports: [UsersModule, MentorshipModule, TypeOrmModule.forFeature([Task, TaskComment])],
  controllers: [TasksController, TaskCommentsController],
  providers: [TasksService, TaskCommentsService, TaskLoader],
})
export class TasksModule {}
