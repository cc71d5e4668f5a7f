import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiError, Clock, wholeSeconds } from '@app/common';
import { Transactions } from '../database/transactions';
import { lockRelationFor } from '../mentorship/relation-locks';
import { MentorshipRelation } from '../mentorship/relation.entity';
import { forUpdate } from '../database/row-lock';
import { TaskResponse, toTaskResponse } from './task.dto';
import { Task } from './task.entity';
import { TaskRules } from './task-rules';
import { TasksMessages as T } from './tasks.messages';

/** A relation's task list (API.md §5). Access was decided by RelationRoleGuard. */
@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(Task) private readonly tasks: Repository<Task>,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Ids come from the relation's counter, under its row lock: 1, 2, 3 … never reused (§5.1). */
  async create(callerId: number, relation: MentorshipRelation, description: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const locked = await lockRelationFor(
        manager,
        relation.id,
        'participant',
        TaskRules.createTask,
        callerId,
      );
      const id = locked.lastTaskId + 1;
      await manager.update(MentorshipRelation, { id: locked.id }, { lastTaskId: id });
      await manager.insert(Task, {
        relationId: locked.id,
        id,
        description,
        isDone: false,
        createdAt: wholeSeconds(this.clock.now()),
        completedAt: null,
      });
    });
  }

  async list(relation: MentorshipRelation): Promise<TaskResponse[]> {
    const tasks = await this.tasks.find({ where: { relationId: relation.id }, order: { id: 'ASC' } });
    return tasks.map(toTaskResponse);
  }

  async delete(task: Task): Promise<void> {
    await this.transactions.run(async (manager) => {
      const result = await manager.delete(Task, { relationId: task.relationId, id: task.id });
      // Deleted by a concurrent request since the guard looked.
      if (!result.affected) throw new ApiError(HttpStatus.NOT_FOUND, T.TASK_NOT_FOUND);
    });
  }

  async complete(task: Task): Promise<void> {
    await this.transactions.run(async (manager) => {
      const current = await forUpdate(
        manager
          .getRepository(Task)
          .createQueryBuilder('task')
          .where('task.relationId = :relationId AND task.id = :id', {
            relationId: task.relationId,
            id: task.id,
          }),
      ).getOne();
      if (!current) throw new ApiError(HttpStatus.NOT_FOUND, T.TASK_NOT_FOUND);
      if (current.isDone) throw new ApiError(HttpStatus.CONFLICT, T.TASK_ALREADY_DONE);
      await manager.update(
        Task,
        { relationId: task.relationId, id: task.id },
        { isDone: true, completedAt: wholeSeconds(this.clock.now()) },
      );
    });
  }
}
