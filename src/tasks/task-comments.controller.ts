import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiBody,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, IdParam, MessageResponse, messageOf } from '@app/common';
import { RelationRole } from '../mentorship/relation-role.guard';
import { Task } from './task.entity';
import { LoadedTask } from './task.loader';
import { CommentDto, TaskCommentResponse } from './task-comment.dto';
import { TaskCommentsService } from './task-comments.service';
import { TaskRules } from './task-rules';
import { TasksMessages as T } from './tasks.messages';

/** The comment body and its 400 answers, shared by create and edit (Swagger). */
const ApiCommentBody = () =>
  applyDecorators(
    ApiBody({ type: CommentDto }),
    ApiBadRequestResponse({
      description: [T.COMMENT_MISSING, T.COMMENT_NOT_STRING, T.COMMENT_TOO_LONG, T.COMMENT_RAW_TOO_LONG].join(
        ' | ',
      ),
      example: messageOf(T.COMMENT_MISSING),
    }),
  );

/** API.md §6. The GET also answers with a trailing slash (global ignoreTrailingSlash). */
@ApiTags('Task comments')
@Controller('mentorship_relation/:relation_id/task/:task_id')
export class TaskCommentsController {
  constructor(private readonly comments: TaskCommentsService) {}

  @ApiOperation({ summary: 'Comment on a task of an accepted relation (API.md §6.2)' })
  @ApiCreatedResponse({ type: MessageResponse, example: messageOf(T.COMMENT_CREATED) })
  @ApiCommentBody()
  @RelationRole('participant', TaskRules.writeComment)
  @Post('comment')
  async create(
    @CurrentUser() user: AuthUser,
    @LoadedTask() task: Task,
    @Body('comment') comment: string,
  ): Promise<MessageResponse> {
    await this.comments.create(user.id, task, comment);
    return messageOf(T.COMMENT_CREATED);
  }

  @ApiOperation({ summary: "A task's comments in id order (API.md §6.3)" })
  @ApiOkResponse({ type: [TaskCommentResponse] })
  @RelationRole('participant', TaskRules.readComments)
  @Get('comments')
  list(@LoadedTask() task: Task): Promise<TaskCommentResponse[]> {
    return this.comments.list(task);
  }

  @ApiOperation({ summary: 'Edit your comment (API.md §6.4)' })
  @ApiOkResponse({ type: MessageResponse, example: messageOf(T.COMMENT_UPDATED) })
  @ApiCommentBody()
  @ApiNotFoundResponse({ description: `${T.COMMENT_NOT_FOUND} | ${T.COMMENT_WRONG_TASK}` })
  @RelationRole('participant', TaskRules.writeComment)
  @Put('comment/:comment_id')
  async update(
    @CurrentUser() user: AuthUser,
    @LoadedTask() task: Task,
    @IdParam('comment_id') commentId: number,
    @Body('comment') comment: string,
  ): Promise<MessageResponse> {
    await this.comments.update(user.id, task, commentId, comment);
    return messageOf(T.COMMENT_UPDATED);
  }

  @ApiOperation({ summary: 'Delete your comment (API.md §6.5)' })
  @ApiOkResponse({ type: MessageResponse, example: messageOf(T.COMMENT_DELETED) })
  @ApiNotFoundResponse({ description: `${T.COMMENT_NOT_FOUND} | ${T.COMMENT_WRONG_TASK}` })
  @RelationRole('participant', TaskRules.readComments)
  @HttpCode(HttpStatus.OK)
  @Delete('comment/:comment_id')
  async delete(
    @CurrentUser() user: AuthUser,
    @LoadedTask() task: Task,
    @IdParam('comment_id') commentId: number,
  ): Promise<MessageResponse> {
    await this.comments.delete(user.id, task, commentId);
    return messageOf(T.COMMENT_DELETED);
  }
}
