import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ApiError, Clock, wholeSeconds } from '@app/common';
import { Transactions } from '../database/transactions';
import { findByIdForUpdate } from '../database/row-lock';
import { Task } from './task.entity';
import { TaskComment } from './task-comment.entity';
import { TaskCommentResponse, toTaskCommentResponse } from './task-comment.dto';
import { TasksMessages as T } from './tasks.messages';

/**
 * API.md §6.4/§6.5 checks f–h on a comment, in order: exists, caller wrote it, it belongs to
 * the task of the path. (Like the original, the relation id is not compared — Q26.)
 */
export function commentDenialFor(
  comment: TaskComment | null,
  callerId: number,
  taskId: number,
  notAuthorMessage: string,
): ApiError | null {
  if (!comment) return new ApiError(HttpStatus.NOT_FOUND, T.COMMENT_NOT_FOUND);
  if (comment.userId !== callerId) return new ApiError(HttpStatus.FORBIDDEN, notAuthorMessage);
  if (comment.taskId !== taskId) return new ApiError(HttpStatus.NOT_FOUND, T.COMMENT_WRONG_TASK);
  return null;
}

/** Comments on a task (API.md §6). Relation and task checks a–e were done by RelationRoleGuard. */
@Injectable()
export class TaskCommentsService {
  constructor(
    @InjectRepository(TaskComment) private readonly comments: Repository<TaskComment>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async create(callerId: number, task: Task, comment: string): Promise<void> {
    await this.transactions.run((manager) =>
      manager.insert(TaskComment, {
        userId: callerId,
        taskId: task.id,
        relationId: task.relationId,
        creationDate: wholeSeconds(this.clock.now()),
        modificationDate: null,
        comment,
      }),
    );
  }

  async list(task: Task): Promise<TaskCommentResponse[]> {
    const comments = await this.comments.find({
      where: { relationId: task.relationId, taskId: task.id },
      order: { id: 'ASC' },
    });
    return comments.map(toTaskCommentResponse);
  }

  async update(callerId: number, task: Task, commentId: number, comment: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.lockOwn(manager, callerId, task, commentId, T.COMMENT_NOT_AUTHOR_MODIFY);
      await manager.update(
        TaskComment,
        { id: commentId },
        { comment, modificationDate: wholeSeconds(this.clock.now()) },
      );
    });
  }

  async delete(callerId: number, task: Task, commentId: number): Promise<void> {
    await this.transactions.run(async (manager) => {
      await this.lockOwn(manager, callerId, task, commentId, T.COMMENT_NOT_AUTHOR_DELETE);
      await manager.delete(TaskComment, { id: commentId });
    });
  }

  private async lockOwn(
    manager: EntityManager,
    callerId: number,
    task: Task,
    commentId: number,
    notAuthorMessage: string,
  ): Promise<void> {
    const comment = await findByIdForUpdate(manager, TaskComment, commentId);
    const error = commentDenialFor(comment, callerId, task.id, notAuthorMessage);
    if (error) throw error;
  }
}
