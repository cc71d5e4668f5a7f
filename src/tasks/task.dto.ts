import { toEpochSeconds } from '@app/common';
import { Task } from './task.entity';

/** API.md §1.2 Task: every task object carries `is_done` (§12 Q6). */
export class TaskResponse {
  id!: number;
  description!: string;
  is_done!: boolean;
  /** Epoch seconds (float). */
  created_at!: number;
  /** Epoch seconds (float); null until the task is done. */
  completed_at!: number | null;
}

export function toTaskResponse(task: Task): TaskResponse {
  return {
    id: task.id,
    description: task.description,
    is_done: task.isDone,
    created_at: toEpochSeconds(task.createdAt),
    completed_at: toEpochSeconds(task.completedAt),
  };
}

/** Body of POST …/task (API.md §5.2). */
export class CreateTaskDto {
  /** Any text up to 16 000 characters. */
  description!: string;
}
