import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import {
  ApiBody,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CommonMessages, CurrentUser, MessageResponse, messageOf } from '@app/common';
import { MentorshipRelation } from '../mentorship/relation.entity';
import { LoadedRelation, RelationRole } from '../mentorship/relation-role.guard';
import { CreateTaskDto, TaskResponse } from './task.dto';
import { Task } from './task.entity';
import { LoadedTask } from './task.loader';
import { TaskRules } from './task-rules';
import { TasksMessages as T } from './tasks.messages';
import { TasksService } from './tasks.service';

@ApiTags('Tasks')
@Controller('mentorship_relation/:relation_id')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @ApiOperation({ summary: 'Add a task to an accepted relation (API.md §5.2)' })
  @ApiBody({ type: CreateTaskDto })
  @ApiCreatedResponse({ type: MessageResponse, example: messageOf(T.TASK_CREATED) })
  @ApiBadRequestResponse({
    description: [T.DESCRIPTION_MISSING, CommonMessages.INVALID_INPUT, T.DESCRIPTION_TOO_LONG].join(' | '),
    example: messageOf(T.DESCRIPTION_MISSING),
  })
  @RelationRole('participant', TaskRules.createTask)
  @Post('task')
  async create(
    @CurrentUser() user: AuthUser,
    @LoadedRelation() relation: MentorshipRelation,
    @Body('description') description: string,
  ): Promise<MessageResponse> {
    await this.tasks.create(user.id, relation, description);
    return messageOf(T.TASK_CREATED);
  }

  @ApiOperation({ summary: "The relation's tasks in id order, any relation state (API.md §5.3)" })
  @ApiOkResponse({ type: [TaskResponse] })
  @RelationRole('participant', TaskRules.listTasks)
  @Get('tasks')
  list(@LoadedRelation() relation: MentorshipRelation): Promise<TaskResponse[]> {
    return this.tasks.list(relation);
  }

  @ApiOperation({ summary: 'Delete a task (API.md §5.4)' })
  @ApiOkResponse({ type: MessageResponse, example: messageOf(T.TASK_DELETED) })
  @RelationRole('participant', TaskRules.deleteTask)
  @HttpCode(HttpStatus.OK)
  @Delete('task/:task_id')
  async delete(@LoadedTask() task: Task): Promise<MessageResponse> {
    await this.tasks.delete(task);
    return messageOf(T.TASK_DELETED);
  }

  @ApiOperation({ summary: 'Mark a task done (API.md §5.5)' })
  @ApiOkResponse({ type: MessageResponse, example: messageOf(T.TASK_ACHIEVED) })
  @ApiConflictResponse({ example: messageOf(T.TASK_ALREADY_DONE) })
  @RelationRole('participant', TaskRules.completeTask)
  @Put('task/:task_id/complete')
  async complete(@LoadedTask() task: Task): Promise<MessageResponse> {
    await this.tasks.complete(task);
    return messageOf(T.TASK_ACHIEVED);
  }
}
