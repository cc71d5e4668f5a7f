import { toEpochSeconds } from '@app/common';
import { TaskComment } from './task-comment.entity';

/** Body of comment create/modify (API.md §6): at most 400 characters not counting whitespace. */
export class CommentDto {
  comment!: string;
}

/** API.md §1.2 TaskComment. */
export class TaskCommentResponse {
  id!: number;
  /** The author; null once the author's account is deleted (Q22). */
  user_id!: number | null;
  task_id!: number;
  relation_id!: number;
  /** Epoch seconds (float). */
  creation_date!: number;
  /** Epoch seconds (float); null until edited. */
  modification_date!: number | null;
  comment!: string;
}

export function toTaskCommentResponse(comment: TaskComment): TaskCommentResponse {
  return {
    id: comment.id,
    user_id: comment.userId,
    task_id: comment.taskId,
    relation_id: comment.relationId,
    creation_date: toEpochSeconds(comment.creationDate),
    modification_date: toEpochSeconds(comment.modificationDate),
    comment: comment.comment,
  };
}
